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
 * @param requireAccessTokenType {@code jwtbearer.verify.require-at-jwt}: accept only tokens typed {@code at+jwt}
 *                             (RFC 9068 §4; default false: {@code JWT}, what MicroProfile JWT issuers produce, is
 *                             accepted too)
 * @param tokenAge             {@code mp.jwt.verify.token.age}: seconds after its {@code iat} a token is still
 *                             accepted, when set
 * @param requireAudiences     {@code jwtbearer.verify.require-audiences}: refuse to start without
 *                             {@code mp.jwt.verify.audiences} (default false: MicroProfile JWT makes it optional)
 * @param revocationList       the issuer's revocation list, fetched in the background, when
 *                             {@code jwtbearer.revocations.url} is set
 */
public record VerificationSettings(int tokenCacheMaxEntries, Duration jwksMaxStale,
                                   Optional<IntrospectionSettings> introspection, boolean requireAccessTokenType,
                                   Optional<Duration> tokenAge, boolean requireAudiences,
                                   Optional<RevocationListSettings> revocationList) {

    public static final String TOKEN_CACHE_MAX_ENTRIES = "jwtbearer.token-cache.max-entries";
    public static final String JWKS_MAX_STALE = "jwtbearer.jwks.max-stale";
    public static final String REQUIRE_ACCESS_TOKEN_TYPE = "jwtbearer.verify.require-at-jwt";
    public static final String TOKEN_AGE = "mp.jwt.verify.token.age";
    public static final String REQUIRE_AUDIENCES = "jwtbearer.verify.require-audiences";

    public VerificationSettings {
        if (tokenCacheMaxEntries < 0) {
            throw new IllegalStateException(TOKEN_CACHE_MAX_ENTRIES + " must not be negative");
        }
        if (jwksMaxStale.isNegative()) {
            throw new IllegalStateException(JWKS_MAX_STALE + " must not be negative");
        }
        if (tokenAge.isPresent() && (tokenAge.get().isNegative() || tokenAge.get().isZero())) {
            throw new IllegalStateException(TOKEN_AGE + " must be a positive number of seconds");
        }
    }

    public static VerificationSettings from(Config config) {
        return new VerificationSettings(
                config.getOptionalValue(TOKEN_CACHE_MAX_ENTRIES, Integer.class).orElse(10_000),
                Duration.ofSeconds(config.getOptionalValue(JWKS_MAX_STALE, Long.class).orElse(3600L)),
                IntrospectionSettings.from(config),
                config.getOptionalValue(REQUIRE_ACCESS_TOKEN_TYPE, Boolean.class).orElse(false),
                config.getOptionalValue(TOKEN_AGE, Long.class).map(Duration::ofSeconds),
                config.getOptionalValue(REQUIRE_AUDIENCES, Boolean.class).orElse(false),
                RevocationListSettings.from(config));
    }
}
