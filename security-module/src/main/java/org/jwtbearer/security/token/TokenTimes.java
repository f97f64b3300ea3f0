package org.jwtbearer.security.token;

import java.util.Map;

/**
 * The time rules of an access token — {@code exp}, {@code nbf}, {@code iat} against now, with the allowed
 * clock skew — in one place, so a token answered from {@link CachingTokenVerifier}'s memory is judged exactly
 * as a freshly verified one.
 */
final class TokenTimes {

    private TokenTimes() {
    }

    /**
     * @param exp the expiry in epoch seconds; required
     * @param nbf not-before in epoch seconds, or {@code null}
     * @param iat issued-at in epoch seconds, or {@code null}
     */
    static void check(Long exp, Long nbf, Long iat, long nowSeconds, long skewSeconds) throws InvalidTokenException {
        if (exp == null) {
            throw new InvalidTokenException("exp", "The access token has no expiry");
        }
        if (exp + skewSeconds <= nowSeconds) {
            throw new InvalidTokenException("expired", "The access token expired");
        }
        if (nbf != null && nbf - skewSeconds > nowSeconds) {
            throw new InvalidTokenException("nbf", "The access token is not valid yet");
        }
        if (iat != null && iat - skewSeconds > nowSeconds) {
            throw new InvalidTokenException("iat", "The access token was issued in the future");
        }
    }

    /** A numeric-date claim of a verified token's claim map, or {@code null} when absent or not a number. */
    static Long seconds(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof Number number ? number.longValue() : null;
    }
}
