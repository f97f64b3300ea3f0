package org.jwtbearer.issuer.grant;

import java.time.Clock;

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
 * remembered — as a SHA-256 of the secret, together with the stored hash it matched, in memory only — for the
 * registry cache time: a changed secret no longer matches, and a wrong one is never remembered.
 */
@ApplicationScoped
public class SecretVerifier {

    private static final int CACHE_ENTRIES = 10_000;

    @Inject
    IssuerSettings settings;

    @Inject
    Clock clock;

    private record Verified(String storedHash, String presentedDigest) {
    }

    private ExpiringCache<Verified, Boolean> matches;

    @PostConstruct
    void createCache() {
        matches = new ExpiringCache<>(settings.registryCacheTime(), CACHE_ENTRIES, clock);
    }

    public boolean matches(String presented, String storedHash) {
        Verified key = new Verified(storedHash, Sha256.hex(presented, 32));
        // Only matches are cached: a wrong secret pays the full hash every time, which slows guessing.
        return matches.get(key, k -> SecretHash.matches(presented, storedHash) ? Boolean.TRUE : null) != null;
    }
}
