package org.jwtbearer.security.token;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a verified token must say besides carrying a good signature: who issued it, whom it is for, its type and
 * its times.
 *
 * <p>MicroProfile JWT and RFC 9068 disagree on two points, and MicroProfile JWT's answer is the default here so
 * that an application written for it behaves as it expects: tokens typed {@code JWT} (what MP-JWT issuers such as
 * Keycloak or Entra ID produce) are accepted beside {@code at+jwt}, and no audience configured means the audience
 * is not checked. {@link #strict} is RFC 9068's answer, for resource servers of this product's issuer.
 *
 * @param issuer                    the expected {@code iss}, or empty when it is not checked (MicroProfile JWT
 *                                  makes {@code mp.jwt.verify.issuer} optional; the mechanism warns then)
 * @param audiences                 the audiences this resource server answers to, one of which must appear in
 *                                  {@code aud}; empty means {@code aud} is not checked
 * @param requireAccessTokenType    whether {@code typ} must be {@code at+jwt} (RFC 9068 §4); otherwise {@code JWT}
 *                                  is accepted too. A token without {@code typ} is refused either way
 * @param clockSkew                 leeway for {@code exp}, {@code nbf} and an {@code iat} in the future
 * @param maxAge                    how long after its {@code iat} a token is accepted, when set ({@code iat} then
 *                                  required); measured without skew, as MP-JWT's {@code mp.jwt.verify.token.age} is
 */
public record TokenRules(Optional<String> issuer, Set<String> audiences, boolean requireAccessTokenType, Duration clockSkew,
                         Optional<Duration> maxAge) {

    public TokenRules {
        if (issuer.isPresent() && issuer.get().isBlank()) {
            throw new IllegalArgumentException("the expected issuer must not be blank");
        }
        audiences = Set.copyOf(audiences);
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("the clock skew must not be negative");
        }
        if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
            throw new IllegalArgumentException("the token age must be positive");
        }
    }

    /**
     * RFC 9068 rules: type {@code at+jwt}, an issuer and an audience, always. An empty audience set is refused here: for a
     * strict verifier, no audience configured must never mean any audience.
     */
    public static TokenRules strict(String issuer, Set<String> audiences, Duration clockSkew) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("the expected issuer must be configured");
        }
        if (audiences == null || audiences.isEmpty()) {
            throw new IllegalArgumentException("at least one expected audience must be configured");
        }
        return new TokenRules(Optional.of(issuer), audiences, true, clockSkew, Optional.empty());
    }

    boolean checksAudience() {
        return !audiences.isEmpty();
    }

    TokenTimes times() {
        return new TokenTimes(clockSkew.toSeconds(), maxAge.map(Duration::toSeconds));
    }
}
