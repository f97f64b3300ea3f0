package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwe.JsonWebEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtbearer.security.TestJose;
import org.jwtbearer.security.TestKeys;

/** Each refusal changes one thing in a JWE the decrypter accepts; removing the matching check lets it through. */
class JweDecrypterTest {

    private static final int MAX = 24 * 1024;
    private static final String PLAINTEXT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2ln";
    private static final DecryptionKey KEY = new DecryptionKey(null, TestKeys.RSA.getPrivate(), null);
    private static final JweDecrypter BOTH = new JweDecrypter(List.of(KEY), DecryptionKey.ALGORITHMS);

    private static String jwe(Consumer<JsonWebEncryption> headers) {
        return TestJose.encrypt(PLAINTEXT, TestKeys.RSA.getPublic(), headers);
    }

    private static String jwe(Key key, Consumer<JsonWebEncryption> headers) {
        return TestJose.encrypt(PLAINTEXT, key, headers);
    }

    @Test
    void decryptWhenRsaOaepOrRsaOaep256ThenThePlaintextAndItsContentType() throws Exception {
        JweDecrypter.Decrypted oaep = BOTH.decrypt(TestJose.nest(PLAINTEXT, TestKeys.RSA.getPublic()), MAX);
        assertEquals(PLAINTEXT, oaep.plaintext());
        assertEquals("JWT", oaep.contentType());

        JweDecrypter.Decrypted oaep256 = BOTH.decrypt(jwe(j -> j.setAlgorithmHeaderValue("RSA-OAEP-256")), MAX);
        assertEquals(PLAINTEXT, oaep256.plaintext());
        assertNull(oaep256.contentType());
    }

    @Test
    void decryptWhenTheJweNamesAKidThenThatKey() throws Exception {
        JweDecrypter decrypter = new JweDecrypter(List.of(new DecryptionKey("k1", TestKeys.OTHER_RSA.getPrivate(), null),
                new DecryptionKey("k2", TestKeys.RSA.getPrivate(), null)), DecryptionKey.ALGORITHMS);

        assertEquals(PLAINTEXT, decrypter.decrypt(jwe(j -> j.setKeyIdHeaderValue("k2")), MAX).plaintext());
    }

    @Test
    void decryptWhenTheOnlyKeyHasNoKidThenItAnswersWhateverKidTheJweNames() throws Exception {
        assertEquals(PLAINTEXT, BOTH.decrypt(jwe(j -> j.setKeyIdHeaderValue("/Token1.json")), MAX).plaintext());
    }

    static Stream<Arguments> refused() {
        JweDecrypter oaepOnly = new JweDecrypter(List.of(KEY), Set.of("RSA-OAEP"));
        JweDecrypter twoKeys = new JweDecrypter(List.of(new DecryptionKey("k1", TestKeys.OTHER_RSA.getPrivate(), null),
                new DecryptionKey("k2", TestKeys.RSA.getPrivate(), null)), DecryptionKey.ALGORITHMS);
        JweDecrypter pinnedToOaep = new JweDecrypter(List.of(new DecryptionKey("mp-jwt", TestKeys.RSA.getPrivate(), "RSA-OAEP")),
                DecryptionKey.ALGORITHMS);
        Key aes = new SecretKeySpec(new byte[32], "AES");
        String valid = jwe(j -> { });
        String[] parts = valid.split("\\.");
        String headerWithoutAlg = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("RSA-OAEP-256 where only RSA-OAEP is configured", oaepOnly,
                        jwe(j -> j.setAlgorithmHeaderValue("RSA-OAEP-256")), "alg_not_allowed"),
                Arguments.of("RSA1_5 (RFC 8725 §3.2)", BOTH, jwe(j -> j.setAlgorithmHeaderValue("RSA1_5")), "alg_not_allowed"),
                Arguments.of("AES key wrap", BOTH, jwe(aes, j -> j.setAlgorithmHeaderValue("A256KW")), "alg_not_allowed"),
                Arguments.of("direct encryption", BOTH, jwe(aes, j -> j.setAlgorithmHeaderValue("dir")), "alg_not_allowed"),
                Arguments.of("no alg", BOTH, headerWithoutAlg + "." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4],
                        "alg_missing"),
                Arguments.of("A128GCM content encryption", BOTH, jwe(j -> j.setEncryptionMethodHeaderParameter("A128GCM")),
                        "enc_not_allowed"),
                Arguments.of("A256CBC-HS512 content encryption", BOTH,
                        jwe(j -> j.setEncryptionMethodHeaderParameter("A256CBC-HS512")), "enc_not_allowed"),
                Arguments.of("compressed", BOTH, jwe(j -> j.setHeader("zip", "DEF")), "header_not_allowed"),
                Arguments.of("a critical extension", BOTH, jwe(j -> j.setCriticalHeaderNames("exp")), "header_not_allowed"),
                Arguments.of("a key URL", BOTH, jwe(j -> j.setHeader("jku", "https://attacker.example/jwks")), "header_not_allowed"),
                Arguments.of("encrypted for another key", BOTH, jwe(TestKeys.OTHER_RSA.getPublic(), j -> { }), "decryption_failed"),
                Arguments.of("ciphertext altered", BOTH, parts[0] + "." + parts[1] + "." + parts[2] + "." + flip(parts[3]) + "." + parts[4],
                        "decryption_failed"),
                Arguments.of("tag altered", BOTH, parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3] + "." + flip(parts[4]),
                        "decryption_failed"),
                Arguments.of("an unknown kid among named keys", twoKeys, jwe(j -> j.setKeyIdHeaderValue("k3")), "unknown_key"),
                Arguments.of("no kid and two keys", twoKeys, jwe(j -> { }), "unknown_key"),
                Arguments.of("RSA-OAEP-256 for a key declared RSA-OAEP", pinnedToOaep,
                        jwe(j -> j.setAlgorithmHeaderValue("RSA-OAEP-256")), "unknown_key"),
                Arguments.of("a JWS", BOTH, PLAINTEXT, "malformed"),
                Arguments.of("non-canonical base64url", BOTH, valid.replaceFirst("\\.", "=."), "malformed"),
                Arguments.of("a header that is not JSON", BOTH, "bm90IGpzb24." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4],
                        "malformed"),
                Arguments.of("five empty parts", BOTH, "....", "malformed"),
                Arguments.of("too long", BOTH, valid + "A".repeat(MAX), "too_large"));
    }

    /** Changes one character in the middle, keeping the text canonical base64url. */
    private static String flip(String part) {
        int i = part.length() / 2;
        char c = part.charAt(i) == 'A' ? 'B' : 'A';
        return part.substring(0, i) + c + part.substring(i + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void decryptWhenRefusedThenReasonAndNeverAnUncheckedException(String what, JweDecrypter decrypter, String jwe, String reason) {
        JweRejectedException refused = assertThrows(JweRejectedException.class, () -> decrypter.decrypt(jwe, MAX));
        assertEquals(reason, refused.reason(), what);
    }

    @Test
    void constructorWhenNoKeyOrAnUnsupportedAlgorithmThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JweDecrypter(List.of(), DecryptionKey.ALGORITHMS));
        assertThrows(IllegalArgumentException.class, () -> new JweDecrypter(List.of(KEY), Set.of("RSA1_5")));
        assertThrows(IllegalArgumentException.class, () -> new JweDecrypter(List.of(KEY), Set.of()));
    }
}
