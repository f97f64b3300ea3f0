package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.assertion.JwtSigner;

/** Hostile JWS inputs (attack catalogue §A): each is refused with its own reason, at parse or at verify. */
class CompactJwsTest {

    private static final String PAYLOAD = "{\"iss\":\"c\",\"sub\":\"u\",\"exp\":4102444800}";
    private static final Set<String> RS256 = Set.of("RS256");

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String valid() {
        return JwtSigner.sign(PAYLOAD, TestKeys.signing(TestKeys.RSA, "k1", "RS256"), "JWT", Map.of());
    }

    private static String withHeader(Map<String, Object> extra) {
        return JwtSigner.sign(PAYLOAD, TestKeys.signing(TestKeys.RSA, "k1", "RS256"), "JWT", extra);
    }

    static Stream<Arguments> refusedAtParse() {
        return Stream.of(
                Arguments.of("empty", (Supplier<String>) () -> "", "malformed"),
                Arguments.of("alg none", (Supplier<String>) () -> b64("{\"alg\":\"none\"}") + "." + b64(PAYLOAD) + ".", "alg_not_allowed"),
                Arguments.of("alg None", (Supplier<String>) () -> b64("{\"alg\":\"None\"}") + "." + b64(PAYLOAD) + ".", "alg_not_allowed"),
                Arguments.of("alg NONE", (Supplier<String>) () -> b64("{\"alg\":\"NONE\"}") + "." + b64(PAYLOAD) + ".", "alg_not_allowed"),
                Arguments.of("alg nOnE", (Supplier<String>) () -> b64("{\"alg\":\"nOnE\"}") + "." + b64(PAYLOAD) + ".", "alg_not_allowed"),
                Arguments.of("no alg", (Supplier<String>) () -> b64("{\"kid\":\"k1\"}") + "." + b64(PAYLOAD) + ".c2ln", "alg_missing"),
                Arguments.of("unknown alg", (Supplier<String>) () -> b64("{\"alg\":\"RS1\"}") + "." + b64(PAYLOAD) + ".c2ln", "alg_not_allowed"),
                Arguments.of("empty signature", (Supplier<String>) () -> {
                    String[] parts = valid().split("\\.");
                    return parts[0] + "." + parts[1] + ".";
                }, "signature_missing"),
                Arguments.of("JWE, five parts", (Supplier<String>) () -> b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d", "malformed"),
                Arguments.of("two parts", (Supplier<String>) () -> b64("{\"alg\":\"RS256\"}") + "." + b64(PAYLOAD), "malformed"),
                Arguments.of("JSON serialization", (Supplier<String>) () -> "{\"payload\":\"" + b64(PAYLOAD) + "\",\"signatures\":[]}", "malformed"),
                Arguments.of("header not JSON", (Supplier<String>) () -> b64("not json") + "." + b64(PAYLOAD) + ".c2ln", "malformed"),
                Arguments.of("header not base64url", (Supplier<String>) () -> "%%%." + b64(PAYLOAD) + ".c2ln", "malformed"),
                Arguments.of("duplicate header member", (Supplier<String>) () -> b64("{\"alg\":\"RS256\",\"alg\":\"none\"}") + "." + b64(PAYLOAD) + ".c2ln", "malformed"),
                Arguments.of("embedded jwk", (Supplier<String>) () -> withHeader(Map.of("jwk", Map.of("kty", "oct", "k", "AAAA"))), "header_not_allowed"),
                Arguments.of("jku", (Supplier<String>) () -> withHeader(Map.of("jku", "https://attacker.example/keys")), "header_not_allowed"),
                Arguments.of("x5u", (Supplier<String>) () -> withHeader(Map.of("x5u", "https://attacker.example/cert")), "header_not_allowed"),
                Arguments.of("unknown crit", (Supplier<String>) () -> withHeader(Map.of("crit", List.of("urn:x"), "urn:x", 1)), "crit_not_understood"),
                Arguments.of("b64 false", (Supplier<String>) () -> b64("{\"alg\":\"RS256\",\"crit\":[\"b64\"],\"b64\":false}")
                        + "." + b64(PAYLOAD) + ".c2ln", "crit_not_understood"),
                Arguments.of("b64 false, payload unencoded", (Supplier<String>) () -> withHeader(Map.of("crit", List.of("b64"), "b64", false)), "malformed"),
                Arguments.of("zip", (Supplier<String>) () -> withHeader(Map.of("zip", "DEF")), "header_not_allowed"),
                Arguments.of("space in signature", (Supplier<String>) () -> {
                    String[] parts = valid().split("\\.");
                    return parts[0] + "." + parts[1] + ". " + parts[2];
                }, "malformed"),
                Arguments.of("foreign character in payload", (Supplier<String>) () -> {
                    String[] parts = valid().split("\\.");
                    return parts[0] + "." + parts[1] + "?." + parts[2];
                }, "malformed"),
                Arguments.of("padding in signature", (Supplier<String>) () -> valid() + "=", "malformed"),
                Arguments.of("non-zero unused bits", (Supplier<String>) () -> {
                    String[] parts = valid().split("\\.");
                    return parts[0] + ".AB." + parts[2];
                }, "malformed"),
                Arguments.of("too large", (Supplier<String>) () -> withHeader(Map.of("pad", "x".repeat(20_000))), "too_large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAtParse")
    void parseWhenHostileThenRefused(String name, Supplier<String> jws, String reason) {
        JwsRejectedException e = assertThrows(JwsRejectedException.class, () -> CompactJws.parse(jws.get(), 16 * 1024));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    @Test
    void verifyWhenSignedByTheKeyThenAccepted() throws Exception {
        CompactJws jws = CompactJws.parse(valid(), 16 * 1024);
        assertDoesNotThrow(() -> jws.verify(TestKeys.RSA.getPublic(), RS256));
        assertEquals(PAYLOAD, jws.payload());
        assertEquals("k1", jws.keyHints().kid());
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenRefused() throws Exception {
        CompactJws jws = CompactJws.parse(valid(), 16 * 1024);
        JwsRejectedException e = assertThrows(JwsRejectedException.class, () -> jws.verify(TestKeys.OTHER_RSA.getPublic(), RS256));
        assertEquals("signature_invalid", e.reason());
    }

    @Test
    void verifyWhenPayloadTamperedThenRefused() throws Exception {
        String[] parts = valid().split("\\.");
        CompactJws jws = CompactJws.parse(parts[0] + "." + b64(PAYLOAD.replace("\"u\"", "\"admin\"")) + "." + parts[2], 16 * 1024);
        assertThrows(JwsRejectedException.class, () -> jws.verify(TestKeys.RSA.getPublic(), RS256));
    }

    @Test
    void verifyWhenAlgorithmNotInAllowListThenRefused() throws Exception {
        String ps256 = JwtSigner.sign(PAYLOAD, TestKeys.signing(TestKeys.RSA, "k1", "PS256"), "JWT", Map.of());
        CompactJws jws = CompactJws.parse(ps256, 16 * 1024);
        assertEquals("alg_not_allowed", assertThrows(JwsRejectedException.class,
                () -> jws.verify(TestKeys.RSA.getPublic(), RS256)).reason());
    }

    /** RS256 → HS256 confusion: an HMAC keyed with the RSA public key's encodings never verifies. */
    @Test
    void verifyWhenHs256KeyedWithThePublicKeyThenRefused() throws Exception {
        byte[] der = TestKeys.RSA.getPublic().getEncoded();
        String pem = Pem.encode("PUBLIC KEY", der);
        for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII), pem.strip().getBytes(StandardCharsets.US_ASCII))) {
            String signingInput = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}") + "." + b64(PAYLOAD);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String forged = signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
            CompactJws jws = CompactJws.parse(forged, 16 * 1024);
            assertThrows(JwsRejectedException.class, () -> jws.verify(TestKeys.RSA.getPublic(), Set.of("RS256", "HS256")));
        }
    }

    @Test
    void verifyWhenEs256SignatureIsAllZeroOrWrongLengthThenRefused() throws Exception {
        String header = b64("{\"alg\":\"ES256\"}");
        for (int length : new int[] {64, 63, 65}) {
            String forged = header + "." + b64(PAYLOAD) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[length]);
            CompactJws jws = CompactJws.parse(forged, 16 * 1024);
            assertThrows(JwsRejectedException.class, () -> jws.verify(TestKeys.EC_P256.getPublic(), Set.of("ES256")), "length " + length);
        }
    }

    @Test
    void verifyWhenEcKeyOfWrongCurveThenRefused() throws Exception {
        String es256 = JwtSigner.sign(PAYLOAD, TestKeys.signing(TestKeys.EC_P256, "e", "ES256"), "JWT", Map.of());
        CompactJws jws = CompactJws.parse(es256, 16 * 1024);
        assertEquals("key_alg_mismatch", assertThrows(JwsRejectedException.class,
                () -> jws.verify(TestKeys.EC_P384.getPublic(), Set.of("ES256"))).reason());
        assertDoesNotThrow(() -> jws.verify(TestKeys.EC_P256.getPublic(), Set.of("ES256")));
    }

    @Test
    void verifyWhenEdDsaThenAccepted() throws Exception {
        String eddsa = JwtSigner.sign(PAYLOAD, TestKeys.signing(TestKeys.ED25519, "ed", "EdDSA"), "JWT", Map.of());
        CompactJws jws = CompactJws.parse(eddsa, 16 * 1024);
        assertDoesNotThrow(() -> jws.verify(TestKeys.ED25519.getPublic(), Set.of("EdDSA")));
    }

    private static String hmacSigned(String alg, byte[] secret) throws Exception {
        String signingInput = b64("{\"alg\":\"" + alg + "\"}") + "." + b64(PAYLOAD);
        Mac mac = Mac.getInstance("Hmac" + alg.replace("HS", "SHA"));
        mac.init(new SecretKeySpec(secret, "Hmac" + alg.replace("HS", "SHA")));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void verifyWhenHmacWithSecretKeyOfHashLengthThenAccepted() throws Exception {
        byte[] secret = new byte[48];
        new java.security.SecureRandom().nextBytes(secret);
        for (String alg : List.of("HS256", "HS384")) {
            CompactJws jws = CompactJws.parse(hmacSigned(alg, secret), 16 * 1024);
            assertDoesNotThrow(() -> jws.verify(HmacKeys.forAlgorithm(alg, secret), Set.of(alg)), alg);
        }
    }

    /** The pin itself: an HMAC is never computed with a public key, whatever the allow-list says. */
    @Test
    void verifyWhenHmacAlgorithmWithPublicKeyThenKeyMismatchBeforeAnyMac() throws Exception {
        CompactJws jws = CompactJws.parse(hmacSigned("HS256", TestKeys.RSA.getPublic().getEncoded()), 16 * 1024);
        assertEquals("key_alg_mismatch", assertThrows(JwsRejectedException.class,
                () -> jws.verify(TestKeys.RSA.getPublic(), Set.of("RS256", "HS256"))).reason());
    }

    @Test
    void verifyWhenHmacKeyShorterThanHashOutputThenRefused() throws Exception {
        byte[] shortSecret = new byte[31];
        CompactJws jws = CompactJws.parse(hmacSigned("HS256", shortSecret), 16 * 1024);
        assertEquals("key_alg_mismatch", assertThrows(JwsRejectedException.class,
                () -> jws.verify(new SecretKeySpec(shortSecret, "HmacSHA256"), Set.of("HS256"))).reason());
        assertThrows(KeyMaterialException.class, () -> HmacKeys.forAlgorithm("HS256", shortSecret));
        assertThrows(KeyMaterialException.class, () -> HmacKeys.forAlgorithm("HS512", new byte[63]));
    }

    @Test
    void verifyWhenAsymmetricAlgorithmWithSecretKeyThenRefused() throws Exception {
        CompactJws jws = CompactJws.parse(valid(), 16 * 1024);
        assertEquals("key_alg_mismatch", assertThrows(JwsRejectedException.class,
                () -> jws.verify(new SecretKeySpec(new byte[64], "HmacSHA256"), RS256)).reason());
    }

    @Test
    void verifyWhenHmacSignedWithAnotherSecretThenRefused() throws Exception {
        CompactJws jws = CompactJws.parse(hmacSigned("HS256", new byte[32]), 16 * 1024);
        byte[] other = new byte[32];
        other[0] = 1;
        assertEquals("signature_invalid", assertThrows(JwsRejectedException.class,
                () -> jws.verify(HmacKeys.forAlgorithm("HS256", other), Set.of("HS256"))).reason());
    }
}
