package org.jwtbearer.security.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtbearer.security.mechanism.FailureResponse;

/**
 * Refuses a request whose URI (path or query) holds percent-escapes that are not UTF-8, such as a sys_id of
 * {@code %ff%fe}, with a 400 in the JSON error envelope. Left to it, RESTEasy logs a warning with a stack
 * trace for every such request and answers in words of its own; a client's mistake is worth no log line.
 * Declared in each WAR's web.xml after {@link NoSniffFilter}.
 */
public class UndecodableUriFilter implements Filter {

    static final String MESSAGE = "Invalid request";
    static final String DETAIL = "The request URI has percent-escapes that are not UTF-8";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && !(decodable(http.getRequestURI()) && decodable(http.getQueryString()))) {
            byte[] body = FailureResponse.envelope(MESSAGE, DETAIL).getBytes(StandardCharsets.UTF_8);
            answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            answer.setHeader("Cache-Control", "no-store");
            answer.setContentType("application/json;charset=UTF-8");
            answer.setContentLength(body.length);
            answer.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
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
}
