package org.jwtbearer.issuer.grant;

/**
 * A refused token request. {@code description} goes to the client in {@code error_description};
 * {@code reason} is the precise, stable code that goes only to the audit log.
 */
public class OAuthException extends RuntimeException {

    /** Plain ASCII of the RFC 6749 §5.2 {@code error_description} charset, and no hint of what failed inside. */
    public static final String UNAVAILABLE_DESCRIPTION = "The service is temporarily unavailable; try again shortly";

    private final OAuthError error;
    private final String reason;

    public OAuthException(OAuthError error, String description, String reason) {
        super(description, null, false, false);
        this.error = error;
        this.reason = reason;
    }

    /** The database cannot be reached: 503 {@code temporarily_unavailable}, {@code reason} naming what needed it. */
    public static OAuthException temporarilyUnavailable(String reason) {
        return new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, UNAVAILABLE_DESCRIPTION, reason);
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
