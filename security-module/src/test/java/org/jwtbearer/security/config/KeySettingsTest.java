package org.jwtbearer.security.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtbearer.security.TestJose.json;
import static org.jwtbearer.security.TestJose.jwk;
import static org.jwtbearer.security.TestJose.jwks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtbearer.security.TestJose;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.jose.DecryptionKey;
import org.jwtbearer.security.jose.VerifierKey;

/** MP-JWT 2.1's key settings as an application writes them; each bad value fails naming its key. */
class KeySettingsTest {

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    private static final String LOCATION = "mp.jwt.verify.publickey.location";
    private static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    private static final String DECRYPT_LOCATION = "mp.jwt.decrypt.key.location";
    private static final String DECRYPT_ALGORITHM = "mp.jwt.decrypt.key.algorithm";

    @TempDir
    Path classes;

    private URLClassLoader application;
    private final Map<String, String> values = new HashMap<>();

    @BeforeEach
    void application() throws IOException {
        Files.writeString(classes.resolve("publicKey.pem"), TestJose.publicPem(TestKeys.RSA));
        Files.writeString(classes.resolve("privateKey.pem"), TestJose.privatePem(TestKeys.RSA));
        Files.writeString(classes.resolve("ecPublicKey.jwk"), json(jwk(TestKeys.EC_P256, "eckey", "ES256", "sig", false)));
        Files.writeString(classes.resolve("decryptorPrivateKeySet.jwk"), jwks(jwk(TestKeys.RSA, "mp-jwt-set", "RSA-OAEP", "enc", true)));
        Files.writeString(classes.resolve("not-a-key.txt"), "hello");
        application = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    @AfterEach
    void close() throws IOException {
        application.close();
    }

    private Optional<KeySettings> settings() {
        return KeySettings.from(TestJose.config(values), application);
    }

    private KeySettings required() {
        return settings().orElseThrow();
    }

    private void assertRefusedNaming(String configKey) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, this::settings);
        assertTrue(refused.getMessage().startsWith(configKey), refused.getMessage());
    }

    @Test
    void fromWhenNoKeyConfiguredThenNone() {
        values.put("mp.jwt.verify.issuer", "https://server.example.com");
        values.put(ALGORITHM, "ES256");

        assertTrue(settings().isEmpty());
    }

    @Test
    void fromWhenInlinePemThenThatKeyAndRs256Only() {
        values.put(PUBLIC_KEY, TestJose.publicPem(TestKeys.RSA));

        KeySettings settings = required();

        assertEquals(List.of(TestKeys.RSA.getPublic()), settings.staticKeys().stream().map(VerifierKey::publicKey).toList());
        assertEquals(Set.of("RS256"), settings.signatureAlgorithms(), "MP-JWT 2.1: default RS256");
        assertTrue(settings.remoteKeys().isEmpty());
        assertTrue(settings.decryption().isEmpty());
    }

    @Test
    void fromWhenInlineJwkJwksOrBase64JwkThenItsKeys() {
        String jwk = json(jwk(TestKeys.RSA, "publicKey4k", "RS256", "sig", false));
        for (String inline : List.of(jwk, jwks(jwk(TestKeys.RSA, "publicKey4k", null, null, false)),
                Base64.getUrlEncoder().withoutPadding().encodeToString(jwk.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(jwk.getBytes(StandardCharsets.UTF_8)))) {
            values.put(PUBLIC_KEY, inline);

            assertEquals("publicKey4k", required().staticKeys().get(0).kid(), inline);
        }
    }

    @Test
    void fromWhenLocationOnTheApplicationClassPathThenReadAtOnce() {
        for (String location : List.of("/publicKey.pem", "publicKey.pem", "classpath:publicKey.pem")) {
            values.put(LOCATION, location);

            assertEquals(TestKeys.RSA.getPublic(), required().staticKeys().get(0).publicKey(), location);
        }
    }

    @Test
    void fromWhenLocationIsAFileOrFileUrlThenReadAtOnce() throws IOException {
        Path file = Files.writeString(classes.resolve("elsewhere.pem"), TestJose.publicPem(TestKeys.OTHER_RSA));
        for (String location : List.of(file.toString(), file.toUri().toString())) {
            values.put(LOCATION, location);

            assertEquals(TestKeys.OTHER_RSA.getPublic(), required().staticKeys().get(0).publicKey(), location);
        }
    }

    @Test
    void fromWhenLocationIsHttpThenRemoteAndNothingFetchedYet() {
        // Nothing listens there: the TCK serves its key from the application being deployed, which does not answer yet.
        values.put(LOCATION, "http://127.0.0.1:9/pem/endp/publicKey4k");

        KeySettings settings = required();

        assertEquals(Optional.of(URI.create("http://127.0.0.1:9/pem/endp/publicKey4k")), settings.remoteKeys());
        assertTrue(settings.staticKeys().isEmpty());
    }

    @Test
    void fromWhenBothPublicKeyAndLocationThenRefused() {
        values.put(PUBLIC_KEY, TestJose.publicPem(TestKeys.RSA));
        values.put(LOCATION, "/publicKey.pem");

        IllegalStateException refused = assertThrows(IllegalStateException.class, this::settings);
        assertTrue(refused.getMessage().contains(PUBLIC_KEY) && refused.getMessage().contains(LOCATION), refused.getMessage());
    }

    @Test
    void fromWhenOnlyADecryptionKeyThenRefused() {
        values.put(DECRYPT_LOCATION, "/privateKey.pem");

        assertRefusedNaming(DECRYPT_LOCATION);
    }

    @Test
    void fromWhenLocationUnreadableOrNotAKeyThenRefusedNamingIt() {
        for (String location : List.of("/missing.pem", "/not-a-key.txt", "file:relative.pem", "nosuchscheme://x")) {
            values.put(LOCATION, location);

            assertRefusedNaming(LOCATION);
        }
    }

    @Test
    void fromWhenPublicKeyIsNotAKeyThenRefusedNamingIt() {
        values.put(PUBLIC_KEY, "{\"kid\":\"no kty\"}");

        assertRefusedNaming(PUBLIC_KEY);
    }

    @Test
    void fromWhenAPrivateKeyIsConfiguredAsThePublicKeyThenRefused() {
        for (String inline : List.of(TestJose.privatePem(TestKeys.RSA),
                jwks(jwk(TestKeys.RSA, "a", null, null, false), jwk(TestKeys.OTHER_RSA, "b", null, null, true)))) {
            values.put(PUBLIC_KEY, inline);

            assertRefusedNaming(PUBLIC_KEY);
        }
    }

    @Test
    void fromWhenJwksHoldsNoSignatureKeyThenRefused() {
        values.put(PUBLIC_KEY, jwks(jwk(TestKeys.RSA, "a", null, "enc", false)));

        assertRefusedNaming(PUBLIC_KEY);
    }

    @Test
    void fromWhenAlgorithmEs256ThenOnlyThatAndTheEcKeyFits() {
        values.put(LOCATION, "/ecPublicKey.jwk");
        values.put(ALGORITHM, "ES256");

        KeySettings settings = required();

        assertEquals(Set.of("ES256"), settings.signatureAlgorithms());
        assertEquals("eckey", settings.staticKeys().get(0).kid());
    }

    @Test
    void fromWhenAlgorithmListThenAll() {
        values.put(PUBLIC_KEY, TestJose.publicPem(TestKeys.RSA));
        values.put(ALGORITHM, "RS256, PS256");

        assertEquals(Set.of("RS256", "PS256"), required().signatureAlgorithms());
    }

    @Test
    void fromWhenAlgorithmIsSymmetricOrUnknownThenRefused() {
        values.put(PUBLIC_KEY, TestJose.publicPem(TestKeys.RSA));
        for (String alg : List.of("HS256", "none", "RS1")) {
            values.put(ALGORITHM, alg);

            assertRefusedNaming(ALGORITHM);
        }
    }

    @Test
    void fromWhenNoKeyFitsTheAlgorithmThenRefusedNamingTheAlgorithmSetting() {
        values.put(LOCATION, "/ecPublicKey.jwk");

        IllegalStateException refused = assertThrows(IllegalStateException.class, this::settings);
        assertTrue(refused.getMessage().contains(ALGORITHM), "an ES256 key under the RS256 default: " + refused.getMessage());
    }

    @Test
    void fromWhenDecryptionKeyThenBothOaepAlgorithmsByDefault() {
        values.put(LOCATION, "/publicKey.pem");
        values.put(DECRYPT_LOCATION, "/privateKey.pem");

        KeySettings.Decryption decryption = required().decryption().orElseThrow();

        assertEquals(Set.of("RSA-OAEP", "RSA-OAEP-256"), decryption.algorithms(), "MP-JWT 2.1: unset, both must be accepted");
        assertEquals(TestKeys.RSA.getPrivate(), decryption.keys().get(0).privateKey());
    }

    @Test
    void fromWhenDecryptionAlgorithmSetThenOnlyThat() {
        values.put(LOCATION, "/publicKey.pem");
        values.put(DECRYPT_LOCATION, "/privateKey.pem");
        values.put(DECRYPT_ALGORITHM, "RSA-OAEP-256");

        assertEquals(Set.of("RSA-OAEP-256"), required().decryption().orElseThrow().algorithms());
    }

    @Test
    void fromWhenDecryptionKeySetThenItsKeysWithKid() {
        values.put(LOCATION, "/publicKey.pem");
        values.put(DECRYPT_LOCATION, "/decryptorPrivateKeySet.jwk");

        assertEquals(List.of("mp-jwt-set"), required().decryption().orElseThrow().keys().stream().map(DecryptionKey::kid).toList());
    }

    @Test
    void fromWhenDecryptionSettingsUnusableThenRefusedNamingThem() {
        values.put(LOCATION, "/publicKey.pem");
        values.put(DECRYPT_ALGORITHM, "RSA-OAEP");
        assertRefusedNaming(DECRYPT_ALGORITHM);

        values.put(DECRYPT_LOCATION, "/privateKey.pem");
        values.put(DECRYPT_ALGORITHM, "RSA1_5");
        assertRefusedNaming(DECRYPT_ALGORITHM);

        values.remove(DECRYPT_ALGORITHM);
        for (String location : List.of("/publicKey.pem", "/missing.pem")) {
            values.put(DECRYPT_LOCATION, location);
            assertRefusedNaming(DECRYPT_LOCATION);
        }

        values.put(DECRYPT_LOCATION, "/decryptorPrivateKeySet.jwk");
        values.put(DECRYPT_ALGORITHM, "RSA-OAEP-256");
        assertRefusedNaming(DECRYPT_LOCATION);
    }

    @Test
    void fromWhenDecryptionKeyAtAPlainHttpUrlThenRefusedThoughItAnswers() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/privateKey.pem", exchange -> {
            byte[] body = TestJose.privatePem(TestKeys.RSA).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            values.put(LOCATION, "/publicKey.pem");
            values.put(DECRYPT_LOCATION, "http://127.0.0.1:" + server.getAddress().getPort() + "/privateKey.pem");

            IllegalStateException refused = assertThrows(IllegalStateException.class, this::settings);
            assertTrue(refused.getMessage().startsWith(DECRYPT_LOCATION) && refused.getMessage().contains("plain http"),
                    refused.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void bearerSettingsWhenIssuerUnsetThenNoIssuerRatherThanAFailure() {
        values.put(LOCATION, "/publicKey.pem");

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(application);
        BearerSettings settings;
        try {
            settings = BearerSettings.from(TestJose.config(values)).orElseThrow();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }

        assertNull(settings.issuer(), "MP-JWT 2.1 checks iss against a configured value and requires none");
    }

    /** jwtbearer.verify.rsa-min-bits: 2048 unless lowered, never below 1024, and the same rule for fetched keys. */
    @Test
    void fromWhenRsaKeyBelowTheMinimumThenRefusedUnlessTheSettingLowersIt() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String weak = TestJose.publicPem(generator.generateKeyPair());
        values.put(PUBLIC_KEY, weak);

        IllegalStateException refused = assertThrows(IllegalStateException.class, this::settings);
        assertTrue(refused.getMessage().startsWith(PUBLIC_KEY + ": RSA key of 1024 bits; at least 2048"), refused.getMessage());

        values.put("jwtbearer.verify.rsa-min-bits", "1024");
        KeySettings lowered = settings().orElseThrow();
        assertEquals(1024, lowered.minRsaBits());
        assertEquals(1, lowered.staticKeys().size());

        values.put("jwtbearer.verify.rsa-min-bits", "512");
        IllegalStateException floor = assertThrows(IllegalStateException.class, this::settings);
        assertTrue(floor.getMessage().startsWith("jwtbearer.verify.rsa-min-bits is 512"), floor.getMessage());
    }
}
