package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the readers of key text: a JWKS fetched from an issuer, the key settings of an
 * application (PEM, JWK, JWK Set, base64url), and PEM keys and certificates registered for clients. The only
 * refusal they may answer with is a {@link KeyMaterialException} saying what is wrong — any other exception
 * would fail a deployment or a JWKS refresh with a stack trace instead of a message. Seeds and kept findings:
 * {@code src/test/resources/org/jwtbearer/security/jose/KeyTextFuzzTestInputs}.
 */
class KeyTextFuzzTest {

    @FuzzTest
    @Timeout(10)
    void keyDocument(byte[] input) {
        KeyDocument document;
        try {
            document = KeyDocument.of(text(input));
        } catch (KeyMaterialException refused) {
            assertRefusal(refused);
            return;
        }
        document.holdsPrivateKeyMaterial();
        refusedOrRead(document::verifierKeys);
        refusedOrRead(() -> document.verifierKeys(1024));
        refusedOrRead(document::decryptionKeys);
    }

    @FuzzTest
    @Timeout(10)
    void jwkSet(byte[] input) {
        refusedOrRead(() -> JwkSet.parse(text(input)));
    }

    @FuzzTest
    @Timeout(10)
    void pem(byte[] input) {
        String text = text(input);
        Pem.labels(text);
        refusedOrRead(() -> VerifierKey.fromPublicKeyPem("k", text));
        refusedOrRead(() -> VerifierKey.fromCertificatePem("k", text));
        refusedOrRead(() -> Pem.parsePrivateKey(text));
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /** Reads, or refuses with the documented exception; anything else escapes to Jazzer as a finding. */
    private static void refusedOrRead(Supplier<?> reader) {
        try {
            reader.get();
        } catch (KeyMaterialException refused) {
            assertRefusal(refused);
        }
    }

    private static void assertRefusal(KeyMaterialException refused) {
        assertEquals(KeyMaterialException.class, refused.getClass());
        assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says what is wrong");
    }
}
