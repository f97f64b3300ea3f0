package org.jwtbearer.issuer.config;

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
 * @param clientAuthMaxFailures {@code jwtbearer.client-auth.max-failures}: consecutive failed client secret or client
 *                            assertion checks after which a client is locked out for a while (default 5; 0 turns it off)
 * @param clientAuthMaxLockout {@code jwtbearer.client-auth.max-lockout-seconds}: the longest such lockout (default 60)
 */
public record IssuerSettings(String issuer, String audience, Optional<String> bootstrapFile,
                             Optional<String> signingKeystore, Optional<String> signingPassword,
                             Optional<String> signingAlias, Duration registryCacheTime,
                             Optional<String> encryptionKey, int clientAuthMaxFailures, Duration clientAuthMaxLockout) {

    public static final String DEFAULT_ISSUER = "http://localhost:8080";
    public static final int DEFAULT_CLIENT_AUTH_MAX_FAILURES = 5;
    public static final Duration DEFAULT_CLIENT_AUTH_MAX_LOCKOUT = Duration.ofSeconds(60);

    public IssuerSettings {
        issuer = stripTrailingSlash(issuer);
        if (issuer.isEmpty()) {
            throw new IllegalStateException("jwtbearer.issuer must not be empty");
        }
        if (registryCacheTime.isNegative()) {
            throw new IllegalStateException("jwtbearer.registry.cache-seconds must not be negative");
        }
        if (clientAuthMaxFailures < 0) {
            throw new IllegalStateException("jwtbearer.client-auth.max-failures must not be negative");
        }
        if (clientAuthMaxLockout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("jwtbearer.client-auth.max-lockout-seconds must be at least 1");
        }
    }

    /** The settings without the client authentication ones, which take their defaults. */
    public IssuerSettings(String issuer, String audience, Optional<String> bootstrapFile, Optional<String> signingKeystore,
                          Optional<String> signingPassword, Optional<String> signingAlias, Duration registryCacheTime,
                          Optional<String> encryptionKey) {
        this(issuer, audience, bootstrapFile, signingKeystore, signingPassword, signingAlias, registryCacheTime, encryptionKey,
                DEFAULT_CLIENT_AUTH_MAX_FAILURES, DEFAULT_CLIENT_AUTH_MAX_LOCKOUT);
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
                config.getOptionalValue("jwtbearer.client-auth.max-failures", Integer.class).orElse(DEFAULT_CLIENT_AUTH_MAX_FAILURES),
                config.getOptionalValue("jwtbearer.client-auth.max-lockout-seconds", Long.class)
                        .map(Duration::ofSeconds).orElse(DEFAULT_CLIENT_AUTH_MAX_LOCKOUT));
    }

    /** The token endpoint URLs, which an assertion may name as its audience. */
    @Override
    public String toString() {
        // Never print the encryption key.
        return "IssuerSettings[issuer=" + issuer + ", audience=" + audience + ", registryCacheTime=" + registryCacheTime + "]";
    }

    public String tokenEndpoint() {
        return issuer + "/oauth2/token";
    }

    public String serviceNowTokenEndpoint() {
        return issuer + "/oauth_token.do";
    }

    private static Optional<String> nonBlank(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String stripTrailingSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
