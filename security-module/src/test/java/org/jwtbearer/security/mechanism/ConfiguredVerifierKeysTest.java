package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtbearer.security.TestClock;
import org.jwtbearer.security.TestJose;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.config.BearerSettings;
import org.jwtbearer.security.config.VerificationSettings;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * The verifier assembled from MP-JWT key settings as the TCK writes them: inline and static keys, a PEM key
 * served over http, an algorithm restriction, signed-then-encrypted tokens. The parts are tested alone elsewhere;
 * this is about choosing and wiring them.
 */
class ConfiguredVerifierKeysTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String ISSUER = "https://server.example.com";
    /** The signing key of the issuer; the service decrypts with the other pair. */
    private static final KeyPair SIGNER = TestKeys.RSA;
    private static final KeyPair ENCRYPTION = TestKeys.OTHER_RSA;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(NOW);
    private final Map<String, String> values = new HashMap<>(Map.of("mp.jwt.verify.issuer", ISSUER));

    private ConfiguredVerifier configured() {
        var config = TestJose.config(values);
        return ConfiguredVerifier.build(BearerSettings.from(config).orElseThrow(), VerificationSettings.from(config), clock,
                Runnable::run);
    }

    private static String signed(String kid, String alg) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("24400320");
        claims.setClaim("upn", "jdoe@example.com");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 300));
        return JwtSigner.sign(claims.toJson(), TestKeys.signing(SIGNER, kid, alg), "at+jwt", Map.of());
    }

    @Test
    void buildWhenInlinePemThenStaticKeysNothingToRefreshAndAnyKidAnswered() throws Exception {
        values.put("mp.jwt.verify.publickey", TestJose.publicPem(SIGNER));

        ConfiguredVerifier configured = configured();
        TokenVerifier verifier = configured.verifier();

        assertNull(configured.jwks(), "static keys: nothing for the scheduler to refresh");
        assertEquals("jdoe@example.com", verifier.verify(signed("/privateKey4k.pem", "RS256")).getName());
        assertEquals("jdoe@example.com", verifier.verify(signed("/privateKey4k.pem", "RS256")).getName(), "and again, from the cache");
    }

    @Test
    void buildWhenSignedWithAnAlgorithmNotConfiguredThenRefusedThoughTheKeyFits() throws Exception {
        values.put("mp.jwt.verify.publickey", TestJose.publicPem(SIGNER));

        assertEquals("unknown_key", assertThrows(InvalidTokenException.class,
                () -> configured().verifier().verify(signed("k", "PS256"))).reason(), "RS256 is the default");

        values.put("mp.jwt.verify.publickey.algorithm", "PS256");
        configured().verifier().verify(signed("k", "PS256"));
        assertEquals("unknown_key", assertThrows(InvalidTokenException.class,
                () -> configured().verifier().verify(signed("k", "RS256"))).reason(), "only the configured algorithm");
    }

    @Test
    void buildWhenDecryptionKeyThenSignedThenEncryptedTokensOnlyWithTheJweAsRawToken() throws Exception {
        values.put("mp.jwt.verify.publickey", TestJose.publicPem(SIGNER));
        Path privateKey = Files.writeString(dir.resolve("privateKey.pem"), TestJose.privatePem(ENCRYPTION));
        values.put("mp.jwt.decrypt.key.location", privateKey.toString());
        TokenVerifier verifier = configured().verifier();
        String jwe = TestJose.nest(signed(null, "RS256"), ENCRYPTION.getPublic());

        VerifiedAccessToken token = verifier.verify(jwe);
        assertEquals("jdoe@example.com", token.getName());
        assertEquals(jwe, token.getRawToken());
        assertEquals(jwe, verifier.verify(jwe).getRawToken(), "and again, from the cache");

        assertEquals("not_encrypted", assertThrows(InvalidTokenException.class,
                () -> verifier.verify(signed(null, "RS256"))).reason(), "a token only signed");
        String claimsOnly = TestJose.encrypt("{\"iss\":\"" + ISSUER + "\",\"sub\":\"x\",\"exp\":" + (NOW.getEpochSecond() + 300) + "}",
                ENCRYPTION.getPublic(), j -> { });
        assertEquals("cty", assertThrows(InvalidTokenException.class, () -> verifier.verify(claimsOnly)).reason(),
                "a token only encrypted");
    }

    @Test
    void buildWhenRsaOaep256ConfiguredThenRsaOaepRefused() throws Exception {
        values.put("mp.jwt.verify.publickey", TestJose.publicPem(SIGNER));
        Path privateKey = Files.writeString(dir.resolve("privateKey.pem"), TestJose.privatePem(ENCRYPTION));
        values.put("mp.jwt.decrypt.key.location", privateKey.toUri().toString());
        values.put("mp.jwt.decrypt.key.algorithm", "RSA-OAEP-256");
        TokenVerifier verifier = configured().verifier();

        verifier.verify(TestJose.encrypt(signed(null, "RS256"), ENCRYPTION.getPublic(), j -> {
            j.setAlgorithmHeaderValue("RSA-OAEP-256");
            j.setContentTypeHeaderValue("JWT");
        }));
        assertEquals("alg_not_allowed", assertThrows(InvalidTokenException.class,
                () -> verifier.verify(TestJose.nest(signed(null, "RS256"), ENCRYPTION.getPublic()))).reason());
    }

    @Test
    void buildWhenLocationIsAnHttpUrlServingAPemOrASingleJwkThenFetchedOnFirstUse() throws Exception {
        AtomicReference<String> document = new AtomicReference<>(TestJose.publicPem(SIGNER));
        AtomicReference<String> accepted = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pem/endp/publicKey4k", exchange -> {
            accepted.set(exchange.getRequestHeaders().getFirst("Accept"));
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            values.put("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + server.getAddress().getPort() + "/pem/endp/publicKey4k");
            ConfiguredVerifier configured = configured();
            assertNotNull(configured.jwks());
            assertNull(accepted.get(), "nothing fetched at deployment: the endpoint may be the application's own");

            configured.verifier().verify(signed("/privateKey4k.pem", "RS256"));
            assertNotNull(accepted.get());
            assertEquals(true, accepted.get().contains("text/plain"), "a PEM endpoint would answer 406 otherwise: " + accepted.get());

            document.set(TestJose.json(TestJose.jwk(SIGNER, "publicKey4k", "RS256", "sig", false)));
            configured().verifier().verify(signed("publicKey4k", "RS256"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void buildWhenTokenIsGarbageThenAnInvalidTokenNeverAnUncheckedException() throws IOException {
        values.put("mp.jwt.verify.publickey", TestJose.publicPem(SIGNER));
        Path privateKey = Files.writeString(dir.resolve("privateKey.pem"), TestJose.privatePem(ENCRYPTION));
        values.put("mp.jwt.decrypt.key.location", privateKey.toString());
        TokenVerifier verifier = configured().verifier();

        for (String garbage : new String[] {"", ".", "....", "a.b.c.d.e", "eyJ9.e30.e30.e30.e30", "x".repeat(40_000) + "....",
            TestJose.nest("not a jws", ENCRYPTION.getPublic())}) {
            assertThrows(InvalidTokenException.class, () -> verifier.verify(garbage), garbage);
        }
    }
}
