package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtbearer.security.TestJose.json;
import static org.jwtbearer.security.TestJose.jwk;
import static org.jwtbearer.security.TestJose.jwks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtbearer.security.TestJose;
import org.jwtbearer.security.TestKeys;

/** Every key form MP-JWT 2.1 lists, and what must be refused instead of silently half-used. */
class KeyDocumentTest {

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ofWhenPemPublicKeyThenOneKeyWithoutKid() {
        for (KeyPair pair : new KeyPair[] {TestKeys.RSA, TestKeys.EC_P256}) {
            KeyDocument document = KeyDocument.of("\n  " + TestJose.publicPem(pair) + "\n");

            assertEquals(KeyDocument.Format.PEM, document.format());
            List<VerifierKey> keys = document.verifierKeys();
            assertEquals(1, keys.size());
            assertEquals(pair.getPublic(), keys.get(0).publicKey());
            assertNull(keys.get(0).kid());
        }
    }

    @Test
    void ofWhenPemOnOneLineThenParsed() {
        String oneLine = TestJose.publicPem(TestKeys.RSA).replace("\n", "");

        assertEquals(TestKeys.RSA.getPublic(), KeyDocument.of(oneLine).verifierKeys().get(0).publicKey());
    }

    @Test
    void ofWhenCertificateThenKeyWithTheCertificate() {
        VerifierKey key = KeyDocument.of(TestKeys.certificatePem()).verifierKeys().get(0);

        assertNotNull(key.certificate());
        assertEquals(key.certificate().getPublicKey(), key.publicKey());
    }

    @Test
    void ofWhenJwkThenKeyWithItsKidAndAlg() {
        KeyDocument document = KeyDocument.of(json(jwk(TestKeys.RSA, "publicKey4k", "RS256", "sig", false)));

        assertEquals(KeyDocument.Format.JWK, document.format());
        VerifierKey key = document.verifierKeys().get(0);
        assertEquals("publicKey4k", key.kid());
        assertEquals("RS256", key.algorithm());
        assertEquals(TestKeys.RSA.getPublic(), key.publicKey());
    }

    @Test
    void ofWhenJwksThenEverySignatureKey() {
        KeyDocument document = KeyDocument.of(jwks(jwk(TestKeys.RSA, "r", null, "sig", false),
                jwk(TestKeys.EC_P256, "e", "ES256", null, false)));

        assertEquals(KeyDocument.Format.JWKS, document.format());
        assertEquals(List.of("r", "e"), document.verifierKeys().stream().map(VerifierKey::kid).toList());
    }

    @Test
    void ofWhenJwksHasAnEncryptionKeyThenOnlyThatEntryIsLeftOut() {
        KeyDocument document = KeyDocument.of(jwks(jwk(TestKeys.RSA, "sig", null, "sig", false),
                jwk(TestKeys.OTHER_RSA, "enc", null, "enc", false)));

        assertEquals(List.of("sig"), document.verifierKeys().stream().map(VerifierKey::kid).toList());
    }

    @Test
    void ofWhenJwksEntriesAreNotObjectsThenTheyAreLeftOut() {
        assertEquals(List.of("k1"), KeyDocument.of("{\"keys\":[\"a\", 1, " + json(jwk(TestKeys.RSA, "k1", null, null, false)) + "]}")
                .verifierKeys().stream().map(VerifierKey::kid).toList());
        assertTrue(KeyDocument.of("{\"keys\":[]}").verifierKeys().isEmpty(), "an issuer that withdrew every key");
    }

    @Test
    void ofWhenBase64UrlJwkOrJwksThenDecoded() {
        String jwk = json(jwk(TestKeys.RSA, "k1", null, null, false));

        assertEquals("k1", KeyDocument.of(base64Url(jwk)).verifierKeys().get(0).kid());
        assertEquals(KeyDocument.Format.JWKS, KeyDocument.of(base64Url(jwks(jwk(TestKeys.RSA, "k1", null, null, false)))).format());
    }

    @Test
    void ofWhenPlainBase64WithPaddingThenDecodedToo() {
        // The TCK's PublicKeyAsBase64JWKTest encodes with Base64.getEncoder(): '+', '/' and '=' included.
        String padded = Base64.getEncoder().encodeToString((json(jwk(TestKeys.RSA, "k1", null, null, false)) + "\n")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals("k1", KeyDocument.of(padded).verifierKeys().get(0).kid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kid\":\"x\"}", "{\"keys\":{}}", "{not json", "hello world", "  ",
        "AAAA", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"})
    void ofOrVerifierKeysWhenNotAKeyThenRefused(String text) {
        assertThrows(KeyMaterialException.class, () -> KeyDocument.of(text).verifierKeys());
    }

    @Test
    void ofWhenLongerThanAnyKeyDocumentThenRefused() {
        assertThrows(KeyMaterialException.class, () -> KeyDocument.of("{" + " ".repeat(RemoteJwks.MAX_DOCUMENT_BYTES) + "}"));
    }

    @Test
    void verifierKeysWhenPrivateKeyThenRefusedAsSuch() {
        KeyMaterialException pem = assertThrows(KeyMaterialException.class,
                () -> KeyDocument.of(TestJose.privatePem(TestKeys.RSA)).verifierKeys());
        assertTrue(pem.getMessage().contains("private key"), pem.getMessage());

        assertThrows(KeyMaterialException.class,
                () -> KeyDocument.of(json(jwk(TestKeys.RSA, "k", null, null, true))).verifierKeys());
    }

    @Test
    void verifierKeysWhenSeveralPemBlocksThenRefused() {
        String two = TestJose.publicPem(TestKeys.RSA) + TestJose.publicPem(TestKeys.OTHER_RSA);

        assertThrows(KeyMaterialException.class, () -> KeyDocument.of(two).verifierKeys());
    }

    @Test
    void verifierKeysWhenPkcs1PublicKeyThenRefusedWithTheConversion() {
        KeyMaterialException refused = assertThrows(KeyMaterialException.class,
                () -> KeyDocument.of("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----").verifierKeys());
        assertTrue(refused.getMessage().contains("openssl"), refused.getMessage());
    }

    @Test
    void holdsPrivateKeyMaterialWhenAnyEntryHasPrivateMembers() {
        assertTrue(KeyDocument.of(jwks(jwk(TestKeys.RSA, "a", null, null, false), jwk(TestKeys.OTHER_RSA, "b", null, null, true)))
                .holdsPrivateKeyMaterial());
        assertTrue(KeyDocument.of(TestJose.privatePem(TestKeys.RSA)).holdsPrivateKeyMaterial());
        assertTrue(KeyDocument.of(json(Map.of("kty", "oct", "k", "c2VjcmV0"))).holdsPrivateKeyMaterial());
        assertFalse(KeyDocument.of(jwks(jwk(TestKeys.RSA, "a", null, null, false))).holdsPrivateKeyMaterial());
        assertFalse(KeyDocument.of(TestJose.publicPem(TestKeys.RSA)).holdsPrivateKeyMaterial());
    }

    @Test
    void decryptionKeysWhenPkcs8PemThenTheRsaKey() {
        List<DecryptionKey> keys = KeyDocument.of(TestJose.privatePem(TestKeys.RSA)).decryptionKeys();

        assertEquals(1, keys.size());
        assertEquals(TestKeys.RSA.getPrivate(), keys.get(0).privateKey());
        assertNull(keys.get(0).algorithm());
    }

    @Test
    void decryptionKeysWhenPublicKeyThenRefused() {
        assertThrows(KeyMaterialException.class, () -> KeyDocument.of(TestJose.publicPem(TestKeys.RSA)).decryptionKeys());
        assertThrows(KeyMaterialException.class,
                () -> KeyDocument.of(json(jwk(TestKeys.RSA, "k", null, "enc", false))).decryptionKeys());
    }

    @Test
    void decryptionKeysWhenPrivateJwkThenKidAndAlg() {
        DecryptionKey key = KeyDocument.of(json(jwk(TestKeys.RSA, "mp-jwt", "RSA-OAEP", "enc", true))).decryptionKeys().get(0);

        assertEquals("mp-jwt", key.kid());
        assertEquals("RSA-OAEP", key.algorithm());
        assertTrue(key.allows("RSA-OAEP"));
        assertFalse(key.allows("RSA-OAEP-256"));
    }

    @Test
    void decryptionKeysWhenJwksThenOnlyItsRsaPrivateEncryptionKeys() {
        String set = jwks(jwk(TestKeys.RSA, "public-only", null, "enc", false),
                jwk(TestKeys.OTHER_RSA, "for-signing", null, "sig", true),
                jwk(TestKeys.RSA, "mp-jwt-set", "RSA-OAEP", "enc", true));

        assertEquals(List.of("mp-jwt-set"), KeyDocument.of(set).decryptionKeys().stream().map(DecryptionKey::kid).toList());
    }

    @Test
    void decryptionKeysWhenNoPrivateKeyInTheSetThenRefused() {
        assertThrows(KeyMaterialException.class,
                () -> KeyDocument.of(jwks(jwk(TestKeys.RSA, "a", null, null, false))).decryptionKeys());
    }

    @Test
    void decryptionKeysWhenNotRsaOrTooShortThenRefused() {
        assertThrows(KeyMaterialException.class, () -> KeyDocument.of(TestJose.privatePem(TestKeys.EC_P256)).decryptionKeys());
        KeyPair weak = TestKeys.rsa(1024, BigInteger.valueOf(65537));
        assertThrows(KeyMaterialException.class, () -> KeyDocument.of(TestJose.privatePem(weak)).decryptionKeys());
    }

    @Test
    void decryptionKeyFromJwkWhenMeantForSignaturesOrAnotherAlgorithmThenRefused() {
        Map<String, Object> signing = jwk(TestKeys.RSA, "k", null, null, true);
        signing.put("key_ops", List.of("sign"));
        assertThrows(KeyMaterialException.class, () -> DecryptionKey.fromJwk(signing));

        assertThrows(KeyMaterialException.class, () -> DecryptionKey.fromJwk(jwk(TestKeys.RSA, "k", "RSA1_5", "enc", true)));
        assertThrows(KeyMaterialException.class, () -> DecryptionKey.fromJwk(jwk(TestKeys.RSA, "k", null, "sig", true)));
    }

    @Test
    void decryptionKeyToStringWhenPrintedThenNoKeyMaterial() {
        String printed = new DecryptionKey("k", TestKeys.RSA.getPrivate(), null).toString();

        assertFalse(printed.contains("modulus") || printed.contains("private exponent"), printed);
    }
}
