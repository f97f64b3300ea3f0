package org.jwtbearer.security.mechanism;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads and drops the body of a request the mechanism answers itself, up to {@link #MAX_BYTES}.
 *
 * <p>Why: WildFly (Undertow) takes a refused request as finished only once its body has been read to the end.
 * Otherwise, after the mechanism has written and closed its answer, the container calls {@code sendError} on
 * it and logs the {@code IllegalStateException} ("Response already commited") as an ERROR with some forty
 * lines of stack trace — for every unauthenticated POST or PATCH with a body, which anyone can send as often
 * as they like. A body longer than the bound is left unread and the connection is closed after the answer.
 */
final class UnreadBody {

    /**
     * WildFly's own default limit on a request body (its {@code max-post-size}): anything the server lets in
     * is read. Reading a refused body costs bandwidth, which its sender pays as well; a smaller bound would
     * leave a stack trace in the log for every request with a longer body.
     */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private UnreadBody() {
    }

    static void discard(HttpServletRequest request, HttpServletResponse response) {
        long length = request.getContentLengthLong();
        if (length == 0) {
            return;
        }
        if (length > MAX_BYTES) {
            response.setHeader("Connection", "close");
            return;
        }
        try {
            InputStream body = request.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long read = 0;
            int n;
            while (read <= MAX_BYTES && (n = body.read(buffer)) >= 0) {
                read += n;
            }
            if (read > MAX_BYTES) {
                response.setHeader("Connection", "close"); // a chunked body without a length, longer than the bound
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the body was already taken as a reader or as form parameters: nothing left to drop.
        }
    }
}
