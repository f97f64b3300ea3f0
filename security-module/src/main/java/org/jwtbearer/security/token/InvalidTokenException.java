package org.jwtbearer.security.token;

/**
 * A bearer token that must be refused: RFC 6750 {@code invalid_token}. {@code reason} is a stable code for
 * logs; the message is safe to return in {@code error_description}.
 */
public class InvalidTokenException extends Exception {

    private final String reason;

    public InvalidTokenException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
