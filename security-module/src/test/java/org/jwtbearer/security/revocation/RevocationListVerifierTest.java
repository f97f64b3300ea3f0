package org.jwtbearer.security.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.jwtbearer.security.token.AccessTokenVerifier;
import org.jwtbearer.security.token.CachingTokenVerifier;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenCheckUnavailableException;
import org.jwtbearer.security.token.TokenRules;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * The revocation list as the verifier applies it: each rule refuses exactly the tokens it names, a list that is
 * too old refuses to decide (or, fail-open, accepts), a forged token is refused as forged whatever the list, and
 * the verified-token cache inside it never lets a revoked token through.
 */
class RevocationListVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final long EXP = NOW.getEpochSecond() + 1800;
    private static final Duration MAX_AGE = Duration.ofSeconds(15);
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock(NOW);
    private final ScriptedRevocations issuer = new ScriptedRevocations();
    private final RevocationList list = new RevocationList(issuer, 100, MAX_AGE, INTERVAL, Duration.ofSeconds(1), clock, Runnable::run);

    /** Accepts every token but "forged", with the claims the test gives it as "jti|client_id|sub|iat". */
    private static final TokenVerifier LOCAL = token -> {
        if (token.equals("forged")) {
            throw new InvalidTokenException("signature", "The access token signature is invalid");
        }
        String[] parts = token.split("\\|", -1);
        Map<String, Object> claims = new HashMap<>();
        claims.put("exp", EXP);
        if (!parts[0].isEmpty()) {
            claims.put("jti", parts[0]);
        }
        claims.put("client_id", parts[1]);
        claims.put("sub", parts[2]);
        if (!parts[3].isEmpty()) {
            claims.put("iat", Long.parseLong(parts[3]));
        }
        return new VerifiedAccessToken(token, claims);
    };

    private static String token(String jti, String clientId, String sub, Long iat) {
        return jti + "|" + clientId + "|" + sub + "|" + (iat == null ? "" : iat);
    }

    private RevocationListVerifier verifier(boolean failOpen) {
        return new RevocationListVerifier(LOCAL, list, failOpen);
    }

    private static void assertRevoked(TokenVerifier verifier, String token) {
        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals("revoked", refused.reason());
        assertEquals(RevocationListVerifier.REVOKED, refused.getMessage());
    }

    @Test
    void verifyWhenJtiRevokedThenRefusedAndOtherTokensAccepted() throws Exception {
        issuer.revoke("jti-1", EXP);
        RevocationListVerifier verifier = verifier(false);

        assertRevoked(verifier, token("jti-1", "client-a", "sys-1", NOW.getEpochSecond()));
        assertEquals("jti-2", verifier.verify(token("jti-2", "client-a", "sys-1", NOW.getEpochSecond())).getClaim("jti"));
    }

    @Test
    void verifyWhenIssuedBeforeItsUsersNotBeforeThenRefusedAndFromItOnAccepted() throws Exception {
        long notBefore = NOW.getEpochSecond();
        issuer.user("sys-1", notBefore, EXP);
        RevocationListVerifier verifier = verifier(false);

        assertRevoked(verifier, token("a", "client-a", "sys-1", notBefore - 1));
        assertRevoked(verifier, token("b", "client-a", "sys-1", null));
        verifier.verify(token("c", "client-a", "sys-1", notBefore));
        verifier.verify(token("d", "client-a", "sys-2", notBefore - 1));
    }

    @Test
    void verifyWhenIssuedBeforeItsClientsNotBeforeThenRefused() throws Exception {
        long notBefore = NOW.getEpochSecond();
        issuer.client("client-a", notBefore, EXP);
        RevocationListVerifier verifier = verifier(false);

        assertRevoked(verifier, token("a", "client-a", "sys-1", notBefore - 1));
        verifier.verify(token("b", "client-b", "sys-1", notBefore - 1));
        verifier.verify(token("c", "client-a", "sys-1", notBefore));
    }

    @Test
    void verifyWhenForgedThenRefusedAsForgedWithoutAskingForTheList() {
        issuer.down = true;
        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier(false).verify("forged"));

        assertEquals("signature", refused.reason());
        assertEquals(0, issuer.fetches());
    }

    @Test
    void verifyWhenNoListWithinTheMaxAgeThenUnavailableUnlessFailOpen() throws Exception {
        RevocationListVerifier closed = verifier(false);
        closed.verify(token("a", "client-a", "sys-1", NOW.getEpochSecond()));
        issuer.down = true;
        clock.advance(MAX_AGE);

        TokenCheckUnavailableException unavailable = assertThrows(TokenCheckUnavailableException.class,
                () -> closed.verify(token("a", "client-a", "sys-1", NOW.getEpochSecond())));
        assertEquals(RevocationListVerifier.UNAVAILABLE, unavailable.getMessage());
        verifier(true).verify(token("a", "client-a", "sys-1", NOW.getEpochSecond()));
    }

    @Test
    void verifyWhenRevokedAfterItWasVerifiedAndRememberedThenTheCacheDoesNotLetItThrough() throws Exception {
        SigningKey key = TestKeys.signing(TestKeys.RSA, "k1", "RS256");
        KeySource keys = (hints, alg) -> Optional.of(new VerifierKey("k1", TestKeys.RSA.getPublic(), null));
        TokenRules rules = TokenRules.strict("https://issuer.example.com", Set.of("https://issuer.example.com/api"), Duration.ofSeconds(60));
        AtomicInteger signatureChecks = new AtomicInteger();
        AccessTokenVerifier real = new AccessTokenVerifier(keys, rules, clock);
        TokenVerifier counting = t -> {
            signatureChecks.incrementAndGet();
            return real.verify(t);
        };
        TokenVerifier verifier = new RevocationListVerifier(new CachingTokenVerifier(counting, 100, rules, clock, () -> 0), list, false);
        String token = signed(key, c -> c.setJwtId("remembered"));
        verifier.verify(token);
        verifier.verify(token);
        assertEquals(1, signatureChecks.get(), "the second time came from the cache");

        issuer.revoke("remembered", EXP);
        clock.advance(INTERVAL);

        assertRevoked(verifier, token);
    }

    private static String signed(SigningKey key, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://issuer.example.com");
        claims.setAudience("https://issuer.example.com/api");
        claims.setSubject("sys-1");
        claims.setClaim("upn", "abel.tuter");
        claims.setClaim("client_id", "client-a");
        claims.setStringListClaim("groups", List.of("itil"));
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() - 10));
        claims.setExpirationTime(NumericDate.fromSeconds(EXP));
        change.accept(claims);
        return JwtSigner.sign(claims.toJson(), key, "at+jwt", Map.of());
    }
}
