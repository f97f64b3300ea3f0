package org.jwtbearer.security.assertion;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * An RFC 7523 §3 assertion for the JWT bearer grant: who issues it, which user it speaks for, which token
 * endpoint it is for, and a short lifetime. Every {@link #sign} mints a fresh {@code jti}, so an assertion
 * from this class is never replayed by accident.
 */
public final class JwtBearerAssertion {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final String issuer;
    private final String subject;
    private final List<String> audience;
    private final Duration lifetime;
    private final Map<String, Object> extraClaims;

    private JwtBearerAssertion(Builder b) {
        if (b.issuer == null) {
            throw new IllegalArgumentException("an issuer (iss) is required");
        }
        this.issuer = b.issuer;
        // RFC 7523 requires sub, but Google's service-account grant leaves it out when acting as the account itself.
        this.subject = b.subject;
        if (b.audience.isEmpty()) {
            throw new IllegalArgumentException("at least one audience (aud) is required");
        }
        this.audience = List.copyOf(b.audience);
        this.lifetime = b.lifetime;
        this.extraClaims = Map.copyOf(b.extraClaims);
    }

    public static Builder builder() {
        return new Builder();
    }

    public JwtClaims claims(Clock clock) {
        long now = clock.instant().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        if (subject != null) {
            claims.setSubject(subject);
        }
        if (audience.size() == 1) {
            claims.setAudience(audience.get(0));
        } else {
            claims.setAudience(audience);
        }
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setNotBefore(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
        claims.setJwtId(UUID.randomUUID().toString());
        extraClaims.forEach(claims::setClaim);
        return claims;
    }

    /** The signed compact JWS, typed {@code JWT}. */
    public String sign(SigningKey key, Clock clock) {
        return JwtSigner.sign(claims(clock), key, "JWT");
    }

    public static final class Builder {
        private String issuer;
        private String subject;
        private final List<String> audience = new ArrayList<>();
        private Duration lifetime = DEFAULT_LIFETIME;
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder audience(String audience) {
            this.audience.add(audience);
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("the lifetime must be positive");
            }
            this.lifetime = lifetime;
            return this;
        }

        public Builder claim(String name, Object value) {
            this.extraClaims.put(name, value);
            return this;
        }

        public JwtBearerAssertion build() {
            return new JwtBearerAssertion(this);
        }
    }
}
