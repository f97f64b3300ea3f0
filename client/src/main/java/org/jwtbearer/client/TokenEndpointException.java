package org.jwtbearer.client;

import java.util.OptionalInt;

/**
 * No usable answer from the token endpoint: it could not be reached, timed out, answered with an HTTP error
 * that is not an OAuth error, or sent a success that holds no token. {@link #status()} is empty when no
 * answer came at all.
 */
public final class TokenEndpointException extends JwtBearerClientException {

    private final int status;

    TokenEndpointException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
