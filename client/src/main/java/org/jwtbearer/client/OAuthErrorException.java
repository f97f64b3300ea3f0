package org.jwtbearer.client;

/**
 * The token endpoint refused with an OAuth error answer (RFC 6749 §5.2): {@code invalid_grant},
 * {@code invalid_client}, ... Never retried when the status is 4xx: the same request would be refused again.
 */
public final class OAuthErrorException extends JwtBearerClientException {

    private final int status;
    private final String error;
    private final String errorDescription;
    private final String errorUri;

    OAuthErrorException(int status, String error, String errorDescription, String errorUri) {
        super("token endpoint answered " + status + " " + error + (errorDescription != null ? ": " + errorDescription : ""),
                null);
        this.status = status;
        this.error = error;
        this.errorDescription = errorDescription;
        this.errorUri = errorUri;
    }

    public int status() {
        return status;
    }

    /** The {@code error} code, e.g. {@code invalid_grant}. */
    public String error() {
        return error;
    }

    /** The {@code error_description}, or null when the endpoint gave none. */
    public String errorDescription() {
        return errorDescription;
    }

    public String errorUri() {
        return errorUri;
    }
}
