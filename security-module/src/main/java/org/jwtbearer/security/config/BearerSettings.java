package org.jwtbearer.security.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;

/**
 * What the bearer mechanism verifies tokens against, read from MicroProfile Config. The standard
 * MicroProfile JWT keys come first, so an application moving off MP-JWT keeps its configuration.
 *
 * @param keys            the verification and decryption keys: {@code mp.jwt.verify.publickey},
 *                        {@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.publickey.algorithm},
 *                        {@code mp.jwt.decrypt.key.location}, {@code mp.jwt.decrypt.key.algorithm} ({@link KeySettings})
 * @param issuer          {@code mp.jwt.verify.issuer}, or null when unset: MP-JWT 2.1 checks {@code iss} against
 *                        "the configured value" and does not require one, so without it {@code iss} is not checked
 * @param audiences       {@code mp.jwt.verify.audiences}, comma separated; empty (optional in MicroProfile JWT) means
 *                        a token's {@code aud} is not checked, which the mechanism warns about at startup
 * @param clockSkew       {@code mp.jwt.verify.clock.skew} in seconds (default 60)
 * @param realm           {@code jwtbearer.realm}: the realm of {@code WWW-Authenticate} challenges
 * @param jwksMaxAge      {@code jwtbearer.jwks.max-age}: seconds a fetched JWKS is used before refetching (default 600)
 * @param jwksCooldown    {@code jwtbearer.jwks.refresh-cooldown}: least seconds between two fetches (default 30)
 * @param jwksTimeout     {@code jwtbearer.jwks.timeout}: connect and read timeout in seconds (default 5)
 * @see VerificationSettings the verified-token cache ({@code jwtbearer.token-cache.max-entries}), how long keys
 *      outlive a JWKS outage ({@code jwtbearer.jwks.max-stale})
 * @see IntrospectionSettings the optional revocation check ({@code jwtbearer.introspection.*})
 */
public record BearerSettings(KeySettings keys, String issuer, Set<String> audiences, Duration clockSkew, String realm,
                             Duration jwksMaxAge, Duration jwksCooldown, Duration jwksTimeout) {

    public static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    public static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    public static final String REALM = "jwtbearer.realm";

    private static final Logger LOG = Logger.getLogger(BearerSettings.class.getName());

    /**
     * The settings, or empty when no key is configured (the application does not use bearer tokens). Keys
     * that cannot be used, and keys without audiences, are configuration errors, reported by exception.
     */
    public static Optional<BearerSettings> from(Config config) {
        Optional<KeySettings> keys = KeySettings.from(config);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String issuer = config.getOptionalValue(ISSUER, String.class).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (issuer == null) {
            LOG.warning(() -> ISSUER + " is not set: tokens of any issuer whose key is configured are accepted");
        }
        Set<String> audiences = config.getOptionalValue(AUDIENCES, String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        return Optional.of(new BearerSettings(
                keys.get(), issuer, audiences,
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
