package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestClock;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.config.BearerSettings;
import org.jwtbearer.security.config.IntrospectionSettings;
import org.jwtbearer.security.config.KeySettings;
import org.jwtbearer.security.config.RevocationListSettings;
import org.jwtbearer.security.config.VerificationSettings;
import org.jwtbearer.security.jose.JwkSet;
import org.jwtbearer.security.jose.VerifierKey;
import org.jwtbearer.security.revocation.FakeIntrospectionEndpoint;
import org.jwtbearer.security.revocation.RevocationRules;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenVerifier;

/**
 * The verifier as the mechanism assembles it from its settings, against a JWKS and an introspection endpoint
 * on loopback: the pieces are tested alone elsewhere, this is about their order and wiring.
 */
class ConfiguredVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String ISSUER = "https://issuer.example.com";
    private static final String AUDIENCE = "https://issuer.example.com/api";
    private static final Duration COOLDOWN = Duration.ofSeconds(30);
    private static final Duration INTROSPECTION_CACHE = Duration.ofSeconds(30);
    private static final Duration REVOCATIONS_MAX_AGE = Duration.ofSeconds(15);

    private final TestClock clock = new TestClock(NOW);
    private final AtomicReference<String> jwksDocument = new AtomicReference<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicReference<String> revokedJtiHash = new AtomicReference<>();
    private HttpServer jwksServer;
    private FakeIntrospectionEndpoint introspection;

    @BeforeEach
    void start() throws IOException {
        publish("k1");
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = jwksDocument.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksServer.createContext("/revocations", exchange -> {
            String hash = revokedJtiHash.get();
            byte[] body = ("{\"cursor\":\"1\",\"complete\":true,\"clients\":[],\"users\":[],\"tokens\":["
                    + (hash == null ? "" : "{\"jti_sha256\":\"" + hash + "\",\"exp\":" + (NOW.getEpochSecond() + 1800) + "}") + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksServer.start();
        introspection = new FakeIntrospectionEndpoint();
    }

    @AfterEach
    void stop() {
        jwksServer.stop(0);
        introspection.close();
    }

    private void publish(String... kids) {
        jwksDocument.set(JwkSet.toJson(List.of(kids).stream()
                .map(kid -> new VerifierKey(kid, (kid.equals("k1") ? TestKeys.RSA : TestKeys.OTHER_RSA).getPublic(), null))
                .toList()));
    }

    private TokenVerifier verifier(boolean revocationCheck) {
        return verifier(revocationCheck, false);
    }

    private TokenVerifier verifier(boolean revocationCheck, boolean revocationList) {
        BearerSettings settings = new BearerSettings(
                KeySettings.remote(URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks")), ISSUER, Set.of(AUDIENCE),
                Duration.ofSeconds(60), "test", Duration.ofMinutes(10), COOLDOWN, Duration.ofSeconds(2));
        Optional<IntrospectionSettings> check = revocationCheck ? Optional.of(new IntrospectionSettings(introspection.url(),
                FakeIntrospectionEndpoint.CLIENT_ID, Optional.of(FakeIntrospectionEndpoint.SECRET), INTROSPECTION_CACHE, Duration.ofSeconds(2), false)) : Optional.empty();
        Optional<RevocationListSettings> list = revocationList ? Optional.of(new RevocationListSettings(
                URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/revocations"), "rs", Optional.of("secret"),
                REVOCATIONS_MAX_AGE, Duration.ofSeconds(2), false, 100)) : Optional.empty();
        return ConfiguredVerifier.build(settings, new VerificationSettings(100, Duration.ofHours(1), check, true, Optional.empty(), true, list),
                clock, Runnable::run).verifier();
    }

    private static String token(String kid) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("0123");
        claims.setJwtId(kid + "-token");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 1800));
        return JwtSigner.sign(claims.toJson(), TestKeys.signing(kid.equals("k1") ? TestKeys.RSA : TestKeys.OTHER_RSA, kid, "RS256"),
                "at+jwt", Map.of());
    }

    @Test
    void verifyWhenRevokedAfterItWasVerifiedThenTheRememberedSignatureDoesNotSkipTheRevocationCheck() throws Exception {
        TokenVerifier verifier = verifier(true);
        String token = token("k1");
        verifier.verify(token);
        verifier.verify(token);

        introspection.revoked.add(token);
        clock.advance(INTROSPECTION_CACHE);

        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals("revoked", refused.reason());
    }

    @Test
    void verifyWhenTheRevocationListNamesATokenItRememberedThenRefusedWithinAThirdOfTheMaxAge() throws Exception {
        TokenVerifier verifier = verifier(false, true);
        String token = token("k1");
        verifier.verify(token);
        verifier.verify(token);

        revokedJtiHash.set(RevocationRules.jtiHash("k1-token"));
        clock.advance(REVOCATIONS_MAX_AGE.dividedBy(3));

        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals("revoked", refused.reason());
    }

    @Test
    void verifyWhenKeyWithdrawnFromTheJwksThenTokensItVerifiedAreRefusedThoughRemembered() throws Exception {
        TokenVerifier verifier = verifier(false);
        String token = token("k1");
        verifier.verify(token);

        publish("k2");
        clock.advance(COOLDOWN.plusSeconds(1));
        verifier.verify(token("k2"));
        assertEquals(2, jwksFetches.get(), "the new kid made it fetch the JWKS without k1");

        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals("unknown_key", refused.reason());
    }

    @Test
    void buildWhenNothingAskedYetThenNothingFetched() throws Exception {
        TokenVerifier verifier = verifier(false);
        assertEquals(0, jwksFetches.get(), "lazily: not at deployment");

        verifier.verify(token("k1"));
        assertTrue(jwksFetches.get() == 1 && introspection.calls.get() == 0);
    }
}
