package org.jwtbearer.issuer.grant;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.client.SecretHash;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.support.ExpiringCache;
import org.jwtbearer.issuer.support.Sha256;

/**
 * Checks client secrets against their stored PBKDF2 hashes. The slow hash is what protects stored secrets;
 * paying it on every token request would make it the cost of the endpoint. So a secret that matched is
 * remembered — as a SHA-256 of the secret, together with the stored hash it matched, in memory only — for
 * an hour. That is safe for longer than the registry cache time because the stored hash is part of the key:
 * once a client's secret is changed or removed, the registry hands out another hash (or none) and the
 * remembered match is never consulted again. A wrong secret is never remembered.
 *
 * <p>The hour matters under load: with the registry's 10 seconds, every expiry made all concurrent requests
 * of a busy client pay PBKDF2 at once (measured: a quarter of the endpoint's CPU at 400 requests/s).
 */
@ApplicationScoped
public class SecretVerifier {

    private static final int CACHE_ENTRIES = 10_000;
    static final Duration REMEMBER_MATCH = Duration.ofHours(1);

    @Inject
    IssuerSettings settings;

    @Inject
    Clock clock;

    /** A hash of the current cost of a random secret nobody knows: what {@link #matchesNothing} checks against. */
    static final String UNMATCHABLE = SecretHash.hash(UUID.randomUUID() + "" + UUID.randomUUID());

    /** The slow comparison; a field so that a test can see how often it runs, and against which hash. */
    BiPredicate<String, String> slowCheck = SecretHash::matches;

    private record Verified(String storedHash, String presentedDigest) {
    }

    private ExpiringCache<Verified, Boolean> matches;

    @PostConstruct
    void createCache() {
        // A zero registry cache time means "no caching at all" to an operator; honour it here too.
        matches = new ExpiringCache<>(settings.registryCacheTime().isZero() ? Duration.ZERO : REMEMBER_MATCH, CACHE_ENTRIES, clock);
    }

    public boolean matches(String presented, String storedHash) {
        Verified key = new Verified(storedHash, Sha256.hex(presented, 32));
        // Only matches are cached: a wrong secret pays the full hash every time, which slows guessing.
        return matches.get(key, k -> slowCheck.test(presented, storedHash) ? Boolean.TRUE : null) != null;
    }

    /**
     * For a secret that cannot be right because there is nothing to check it against — the client is unknown,
     * inactive, has no secret, or is locked out: pays what a known client's wrong secret costs, one check
     * against a stored hash of the current cost, and answers false. Refused at once instead, an unknown
     * client id would answer in a tenth of the time of a known one with a wrong secret, and anyone could
     * list the registered ids by the clock.
     */
    public boolean matchesNothing(String presented) {
        slowCheck.test(presented, UNMATCHABLE);
        return false;
    }
}
