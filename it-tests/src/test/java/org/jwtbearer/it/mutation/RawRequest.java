package org.jwtbearer.it.mutation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP/1.1 request as bytes on the wire, which a mutation may change in any part: the method and target as
 * written (not normalised, not validated as a URI), headers in order and repeated at will, and the body. The
 * JDK client refuses much of what a hostile caller sends (its own Content-Length, odd methods, bad targets), so
 * the mutation test writes these itself.
 */
public record RawRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

    public RawRequest {
        headers = List.copyOf(headers);
    }

    public static RawRequest of(String method, String target, byte[] body, String... nameValues) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            headers.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return new RawRequest(method, target, headers, body);
    }

    public RawRequest withMethod(String newMethod) {
        return new RawRequest(newMethod, target, headers, body);
    }

    public RawRequest withTarget(String newTarget) {
        return new RawRequest(method, newTarget, headers, body);
    }

    public RawRequest withHeaders(List<Map.Entry<String, String>> newHeaders) {
        return new RawRequest(method, target, newHeaders, body);
    }

    public RawRequest withBody(byte[] newBody) {
        return new RawRequest(method, target, headers, newBody);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * The bytes to send: request line, the headers, {@code Host}, {@code Connection: close} and — unless a header
     * already frames the body — its true {@code Content-Length}, so no request leaves the server waiting for bytes
     * that never come.
     */
    public byte[] toBytes(String host) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        boolean framed = false;
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            framed |= h.getKey().equalsIgnoreCase("Content-Length") || h.getKey().equalsIgnoreCase("Transfer-Encoding");
        }
        if (!framed && (body.length > 0 || !method.equals("GET") && !method.equals("HEAD"))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** For failure messages: the request line, the headers and the body, non-printable bytes escaped, long parts cut. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(Printable.cut(target, 300)).append('\n');
        headers.forEach(h -> out.append("  ").append(h.getKey()).append(": ").append(Printable.cut(h.getValue(), 200)).append('\n'));
        out.append("  body (").append(body.length).append(" bytes): ").append(Printable.cut(Printable.escape(body), 400));
        return out.toString();
    }
}
