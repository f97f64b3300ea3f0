package org.jwtbearer.security.assertion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.jose.KeyMaterialException;

/** Private keys from the places callers keep them: PEM files as OpenSSL writes them, JWKs, keystores. */
class SigningKeyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void pkcs1AndPkcs8PemOfTheSameOpenSslKeyAreTheSameKey() {
        SigningKey pkcs1 = SigningKey.fromPem(resource("/pem/rsa-pkcs1.pem"), "k1", null);
        SigningKey pkcs8 = SigningKey.fromPem(resource("/pem/rsa-pkcs8.pem"), "k1", null);

        assertArrayEquals(pkcs8.privateKey().getEncoded(), pkcs1.privateKey().getEncoded());
        assertEquals("RS256", pkcs1.algorithm());
        assertEquals("k1", pkcs1.kid());
    }

    @Test
    void ecPkcs8PemSignsWithTheCurvesAlgorithm() {
        SigningKey key = SigningKey.fromPem(resource("/pem/ec-pkcs8.pem"), null, null);

        assertEquals("ES256", key.algorithm());
        assertNull(key.kid());
    }

    @Test
    void pemKindsThatAreNotReadNameTheConversion() {
        KeyMaterialException sec1 = assertThrows(KeyMaterialException.class,
                () -> SigningKey.fromPem(resource("/pem/ec-sec1.pem"), null, null));
        assertTrue(sec1.getMessage().contains("openssl pkcs8 -topk8"), sec1.getMessage());
        KeyMaterialException encrypted = assertThrows(KeyMaterialException.class,
                () -> SigningKey.fromPem(resource("/pem/rsa-encrypted.pem"), null, null));
        assertTrue(encrypted.getMessage().contains("encrypted"), encrypted.getMessage());
        assertThrows(KeyMaterialException.class, () -> SigningKey.fromPem(TestKeys.certificatePem(), null, null));
        assertThrows(KeyMaterialException.class, () -> SigningKey.fromPem("no pem here", null, null));
    }

    @Test
    void privateJwkLabelsSignaturesWithItsKidAndAlg() throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.EC_P384.getPublic());
        jwk.setPrivateKey(TestKeys.EC_P384.getPrivate());
        jwk.setKeyId("jwk-1");
        jwk.setAlgorithm("ES384");

        SigningKey key = SigningKey.fromJwk(jwk.toJson(PublicJsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), null, null);
        String jws = JwtBearerAssertion.builder().issuer("c").subject("s").audience("a").build().sign(key, CLOCK);

        JsonWebSignature parsed = new JsonWebSignature();
        parsed.setCompactSerialization(jws);
        parsed.setKey(TestKeys.EC_P384.getPublic());
        assertTrue(parsed.verifySignature());
        assertEquals("jwk-1", parsed.getKeyIdHeaderValue());
        assertEquals("ES384", parsed.getAlgorithmHeaderValue());
    }

    @Test
    void publicOnlyJwkIsRefused() throws Exception {
        String publicJwk = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.RSA.getPublic()).toJson();

        KeyMaterialException e = assertThrows(KeyMaterialException.class, () -> SigningKey.fromJwk(publicJwk, "k", null));
        assertTrue(e.getMessage().contains("no private key"), e.getMessage());
        assertThrows(KeyMaterialException.class, () -> SigningKey.fromJwk("{\"kty\":\"oct\",\"k\":\"AAAA\"}", "k", null));
        assertThrows(KeyMaterialException.class, () -> SigningKey.fromJwk("not json", "k", null));
    }

    @Test
    void algorithmMustFitTheKey() {
        SigningKey rsa = TestKeys.signing(TestKeys.RSA, "k", null);

        assertEquals("PS256", rsa.withAlgorithm("PS256").algorithm());
        assertThrows(KeyMaterialException.class, () -> rsa.withAlgorithm("ES256"));
        assertThrows(KeyMaterialException.class, () -> rsa.withAlgorithm("HS256"));
        assertThrows(KeyMaterialException.class, () -> rsa.withAlgorithm("none"));
        assertThrows(KeyMaterialException.class, () -> TestKeys.signing(TestKeys.EC_P256, "k", "ES384"));
        assertEquals("EdDSA", TestKeys.signing(TestKeys.ED25519, "k", null).algorithm());
        assertEquals("other", rsa.withKid("other").kid());
    }

    @Test
    void assertionWithoutSubjectLeavesSubOut() {
        String jws = JwtBearerAssertion.builder().issuer("svc@project.iam.gserviceaccount.com")
                .audience("https://oauth2.googleapis.com/token").claim("scope", "a b").build()
                .sign(TestKeys.signing(TestKeys.RSA, "k", null), CLOCK);

        String claims = new String(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(!claims.contains("\"sub\""), claims);
        assertTrue(claims.contains("\"scope\":\"a b\""), claims);
    }

    private static String resource(String name) {
        try (InputStream in = SigningKeyTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
