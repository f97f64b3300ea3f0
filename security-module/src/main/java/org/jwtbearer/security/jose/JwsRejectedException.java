package org.jwtbearer.security.jose;

/**
 * A JWS that failed a structural, header or signature check. {@code reason} is a stable machine code for
 * logs and audit events; the message says what was wrong in words.
 */
public class JwsRejectedException extends Exception {

    private final String reason;

    public JwsRejectedException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
