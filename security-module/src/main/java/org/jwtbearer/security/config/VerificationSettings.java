package org.jwtbearer.security.config;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * How the mechanism verifies, beyond what it verifies against ({@link BearerSettings}): the verified-token
 * cache, how long JWKS keys outlive an outage, and the optional revocation check.
 *
 * @param tokenCacheMaxEntries {@code jwtbearer.token-cache.max-entries}: how many verified tokens are remembered
 *                             (until their {@code exp}) so repeated requests skip the signature check (default
 *                             10000; 0 turns the cache off)
 * @param jwksMaxStale         {@code jwtbearer.jwks.max-stale}: seconds the JWKS keys held stay trusted past
 *                             {@code jwtbearer.jwks.max-age} while the JWKS cannot be fetched (default 3600);
 *                             after that every token is refused until a fetch succeeds
 * @param introspection        the revocation check, when {@code jwtbearer.introspection.url} is set
 */
public record VerificationSettings(int tokenCacheMaxEntries, Duration jwksMaxStale,
                                   Optional<IntrospectionSettings> introspection) {

    public static final String TOKEN_CACHE_MAX_ENTRIES = "jwtbearer.token-cache.max-entries";
    public static final String JWKS_MAX_STALE = "jwtbearer.jwks.max-stale";

    public VerificationSettings {
        if (tokenCacheMaxEntries < 0) {
            throw new IllegalStateException(TOKEN_CACHE_MAX_ENTRIES + " must not be negative");
        }
        if (jwksMaxStale.isNegative()) {
            throw new IllegalStateException(JWKS_MAX_STALE + " must not be negative");
        }
    }

    public static VerificationSettings from(Config config) {
        return new VerificationSettings(
                config.getOptionalValue(TOKEN_CACHE_MAX_ENTRIES, Integer.class).orElse(10_000),
                Duration.ofSeconds(config.getOptionalValue(JWKS_MAX_STALE, Long.class).orElse(3600L)),
                IntrospectionSettings.from(config));
    }
}
