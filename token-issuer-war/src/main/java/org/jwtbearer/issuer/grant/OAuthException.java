package org.jwtbearer.issuer.grant;

/**
 * A refused token request. {@code description} goes to the client in {@code error_description};
 * {@code reason} is the precise, stable code that goes only to the audit log.
 */
public class OAuthException extends RuntimeException {

    private final OAuthError error;
    private final String reason;

    public OAuthException(OAuthError error, String description, String reason) {
        super(description, null, false, false);
        this.error = error;
        this.reason = reason;
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public String reason() {
        return reason;
    }
}
