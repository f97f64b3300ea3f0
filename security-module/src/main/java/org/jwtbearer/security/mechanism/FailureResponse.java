package org.jwtbearer.security.mechanism;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtbearer.security.http.NoSniffFilter;

/**
 * Writes an authentication or authorization failure: status, challenge and the JSON error envelope the
 * Table API uses ({@code {"error":{"message":…,"detail":…},"status":"failure"}}), and completes the exchange —
 * the request's body read ({@link UnreadBody}), the response closed — so no container error page replaces it
 * and the container has nothing to complain about in its log.
 */
public final class FailureResponse {

    /** ServiceNow's answer to a request without valid credentials. */
    public static final String NOT_AUTHENTICATED_MESSAGE = "User Not Authenticated";
    public static final String NOT_AUTHENTICATED_DETAIL = "Required to provide Auth information";
    public static final String UNAVAILABLE_MESSAGE = "Service Unavailable";
    /** How long a client should wait before trying again after a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private FailureResponse() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String challenge, String message,
                             String detail) throws IOException {
        UnreadBody.discard(request, response);
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setHeader("Cache-Control", "no-store");
        // This answer is written before any filter of the application runs, so NoSniffFilter cannot add it.
        response.setHeader(NoSniffFilter.HEADER, NoSniffFilter.VALUE);
        response.setContentType("application/json;charset=UTF-8");
        byte[] body = envelope(message, detail).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        // Closing completes the response: the container then adds no error page of its own.
        try (var out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** 503 with {@code Retry-After}: the request cannot be judged now, and may succeed in a moment. */
    public static void unavailable(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null, UNAVAILABLE_MESSAGE, detail);
    }

    /** The JSON error envelope, for answers written by other means (a JAX-RS filter). */
    public static String envelope(String message, String detail) {
        return "{\"error\":{\"message\":\"" + json(message) + "\",\"detail\":\"" + json(detail) + "\"},\"status\":\"failure\"}";
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
