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
 */
public record IssuerSettings(String issuer, String audience, Optional<String> bootstrapFile,
                             Optional<String> signingKeystore, Optional<String> signingPassword,
                             Optional<String> signingAlias, Duration registryCacheTime,
                             Optional<String> encryptionKey) {

    public static final String DEFAULT_ISSUER = "http://localhost:8080";

    public IssuerSettings {
        issuer = stripTrailingSlash(issuer);
        if (issuer.isEmpty()) {
            throw new IllegalStateException("jwtbearer.issuer must not be empty");
        }
        if (registryCacheTime.isNegative()) {
            throw new IllegalStateException("jwtbearer.registry.cache-seconds must not be negative");
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
                nonBlank(config, "jwtbearer.encryption-key"));
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
