package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestKeys;

class VerifierKeyTest {

    @Test
    void fromCertificatePemWhenValidThenCarriesThumbprintsAndValidity() {
        VerifierKey key = VerifierKey.fromCertificatePem("c1", TestKeys.certificatePem());

        assertEquals("c1", key.kid());
        assertNotNull(key.x5tS256());
        assertEquals(43, key.x5tS256().length());
        assertTrue(key.usableAt(Instant.parse("2030-01-01T00:00:00Z")));
        assertFalse(key.usableAt(Instant.parse("2025-06-01T00:00:00Z")), "before notBefore");
        assertFalse(key.usableAt(Instant.parse("2200-01-01T00:00:00Z")), "after notAfter");
    }

    @Test
    void fromCertificatePemWhenNotPemThenRefused() {
        assertThrows(KeyMaterialException.class, () -> VerifierKey.fromCertificatePem("c", "MIIB..."));
        assertThrows(KeyMaterialException.class, () -> VerifierKey.fromCertificatePem("c",
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    }

    @Test
    void fromPublicKeyPemWhenRsaOrEcThenParsed() {
        for (var pair : new java.security.KeyPair[] {TestKeys.RSA, TestKeys.EC_P256}) {
            String pem = Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
            assertEquals(pair.getPublic(), VerifierKey.fromPublicKeyPem("p", pem).publicKey());
        }
    }

    /**
     * Found by KeyTextFuzzTest: jose4j's own refusals of a malformed JWK escaped as IllegalArgumentException or a bare
     * RuntimeException, so one such entry made a whole JWK Set unreadable instead of being skipped.
     */
    @Test
    void fromJwkWhenJoseRefusesTheJwkThenKeyMaterialExceptionAndTheSetKeepsTheOthers() throws Exception {
        PublicJsonWebKey ec = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.EC_P256.getPublic());
        Map<String, Object> offCurveSize = new HashMap<>(ec.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        offCurveSize.put("x", "tK-F1a0nRDn21iyEA5XSheqTZjE4puDX3NZu7WuYMUZSCKRUPp5urW6T");
        PublicJsonWebKey rsa = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.OTHER_RSA.getPublic());
        Map<String, Object> foreignCertificate = new HashMap<>(rsa.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        foreignCertificate.put("x5c", java.util.List.of(TestKeys.certificatePem().replaceAll("-----[A-Z ]+-----|\\s", "")));

        assertThrows(KeyMaterialException.class, () -> VerifierKey.fromJwk(null, offCurveSize));
        assertThrows(KeyMaterialException.class, () -> VerifierKey.fromJwk(null, foreignCertificate));
        String set = org.jose4j.json.JsonUtil.toJson(Map.of("keys", java.util.List.of(offCurveSize, foreignCertificate,
                ec.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
        assertEquals(1, JwkSet.parse(set).size());
    }

    @Test
    void fromJwkWhenPublicThenKidFromJwk() throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.EC_P256.getPublic());
        jwk.setKeyId("ec-1");

        VerifierKey key = VerifierKey.fromJwk(null, jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));

        assertEquals("ec-1", key.kid());
        assertEquals(TestKeys.EC_P256.getPublic(), key.publicKey());
    }

    @Test
    void fromJwkWhenPrivateMembersPresentThenRefused() throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.RSA.getPublic());
        jwk.setPrivateKey(TestKeys.RSA.getPrivate());
        Map<String, Object> withPrivate = jwk.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);

        assertThrows(KeyMaterialException.class, () -> VerifierKey.fromJwk("k", withPrivate));
    }

    @Test
    void fromJwkWhenSymmetricOrGarbageThenRefused() {
        assertThrows(KeyMaterialException.class, () -> VerifierKey.fromJwk("k", Map.of("kty", "oct", "k", "c2VjcmV0")));
        Map<String, Object> garbage = new HashMap<>();
        garbage.put("kty", "RSA");
        garbage.put("n", "AQAB");
        assertThrows(KeyMaterialException.class, () -> VerifierKey.fromJwk("k", garbage));
    }
}
