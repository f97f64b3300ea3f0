package org.jwtbearer.it.mutation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a {@link RawRequest}: the status and everything the server wrote (head and body, as text), read
 * until it closes the connection. Interim {@code 1xx} answers (to {@code Expect: 100-continue}) are skipped.
 */
public record RawResponse(int status, String head, String body) {

    /** Longer than any honest answer here takes; a request still unanswered then counts as a hang. */
    static final int READ_TIMEOUT_MILLIS = 20_000;
    /** Enough to judge an answer; a larger one is cut (and the connection closed). */
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    /** Sends {@code request} to {@code baseUrl}'s host and port on a connection of its own. */
    public static RawResponse send(URI baseUrl, RawRequest request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort()), 10_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toBytes(baseUrl.getHost() + ":" + baseUrl.getPort()));
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer (413, 400) and close before reading a large body: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            return new RawResponse(-1, "", "no answer within " + READ_TIMEOUT_MILLIS + " ms");
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0 && answer.size() < MAX_ANSWER_BYTES; ) {
                answer.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A server that closes with unread request bytes may reset the connection after answering.
        }
        return answer.toByteArray();
    }

    static RawResponse parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        while (true) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = status(head);
            if (status >= 100 && status < 200 && end >= 0) {
                text = body;
                continue;
            }
            return new RawResponse(status, head, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    /** The status of a {@code HTTP/1.x NNN} line; 0 when the server closed without an answer or wrote something else. */
    private static int status(String head) {
        if (!head.startsWith("HTTP/1.") || head.length() < 12) {
            return 0;
        }
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String describe() {
        return "status " + status + "\n  " + Printable.cut(head, 600).replace("\\x0d\\x0a", "\n  ") + "\n  body: "
                + Printable.cut(body, 600);
    }
}
