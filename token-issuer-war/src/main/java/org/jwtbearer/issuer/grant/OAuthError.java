package org.jwtbearer.issuer.grant;

/** The token endpoint's error codes (RFC 6749 §5.2), each with the HTTP status it is answered with. */
public enum OAuthError {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    /** Not a client's fault; answered only when the server itself fails (RFC 6749 §4.1.2.1). */
    SERVER_ERROR("server_error", 500),
    /**
     * The server cannot answer now but may in a moment: its database cannot be reached. Answered with
     * {@code Retry-After}; nothing was issued or used up (RFC 6749 §4.1.2.1 defines the code).
     */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503);

    private final String code;
    private final int status;

    OAuthError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
