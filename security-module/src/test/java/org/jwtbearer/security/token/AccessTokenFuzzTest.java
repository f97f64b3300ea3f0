package org.jwtbearer.security.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Timeout;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.DecryptionKey;
import org.jwtbearer.security.jose.JweDecrypter;
import org.jwtbearer.security.jose.StaticKeys;
import org.jwtbearer.security.jose.VerifierKey;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of bearer-token verification, the code every protected request runs on whatever
 * its {@code Authorization} header holds. The only refusal is an {@link InvalidTokenException} with a reason
 * (a 401 {@code invalid_token}); any other exception would be a 500. {@link #signedClaims} signs the fuzzer's
 * bytes as the claims of a token with the trusted key, so the claim checks and the principal's accessors are
 * fuzzed too, past the signature a random token never gets through. Seeds and kept findings:
 * {@code src/test/resources/org/jwtbearer/security/token/AccessTokenFuzzTestInputs}.
 */
class AccessTokenFuzzTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUER = "https://issuer.example.com";
    private static final SigningKey SIGNING_KEY = TestKeys.signing(TestKeys.EC_P256, "k1", "ES256");
    private static final StaticKeys KEYS = new StaticKeys(List.of(new VerifierKey("k1", TestKeys.EC_P256.getPublic(), null)), CLOCK);

    /** RFC 9068 rules, as the resource API verifies. */
    private static final TokenVerifier STRICT = new AccessTokenVerifier(KEYS, ISSUER, Set.of("api"), Duration.ofSeconds(60), CLOCK);
    /** MicroProfile JWT's looser rules (typ JWT, no audience), with a maximum token age. */
    private static final TokenVerifier MP_JWT = new AccessTokenVerifier(KEYS,
            new TokenRules(Optional.of(ISSUER), Set.of(), false, Duration.ofSeconds(60), Optional.of(Duration.ofMinutes(5))), CLOCK);
    /** Signed-then-encrypted tokens (mp.jwt.decrypt.key.location). */
    private static final TokenVerifier ENCRYPTED = new DecryptingTokenVerifier(
            new JweDecrypter(List.of(new DecryptionKey("enc", TestKeys.RSA.getPrivate(), null)), DecryptionKey.ALGORITHMS), MP_JWT);

    @FuzzTest
    @Timeout(10)
    void anyToken(byte[] input) {
        String token = new String(input, StandardCharsets.UTF_8);
        verifiedOrRefused(STRICT, token);
        verifiedOrRefused(MP_JWT, token);
        verifiedOrRefused(ENCRYPTED, token);
    }

    @FuzzTest
    @Timeout(10)
    void signedClaims(byte[] input) {
        String claims = new String(input, StandardCharsets.UTF_8);
        verifiedOrRefused(STRICT, JwtSigner.sign(claims, SIGNING_KEY, "at+jwt", Map.of()));
        verifiedOrRefused(MP_JWT, JwtSigner.sign(claims, SIGNING_KEY, "JWT", Map.of()));
    }

    private static void verifiedOrRefused(TokenVerifier verifier, String token) {
        VerifiedAccessToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidTokenException refused) {
            assertNotNull(refused.reason(), "a refusal names its reason");
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says what is wrong");
            return;
        }
        // What the mechanism and the applications read of an accepted token must not throw either.
        assertNotNull(verified.getName());
        verified.getGroups();
        verified.getAudience();
        verified.scopes();
        verified.getClaimNames();
        for (Claims claim : Claims.values()) {
            verified.getClaim(claim.name());
        }
        verified.getExpirationTime();
        verified.getIssuedAtTime();
    }
}
