package org.jwtbearer.security.token;

import java.util.Map;
import java.util.Optional;

/**
 * The time rules of an access token — {@code exp}, {@code nbf}, {@code iat} against now, with the allowed
 * clock skew, and its greatest age when one is set — in one place, so a token answered from
 * {@link CachingTokenVerifier}'s memory is judged exactly as a freshly verified one.
 *
 * @param skewSeconds   leeway for {@code exp}, {@code nbf} and an {@code iat} in the future
 * @param maxAgeSeconds how many seconds after its {@code iat} a token is still accepted, when set
 */
record TokenTimes(long skewSeconds, Optional<Long> maxAgeSeconds) {

    /**
     * @param exp the expiry in epoch seconds; required
     * @param nbf not-before in epoch seconds, or {@code null}
     * @param iat issued-at in epoch seconds, or {@code null}; required when a greatest age is set
     */
    void check(Long exp, Long nbf, Long iat, long nowSeconds) throws InvalidTokenException {
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
        if (iat != null && iat > exp) {
            throw new InvalidTokenException("iat", "The access token was issued after it expired");
        }
        if (maxAgeSeconds.isPresent()) {
            if (iat == null) {
                throw new InvalidTokenException("iat", "The access token has no issue time, so its age cannot be checked");
            }
            if (nowSeconds - iat > maxAgeSeconds.get()) {
                throw new InvalidTokenException("too_old", "The access token was issued too long ago");
            }
        }
    }

    /** A numeric-date claim of a verified token's claim map, or {@code null} when absent or not a number. */
    static Long seconds(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof Number number ? number.longValue() : null;
    }
}
