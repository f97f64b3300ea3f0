package org.jwtbearer.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestJose;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.jose.DecryptionKey;
import org.jwtbearer.security.jose.JweDecrypter;

/**
 * MP-JWT 2.1 with both a verification and a decryption key: signed-then-encrypted tokens only. The signed token
 * inside goes to the verifier of signed tokens, whose work is tested elsewhere; here a stub stands for it.
 */
class DecryptingTokenVerifierTest {

    private static final String INNER_JWS = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2ln";

    private final AtomicReference<String> received = new AtomicReference<>();
    private final TokenVerifier signedTokens = token -> {
        received.set(token);
        if (!INNER_JWS.equals(token)) {
            throw new InvalidTokenException("signature_invalid", "The access token signature is invalid");
        }
        return new VerifiedAccessToken(token, Map.of("sub", "jdoe", "iss", "https://server.example.com"));
    };
    private final DecryptingTokenVerifier verifier = new DecryptingTokenVerifier(
            new JweDecrypter(List.of(new DecryptionKey(null, TestKeys.RSA.getPrivate(), null)), DecryptionKey.ALGORITHMS),
            signedTokens);

    @Test
    void verifyWhenSignedThenEncryptedThenTheInnerClaimsWithThePresentedTokenAsRawToken() throws Exception {
        String jwe = TestJose.nest(INNER_JWS, TestKeys.RSA.getPublic());

        VerifiedAccessToken token = verifier.verify(jwe);

        assertEquals(INNER_JWS, received.get(), "the signed JWT inside went to the signature check");
        assertEquals("jdoe", token.getName());
        assertEquals(jwe, token.getRawToken(), "raw_token is what the client presented, not the JWS inside");
        assertEquals(jwe, token.getClaim(Claims.raw_token.name()));
    }

    @Test
    void verifyWhenCtyIsAnEquivalentSpellingOfJwtThenAccepted() throws Exception {
        for (String cty : new String[] {"jwt", "application/JWT"}) {
            verifier.verify(TestJose.encrypt(INNER_JWS, TestKeys.RSA.getPublic(), j -> j.setContentTypeHeaderValue(cty)));
        }
    }

    @Test
    void verifyWhenOnlySignedThenRefusedWithoutLookingFurther() {
        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify(INNER_JWS));

        assertEquals("not_encrypted", refused.reason());
        assertNull(received.get());
        assertEquals("not_encrypted", assertThrows(InvalidTokenException.class, () -> verifier.verify(null)).reason());
    }

    @Test
    void verifyWhenEncryptedClaimsWithoutCtyThenRefused() {
        // MP-JWT's TCK callEchoWithoutCty and callEchoSignEncryptToken: no cty JWT, no signature to trust.
        String nestedWithoutCty = TestJose.encrypt(INNER_JWS, TestKeys.RSA.getPublic(), j -> { });
        String claimsOnly = TestJose.encrypt("{\"sub\":\"jdoe\",\"iss\":\"https://server.example.com\"}", TestKeys.RSA.getPublic(),
                j -> j.setKeyIdHeaderValue("/Token1.json"));

        for (String jwe : new String[] {nestedWithoutCty, claimsOnly}) {
            assertEquals("cty", assertThrows(InvalidTokenException.class, () -> verifier.verify(jwe)).reason());
        }
        assertNull(received.get());
    }

    @Test
    void verifyWhenTheJweIsRefusedThenItsReasonAsAnInvalidToken() {
        String forAnotherKey = TestJose.nest(INNER_JWS, TestKeys.OTHER_RSA.getPublic());
        String rsa15 = TestJose.encrypt(INNER_JWS, TestKeys.RSA.getPublic(), j -> {
            j.setAlgorithmHeaderValue("RSA1_5");
            j.setContentTypeHeaderValue("JWT");
        });

        assertEquals("decryption_failed", assertThrows(InvalidTokenException.class, () -> verifier.verify(forAnotherKey)).reason());
        assertEquals("alg_not_allowed", assertThrows(InvalidTokenException.class, () -> verifier.verify(rsa15)).reason());
        assertEquals("malformed", assertThrows(InvalidTokenException.class, () -> verifier.verify("a.b.c.d.e!")).reason());
    }

    @Test
    void verifyWhenLongerThanAnyJweOfAnAcceptedJwsThenRefused() {
        String jwe = TestJose.nest(INNER_JWS, TestKeys.RSA.getPublic());
        String tooLong = jwe + "A".repeat(DecryptingTokenVerifier.MAX_JWE_LENGTH);

        assertEquals("too_large", assertThrows(InvalidTokenException.class, () -> verifier.verify(tooLong)).reason());
    }

    @Test
    void verifyWhenTheSignedTokenInsideIsRefusedThenSoIsTheJwe() {
        String jwe = TestJose.nest(INNER_JWS.replace("c2ln", "b3RoZXI"), TestKeys.RSA.getPublic());

        assertEquals("signature_invalid", assertThrows(InvalidTokenException.class, () -> verifier.verify(jwe)).reason());
    }
}
