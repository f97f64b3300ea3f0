package org.jwtbearer.issuer.grant;

/**
 * A successful token response (RFC 6749 §5.1).
 *
 * @param expiresIn whole seconds the token is still valid for, rounded down so a client never overestimates
 */
public record TokenResult(String accessToken, long expiresIn, String scope) {

    public static final String TOKEN_TYPE = "Bearer";
}
