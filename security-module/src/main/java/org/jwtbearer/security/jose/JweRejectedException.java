package org.jwtbearer.security.jose;

/**
 * A JWE that failed a structural, header or decryption check. {@code reason} is a stable machine code for logs
 * and audit events; the message says what was wrong in words.
 */
public class JweRejectedException extends Exception {

    private final String reason;

    public JweRejectedException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
