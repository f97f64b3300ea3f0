package org.jwtbearer.security.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers tokens another verifier accepted, so a client presenting the same token again costs a hash and a
 * map look-up instead of a signature check. Only successes are remembered; a refused token goes to the
 * delegate every time.
 *
 * <p>A token is remembered until its {@code exp}, never longer, and its time claims ({@code exp}, {@code nbf},
 * {@code iat} with the clock skew, the greatest age) are checked again on every hit, by the rules the delegate
 * verified with. The cache is keyed by the token's SHA-256
 * and holds its claims, not the token.
 *
 * <p>{@code keyGeneration} ties remembered tokens to the key set that verified them: when it changes (a key
 * was withdrawn from the issuer's JWKS) every remembered token goes back through the delegate, and a negative
 * value (the keys are no longer trusted at all) bypasses the cache. A verifier with fixed keys passes
 * {@code () -> 0}.
 *
 * <p>This remembers signatures, not revocation: a revocation check must wrap this verifier, not be wrapped by
 * it (see {@code RevocationCheckingVerifier}).
 */
public final class CachingTokenVerifier implements TokenVerifier {

    private record Verified(Map<String, Object> claims, Long exp, Long nbf, Long iat, long keyGeneration) {
    }

    private final TokenVerifier delegate;
    private final ExpiringTokenCache<Verified> cache;
    private final TokenTimes times;
    private final Clock clock;
    private final LongSupplier keyGeneration;

    public CachingTokenVerifier(TokenVerifier delegate, int maxEntries, TokenRules rules, Clock clock,
                                LongSupplier keyGeneration) {
        this.delegate = delegate;
        this.cache = new ExpiringTokenCache<>(maxEntries);
        this.times = rules.times();
        this.clock = clock;
        this.keyGeneration = keyGeneration;
    }

    @Override
    public VerifiedAccessToken verify(String token) throws InvalidTokenException {
        if (token == null || token.length() > AccessTokenVerifier.MAX_TOKEN_LENGTH) {
            return delegate.verify(token);
        }
        Instant now = clock.instant();
        // Read before verifying: a key withdrawn meanwhile moves the generation on, and this entry is then never used.
        long generation = keyGeneration.getAsLong();
        String key = TokenHash.of(token);
        Verified remembered = cache.get(key, now).orElse(null);
        if (remembered != null && generation >= 0 && remembered.keyGeneration() == generation) {
            times.check(remembered.exp(), remembered.nbf(), remembered.iat(), now.getEpochSecond());
            return new VerifiedAccessToken(token, remembered.claims());
        }
        VerifiedAccessToken verified = delegate.verify(token);
        Map<String, Object> claims = verified.claims();
        Long exp = TokenTimes.seconds(claims, "exp");
        if (exp != null && generation >= 0) {
            cache.put(key, new Verified(claims, exp, TokenTimes.seconds(claims, "nbf"), TokenTimes.seconds(claims, "iat"), generation),
                    Instant.ofEpochSecond(exp), now);
        }
        return verified;
    }

    /** How many tokens are remembered now (expired ones may linger until swept or looked up). */
    public int size() {
        return cache.size();
    }
}
