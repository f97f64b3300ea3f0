package org.jwtbearer.security.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;

/**
 * What the bearer mechanism verifies tokens against, read from MicroProfile Config. The standard
 * MicroProfile JWT keys come first, so an application moving off MP-JWT keeps its configuration.
 *
 * @param keyLocation     {@code mp.jwt.verify.publickey.location}: the issuer's JWKS URL
 * @param issuer          {@code mp.jwt.verify.issuer}
 * @param audiences       {@code mp.jwt.verify.audiences}, comma separated
 * @param clockSkew       {@code mp.jwt.verify.clock.skew} in seconds (default 60)
 * @param realm           {@code jwtbearer.realm}: the realm of {@code WWW-Authenticate} challenges
 * @param jwksMaxAge      {@code jwtbearer.jwks.max-age}: seconds a fetched JWKS is used before refetching (default 600)
 * @param jwksCooldown    {@code jwtbearer.jwks.refresh-cooldown}: least seconds between two fetches (default 30)
 * @param jwksTimeout     {@code jwtbearer.jwks.timeout}: connect and read timeout in seconds (default 5)
 * @see VerificationSettings the verified-token cache ({@code jwtbearer.token-cache.max-entries}), how long keys
 *      outlive a JWKS outage ({@code jwtbearer.jwks.max-stale})
 * @see IntrospectionSettings the optional revocation check ({@code jwtbearer.introspection.*})
 */
public record BearerSettings(URI keyLocation, String issuer, Set<String> audiences, Duration clockSkew, String realm,
                             Duration jwksMaxAge, Duration jwksCooldown, Duration jwksTimeout) {

    public static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    public static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    public static final String REALM = "jwtbearer.realm";

    /**
     * The settings, or empty when no key location is configured (the application does not use bearer
     * tokens). A location without issuer or audiences is a configuration error, reported by exception.
     */
    public static Optional<BearerSettings> from(Config config) {
        Optional<String> location = config.getOptionalValue(KEY_LOCATION, String.class);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        String issuer = config.getOptionalValue(ISSUER, String.class)
                .orElseThrow(() -> new IllegalStateException(ISSUER + " must be set when " + KEY_LOCATION + " is"));
        Set<String> audiences = config.getOptionalValue(AUDIENCES, String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalStateException(AUDIENCES + " must be set: a token's audience is always checked"));
        return Optional.of(new BearerSettings(
                URI.create(location.get().trim()), issuer, audiences,
                seconds(config, CLOCK_SKEW, 60),
                config.getOptionalValue(REALM, String.class).orElse("jwtbearer"),
                seconds(config, "jwtbearer.jwks.max-age", 600),
                seconds(config, "jwtbearer.jwks.refresh-cooldown", 30),
                seconds(config, "jwtbearer.jwks.timeout", 5)));
    }

    private static Duration seconds(Config config, String key, long defaultSeconds) {
        return Duration.ofSeconds(config.getOptionalValue(key, Long.class).orElse(defaultSeconds));
    }
}
