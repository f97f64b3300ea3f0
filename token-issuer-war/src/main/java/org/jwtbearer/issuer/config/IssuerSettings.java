package org.jwtbearer.issuer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The issuer's own settings ({@code jwtbearer.*}, MicroProfile Config: system properties, then environment
 * variables such as {@code JWTBEARER_ISSUER}, then {@code microprofile-config.properties}).
 *
 * @param issuer              {@code jwtbearer.issuer}: the issuer identifier, {@code iss} of every token (default http://localhost:8080)
 * @param audience            {@code jwtbearer.token.audience}: {@code aud} of access tokens (default: issuer + "/api")
 * @param bootstrapFile       {@code jwtbearer.bootstrap}: registry file imported at start-up (default: none)
 * @param signingKeystore     {@code jwtbearer.signing.keystore}: PKCS12/JKS file with the token signing key (default: a key generated at start-up)
 * @param signingPassword     {@code jwtbearer.signing.keystore-password}
 * @param signingAlias        {@code jwtbearer.signing.key-alias} (default: the keystore's only key)
 * @param registryCacheTime   {@code jwtbearer.registry.cache-seconds}: how long clients and users are served from
 *                            memory, and so the longest a registry change takes to reach every node (default 10)
 * @param encryptionKey       {@code jwtbearer.encryption-key}: base64 of 32 random bytes, the AES-256 key for what is
 *                            stored encrypted (HMAC client secrets, managed signing keys); default: a key for this run only
 * @param signingAlgorithm    {@code jwtbearer.signing.algorithm}: RS256, PS256 or ES256, the algorithm of signing keys the
 *                            issuer generates (default RS256); with a keystore, the algorithm its key signs with
 *                            (default: RS256 for an RSA key, ES256/384/512 for an EC key by its curve)
 * @param signingRotation     {@code jwtbearer.signing.rotation-days}: rotate the generated signing keys automatically this
 *                            often (default 0: only when an operator asks, {@code POST /admin/signing-keys/rotate})
 * @param publishBeforeUse    {@code jwtbearer.signing.publish-before-use-seconds}: how long a next key must have been
 *                            published before a rotation may start signing with it — the resource servers' JWKS cache
 *                            time; the registry cache time is added (default 600)
 * @param signingNextAlias    {@code jwtbearer.signing.next-key-alias}: with a keystore, a key of it published as the next
 *                            signing key but not used yet (default: none)
 * @param signingPreviousAlias {@code jwtbearer.signing.previous-key-alias}: with a keystore, a key of it still published
 *                            after it stopped signing, until its tokens expired (default: none)
 * @param clientAuthMaxFailures {@code jwtbearer.client-auth.max-failures}: consecutive failed client secret or client
 *                            assertion checks after which a client is locked out for a while (default 5; 0 turns it off)
 * @param clientAuthMaxLockout {@code jwtbearer.client-auth.max-lockout-seconds}: the longest such lockout (default 60)
 * @param clientJwksMaxAge    {@code jwtbearer.client-jwks.max-age-seconds}: how long keys fetched from a client's
 *                            {@code jwks_uri} are used before they are fetched again (default 300)
 * @param clientJwksRefreshCooldown {@code jwtbearer.client-jwks.refresh-cooldown-seconds}: least time between two
 *                            fetches of one client's {@code jwks_uri}, which an unknown {@code kid} triggers (default 30)
 * @param clientJwksTimeout   {@code jwtbearer.client-jwks.timeout-millis}: connect and read timeout of such a fetch (default 3000)
 * @param dataDirectory       {@code jwtbearer.data-dir}: where the issuer keeps the encryption key it generates when
 *                            {@code jwtbearer.encryption-key} is not set (default: {@code jwtbearer} in the server's data
 *                            directory — WildFly's {@code jboss.server.data.dir}, Payara's domain — else {@code ~/.jwtbearer})
 */
public record IssuerSettings(String issuer, String audience, Optional<String> bootstrapFile,
                             Optional<String> signingKeystore, Optional<String> signingPassword,
                             Optional<String> signingAlias, Duration registryCacheTime,
                             Optional<String> encryptionKey, Optional<String> signingAlgorithm,
                             Duration signingRotation, Duration publishBeforeUse, Optional<String> signingNextAlias,
                             Optional<String> signingPreviousAlias, int clientAuthMaxFailures, Duration clientAuthMaxLockout,
                             Duration clientJwksMaxAge, Duration clientJwksRefreshCooldown, Duration clientJwksTimeout,
                             Path dataDirectory) {

    /** The algorithms the issuer generates signing keys for. */
    public static final java.util.List<String> GENERATED_KEY_ALGORITHMS = java.util.List.of("RS256", "PS256", "ES256");

    public static final String DEFAULT_ISSUER = "http://localhost:8080";
    public static final int DEFAULT_CLIENT_AUTH_MAX_FAILURES = 5;
    public static final Duration DEFAULT_CLIENT_AUTH_MAX_LOCKOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CLIENT_JWKS_MAX_AGE = Duration.ofSeconds(300);
    public static final Duration DEFAULT_CLIENT_JWKS_REFRESH_COOLDOWN = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CLIENT_JWKS_TIMEOUT = Duration.ofMillis(3000);

    public IssuerSettings {
        issuer = stripTrailingSlash(issuer);
        if (issuer.isEmpty()) {
            throw new IllegalStateException("jwtbearer.issuer must not be empty");
        }
        if (registryCacheTime.isNegative()) {
            throw new IllegalStateException("jwtbearer.registry.cache-seconds must not be negative");
        }
        if (signingRotation.isNegative()) {
            throw new IllegalStateException("jwtbearer.signing.rotation-days must not be negative");
        }
        if (publishBeforeUse.isNegative()) {
            throw new IllegalStateException("jwtbearer.signing.publish-before-use-seconds must not be negative");
        }
        if (signingAlgorithm.isPresent() && signingKeystore.isEmpty()
                && !GENERATED_KEY_ALGORITHMS.contains(signingAlgorithm.get())) {
            throw new IllegalStateException("jwtbearer.signing.algorithm must be one of " + GENERATED_KEY_ALGORITHMS);
        }
        if (clientAuthMaxFailures < 0) {
            throw new IllegalStateException("jwtbearer.client-auth.max-failures must not be negative");
        }
        if (clientAuthMaxLockout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("jwtbearer.client-auth.max-lockout-seconds must be at least 1");
        }
        if (clientJwksMaxAge.isNegative() || clientJwksRefreshCooldown.isNegative()) {
            throw new IllegalStateException("jwtbearer.client-jwks.max-age-seconds and refresh-cooldown-seconds must not be negative");
        }
        if (clientJwksTimeout.isNegative() || clientJwksTimeout.isZero()) {
            throw new IllegalStateException("jwtbearer.client-jwks.timeout-millis must be positive");
        }
    }

    public static IssuerSettings from(Config config) {
        String issuer = config.getOptionalValue("jwtbearer.issuer", String.class).orElse(DEFAULT_ISSUER);
        return new IssuerSettings(issuer,
                config.getOptionalValue("jwtbearer.token.audience", String.class).orElse(stripTrailingSlash(issuer) + "/api"),
                nonBlank(config, "jwtbearer.bootstrap"),
                nonBlank(config, "jwtbearer.signing.keystore"),
                config.getOptionalValue("jwtbearer.signing.keystore-password", String.class),
                nonBlank(config, "jwtbearer.signing.key-alias"),
                Duration.ofSeconds(config.getOptionalValue("jwtbearer.registry.cache-seconds", Long.class).orElse(10L)),
                nonBlank(config, "jwtbearer.encryption-key"),
                nonBlank(config, "jwtbearer.signing.algorithm"),
                Duration.ofDays(config.getOptionalValue("jwtbearer.signing.rotation-days", Long.class).orElse(0L)),
                Duration.ofSeconds(config.getOptionalValue("jwtbearer.signing.publish-before-use-seconds", Long.class).orElse(600L)),
                nonBlank(config, "jwtbearer.signing.next-key-alias"),
                nonBlank(config, "jwtbearer.signing.previous-key-alias"),
                config.getOptionalValue("jwtbearer.client-auth.max-failures", Integer.class).orElse(DEFAULT_CLIENT_AUTH_MAX_FAILURES),
                config.getOptionalValue("jwtbearer.client-auth.max-lockout-seconds", Long.class)
                        .map(Duration::ofSeconds).orElse(DEFAULT_CLIENT_AUTH_MAX_LOCKOUT),
                config.getOptionalValue("jwtbearer.client-jwks.max-age-seconds", Long.class)
                        .map(Duration::ofSeconds).orElse(DEFAULT_CLIENT_JWKS_MAX_AGE),
                config.getOptionalValue("jwtbearer.client-jwks.refresh-cooldown-seconds", Long.class)
                        .map(Duration::ofSeconds).orElse(DEFAULT_CLIENT_JWKS_REFRESH_COOLDOWN),
                config.getOptionalValue("jwtbearer.client-jwks.timeout-millis", Long.class)
                        .map(Duration::ofMillis).orElse(DEFAULT_CLIENT_JWKS_TIMEOUT),
                nonBlank(config, "jwtbearer.data-dir").map(Path::of).orElseGet(IssuerSettings::serverDataDirectory));
    }

    /** Inside what the server keeps across restarts and upgrades of the application; never a temporary directory. */
    static Path serverDataDirectory() {
        String wildFly = System.getProperty("jboss.server.data.dir");
        if (wildFly != null) {
            return Path.of(wildFly, "jwtbearer");
        }
        String payaraDomain = System.getProperty("com.sun.aas.instanceRoot");
        if (payaraDomain != null) {
            return Path.of(payaraDomain, "data", "jwtbearer");
        }
        return Path.of(System.getProperty("user.home"), ".jwtbearer");
    }

    @Override
    public String toString() {
        // Never print the encryption key.
        return "IssuerSettings[issuer=" + issuer + ", audience=" + audience + ", registryCacheTime=" + registryCacheTime + "]";
    }

    /** The token endpoint URLs, which an assertion may name as its audience. */
    public String tokenEndpoint() {
        return issuer + "/oauth2/token";
    }

    public String serviceNowTokenEndpoint() {
        return issuer + "/oauth_token.do";
    }

    public String jwksEndpoint() {
        return issuer + "/oauth2/jwks";
    }

    public String introspectionEndpoint() {
        return issuer + "/oauth2/introspect";
    }

    public String revocationEndpoint() {
        return issuer + "/oauth2/revoke";
    }

    private static Optional<String> nonBlank(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String stripTrailingSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
