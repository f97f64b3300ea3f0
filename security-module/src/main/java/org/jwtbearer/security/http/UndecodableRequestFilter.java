package org.jwtbearer.security.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtbearer.security.mechanism.FailureResponse;

/**
 * Refuses, in the JSON error envelope, a request whose text the server cannot decode:
 * <ul>
 * <li>a URI (path or query) with percent-escapes that are not UTF-8, such as a sys_id of {@code %ff%fe}: 400.
 * Left to it, RESTEasy logs a warning with a stack trace for every such request and answers in words of its own;</li>
 * <li>a declared charset that is unknown or not a superset of ASCII ({@code charset=UTF-16}): 415. A form, a query
 * and JSON are ASCII on the wire, so such a charset cannot be meant; Payara decodes the query with it when the
 * type is a form and answers 500 with a logged stack trace.</li>
 * </ul>
 * A client's mistake is worth no log line. Declared in each WAR's web.xml after {@link NoSniffFilter}.
 */
public class UndecodableRequestFilter implements Filter {

    static final String MESSAGE = "Invalid request";
    static final String URI_DETAIL = "The request URI has percent-escapes that are not UTF-8";
    static final String CHARSET_DETAIL = "The request's charset cannot be read here: send UTF-8";

    private static final byte[] PRINTABLE_ASCII = printableAscii();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            if (!(decodable(http.getRequestURI()) && decodable(http.getQueryString()))) {
                refuse(answer, HttpServletResponse.SC_BAD_REQUEST, URI_DETAIL);
                return;
            }
            String charset = http.getCharacterEncoding();
            if (charset != null && !asciiCompatible(charset)) {
                refuse(answer, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, CHARSET_DETAIL);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse answer, int status, String detail) throws IOException {
        byte[] body = FailureResponse.envelope(MESSAGE, detail).getBytes(StandardCharsets.UTF_8);
        answer.setStatus(status);
        answer.setHeader("Cache-Control", "no-store");
        answer.setContentType("application/json;charset=UTF-8");
        answer.setContentLength(body.length);
        answer.getOutputStream().write(body);
    }

    /** Whether every {@code %XX} escape of the raw text is well formed and the bytes they make are UTF-8. */
    static boolean decodable(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return false;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether the charset is one this JVM knows and writes printable ASCII as ASCII (UTF-8, ISO-8859-1: yes; UTF-16: no). */
    static boolean asciiCompatible(String charsetName) {
        try {
            String name = charsetName.strip();
            // A parameter value may be a quoted string (RFC 9110 §5.6.6); not every container unquotes it.
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            Charset charset = Charset.forName(name);
            return charset.canEncode() && Arrays.equals(new String(PRINTABLE_ASCII, StandardCharsets.US_ASCII).getBytes(charset), PRINTABLE_ASCII);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }

    private static byte[] printableAscii() {
        byte[] bytes = new byte[0x7f - 0x20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x20 + i);
        }
        return bytes;
    }
}
