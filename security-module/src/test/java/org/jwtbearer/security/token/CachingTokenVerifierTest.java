package org.jwtbearer.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestClock;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.KeySource;
import org.jwtbearer.security.jose.VerifierKey;

/** The verified-token cache in front of the real verifier, counting how often the signature work is done. */
class CachingTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final String ISSUER = "https://issuer.example.com";
    private static final String AUDIENCE = "https://issuer.example.com/api";
    private static final SigningKey KEY = TestKeys.signing(TestKeys.RSA, "k1", "RS256");
    private static final KeySource KEYS = (hints, alg) -> "k1".equals(hints.kid())
            ? Optional.of(new VerifierKey("k1", TestKeys.RSA.getPublic(), null)) : Optional.empty();

    private final TestClock clock = new TestClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();
    private final TokenRules rules = TokenRules.strict(ISSUER, Set.of(AUDIENCE), SKEW);
    private final AccessTokenVerifier real = new AccessTokenVerifier(KEYS, rules, clock);
    private final TokenVerifier counting = token -> {
        verifications.incrementAndGet();
        return real.verify(token);
    };

    private CachingTokenVerifier cache(int maxEntries) {
        return new CachingTokenVerifier(counting, maxEntries, rules, clock, generation::get);
    }

    private static String token(Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("0123");
        claims.setClaim("upn", "abel.tuter");
        claims.setStringListClaim("groups", List.of("itil"));
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() - 10));
        claims.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() - 10));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 600));
        change.accept(claims);
        return JwtSigner.sign(claims.toJson(), KEY, "at+jwt", Map.of());
    }

    @Test
    void verifyWhenSameTokenAgainThenAnsweredWithoutVerifyingAgain() throws Exception {
        CachingTokenVerifier verifier = cache(10);
        String token = token(c -> { });

        VerifiedAccessToken first = verifier.verify(token);
        VerifiedAccessToken second = verifier.verify(token);

        assertEquals(1, verifications.get());
        assertEquals("abel.tuter", second.getName());
        assertEquals(Set.of("itil"), second.getGroups());
        assertEquals(first.getExpirationTime(), second.getExpirationTime());
        assertSame(token, second.getRawToken());
    }

    @Test
    void verifyWhenExpReachedThenNotAnsweredFromTheCache() throws Exception {
        CachingTokenVerifier verifier = cache(10);
        String token = token(c -> { });
        verifier.verify(token);

        clock.advance(Duration.ofSeconds(599));
        verifier.verify(token);
        assertEquals(1, verifications.get(), "remembered until exp");

        clock.advance(Duration.ofSeconds(1));
        verifier.verify(token);
        assertEquals(2, verifications.get(), "never beyond exp: within the skew the real verifier decides again");
    }

    @Test
    void verifyWhenTokenAgeReachedThenRefusedEvenFromTheCache() throws Exception {
        TokenRules aged = new TokenRules(Optional.of(ISSUER), Set.of(AUDIENCE), true, SKEW, Optional.of(Duration.ofSeconds(20)));
        CachingTokenVerifier verifier = new CachingTokenVerifier(token -> {
            verifications.incrementAndGet();
            return new AccessTokenVerifier(KEYS, aged, clock).verify(token);
        }, 10, aged, clock, generation::get);
        String token = token(c -> { });
        verifier.verify(token);

        clock.advance(Duration.ofSeconds(11));

        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals("too_old", refused.reason());
        assertEquals(1, verifications.get(), "refused by the age check on the hit itself");
    }

    @Test
    void verifyWhenClockWentBackBeforeNbfThenRefusedEvenFromTheCache() throws Exception {
        CachingTokenVerifier verifier = cache(10);
        String token = token(c -> { });
        verifier.verify(token);

        clock.set(NOW.minus(Duration.ofSeconds(100)));

        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals("nbf", refused.reason());
        assertEquals(1, verifications.get(), "refused by the time check on the hit itself");
    }

    @Test
    void verifyWhenMoreTokensThanRoomThenTheLeastRecentlyUsedIsForgotten() throws Exception {
        CachingTokenVerifier verifier = cache(2);
        String a = token(c -> c.setJwtId("a"));
        String b = token(c -> c.setJwtId("b"));
        String c = token(c2 -> c2.setJwtId("c"));
        verifier.verify(a);
        verifier.verify(b);
        verifier.verify(a);
        verifier.verify(c);
        assertEquals(3, verifications.get());
        assertEquals(2, verifier.size());

        verifier.verify(a);
        assertEquals(3, verifications.get(), "a was used recently and stays");
        verifier.verify(b);
        assertEquals(4, verifications.get(), "b gave way to c");
    }

    @Test
    void verifyWhenTokenRefusedThenNotRememberedAndRefusedAgain() {
        CachingTokenVerifier verifier = cache(10);
        String foreign = token(c -> c.setIssuer("https://evil.example.com"));

        assertThrows(InvalidTokenException.class, () -> verifier.verify(foreign));
        assertThrows(InvalidTokenException.class, () -> verifier.verify(foreign));

        assertEquals(2, verifications.get());
        assertEquals(0, verifier.size());
    }

    @Test
    void verifyWhenTamperedCopyOfARememberedTokenThenVerifiedAndRefused() throws Exception {
        CachingTokenVerifier verifier = cache(10);
        String token = token(c -> { });
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThrows(InvalidTokenException.class, () -> verifier.verify(tampered));
        assertEquals(2, verifications.get());
    }

    @Test
    void verifyWhenKeyGenerationMovedOnThenVerifiedAgain() throws Exception {
        CachingTokenVerifier verifier = cache(10);
        String token = token(c -> { });
        verifier.verify(token);

        generation.incrementAndGet();
        verifier.verify(token);

        assertEquals(2, verifications.get(), "a key was withdrawn: what it verified is checked again");
    }

    @Test
    void verifyWhenKeysNoLongerTrustedThenCacheNotUsed() throws Exception {
        CachingTokenVerifier verifier = cache(10);
        String token = token(c -> { });
        generation.set(-1);
        verifier.verify(token);
        verifier.verify(token);

        assertEquals(2, verifications.get());
        assertEquals(0, verifier.size());
    }

    @Test
    void verifyWhenTokenLongerThanAllowedThenLeftToTheDelegate() {
        CachingTokenVerifier verifier = cache(10);
        String huge = "a".repeat(AccessTokenVerifier.MAX_TOKEN_LENGTH + 1);

        assertThrows(InvalidTokenException.class, () -> verifier.verify(huge));
        assertTrue(verifications.get() == 1 && verifier.size() == 0);
    }
}
