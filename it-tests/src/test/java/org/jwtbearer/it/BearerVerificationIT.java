package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.apps.ControllableJwksServlet;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.TestResourceServer;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.JwkSet;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * The security-module's verification over real HTTP (attacks.md §E35, §E36, and the JWKS outage), on two small
 * resource servers deployed beside the product, each configured by its own settings:
 * <ul>
 *   <li>{@code it-verify-rs} trusts a JWKS this suite controls ({@code it-verify-jwks}): tokens are minted here
 *   with a key it publishes there, so each refused token differs from an accepted one in exactly one claim; and
 *   the JWKS can be broken, slowed down and its fetches counted;</li>
 *   <li>{@code it-verify-revocation} trusts the real issuer and checks revocation at its introspection
 *   endpoint (answers remembered 2 s).</li>
 * </ul>
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class BearerVerificationIT {

    private static final String ISSUER = "https://it-issuer.example";
    private static final String AUDIENCE = "urn:it:verify-rs";
    private static final long COOLDOWN_SECONDS = 2;
    private static final long MAX_AGE_SECONDS = 4;
    private static final long JWKS_TIMEOUT_SECONDS = 2;
    private static final long INTROSPECTION_CACHE_SECONDS = 2;

    private static final KeyPair KEY_1 = rsa();
    private static final KeyPair KEY_2 = rsa();

    @Deployment(name = "jwks", testable = false, order = 1)
    static WebArchive jwks() {
        return ShrinkWrap.create(WebArchive.class, "it-verify-jwks.war").addClass(ControllableJwksServlet.class);
    }

    @Deployment(name = "product", testable = false, order = 2)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Deployment(name = "rs", testable = false, order = 3)
    static WebArchive resourceServer() {
        Properties settings = new Properties();
        settings.setProperty("mp.jwt.verify.publickey.location", Fixtures.baseUrl() + "/it-verify-jwks/jwks");
        settings.setProperty("mp.jwt.verify.issuer", ISSUER);
        settings.setProperty("mp.jwt.verify.audiences", AUDIENCE);
        settings.setProperty("jwtbearer.jwks.max-age", Long.toString(MAX_AGE_SECONDS));
        settings.setProperty("jwtbearer.jwks.refresh-cooldown", Long.toString(COOLDOWN_SECONDS));
        settings.setProperty("jwtbearer.jwks.timeout", Long.toString(JWKS_TIMEOUT_SECONDS));
        settings.setProperty("jwtbearer.jwks.max-stale", "600");
        return TestResourceServer.war("it-verify-rs", settings);
    }

    @Deployment(name = "revocation", testable = false, order = 4)
    static WebArchive revocationCheckingResourceServer() {
        Properties settings = new Properties();
        settings.setProperty("mp.jwt.verify.publickey.location", Fixtures.baseUrl() + "/oauth2/jwks");
        settings.setProperty("mp.jwt.verify.issuer", Fixtures.baseUrl());
        settings.setProperty("mp.jwt.verify.audiences", Fixtures.baseUrl() + "/api");
        settings.setProperty("jwtbearer.introspection.url", Fixtures.baseUrl() + "/oauth2/introspect");
        settings.setProperty("jwtbearer.introspection.client-id", Fixtures.CONFIDENTIAL_CLIENT);
        settings.setProperty("jwtbearer.introspection.client-secret", Fixtures.CLIENT_SECRET);
        settings.setProperty("jwtbearer.introspection.cache-seconds", Long.toString(INTROSPECTION_CACHE_SECONDS));
        return TestResourceServer.war("it-verify-revocation", settings);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwksUrl(String path) {
        return Fixtures.baseUrl() + "/it-verify-jwks" + path;
    }

    private static String whoAmI(String app) {
        return Fixtures.baseUrl() + "/" + app + "/whoami";
    }

    private static void publish(Map<String, KeyPair> keys) {
        List<VerifierKey> published = keys.entrySet().stream()
                .map(e -> new VerifierKey(e.getKey(), e.getValue().getPublic(), null)).toList();
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(jwksUrl("/control/document")))
                .PUT(HttpRequest.BodyPublishers.ofString(JwkSet.toJson(published))).build());
        assertEquals(204, response.statusCode());
    }

    private static void outage(int status, long hangMillis) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(
                        URI.create(jwksUrl("/control/outage?status=" + status + "&hangMillis=" + hangMillis)))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, response.statusCode());
    }

    private static int fetches() {
        return Integer.parseInt(Http.get(jwksUrl("/control/fetches")).body().trim());
    }

    /** A valid token of the test issuer for the rs deployment, signed by {@code key} under {@code kid}, with one thing changed. */
    private static String token(KeyPair key, String kid, Consumer<JwtClaims> change) {
        long now = Instant.now().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("it-subject");
        claims.setClaim("upn", "verify.it");
        claims.setStringListClaim("groups", List.of("itil"));
        claims.setClaim("scope", "useraccount");
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 600));
        change.accept(claims);
        return JwtSigner.sign(claims, new SigningKey(key.getPrivate(), kid, "RS256", null), "at+jwt");
    }

    private static String token(Consumer<JwtClaims> change) {
        return token(KEY_1, "k1", change);
    }

    private static HttpResponse<String> call(String app, String token) {
        return Http.get(whoAmI(app), "Authorization", Http.bearer(token));
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("error=\"invalid_token\""), challenge);
    }

    private static void assertAccepted(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("verify.it", response.body());
    }

    /** Each test starts with k1 published, the JWKS healthy and the rs deployment accepting k1 again. */
    @BeforeEach
    void healthyJwksWithKey1() throws InterruptedException {
        outage(200, 0);
        publish(Map.of("k1", KEY_1));
        long deadline = System.nanoTime() + Duration.ofSeconds(3 * COOLDOWN_SECONDS + MAX_AGE_SECONDS).toNanos();
        while (call("it-verify-rs", token(c -> { })).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertAccepted(call("it-verify-rs", token(c -> { })));
    }

    // §E35 — each refused token differs from an accepted one in one claim, and is signed by a trusted key.

    @Test
    void whenTokenValidAndSignedByATrustedKeyThenAccepted() {
        String token = token(c -> { });

        assertAccepted(call("it-verify-rs", token));
        assertAccepted(call("it-verify-rs", token));
    }

    @Test
    void whenWrongIssuerThenInvalidToken() {
        assertInvalidToken(call("it-verify-rs", token(c -> c.setIssuer(Fixtures.baseUrl()))));
    }

    @Test
    void whenWrongAudienceThenInvalidToken() {
        assertInvalidToken(call("it-verify-rs", token(c -> c.setAudience(Fixtures.baseUrl() + "/api"))));
    }

    @Test
    void whenExpiredBeyondTheSkewThenInvalidToken() {
        long now = Instant.now().getEpochSecond();
        assertInvalidToken(call("it-verify-rs", token(c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now - 900));
            c.setExpirationTime(NumericDate.fromSeconds(now - 120));
        })));
    }

    @Test
    void whenNotBeforeInTheFutureThenInvalidToken() {
        long now = Instant.now().getEpochSecond();
        assertInvalidToken(call("it-verify-rs", token(c -> c.setNotBefore(NumericDate.fromSeconds(now + 600)))));
    }

    @Test
    void whenKeyWithdrawnFromTheJwksThenItsTokensAreRefusedThoughVerifiedBefore() throws InterruptedException {
        publish(Map.of("k1", KEY_1, "k2", KEY_2));
        String signedByK2 = token(KEY_2, "k2", c -> { });
        long deadline = System.nanoTime() + Duration.ofSeconds(3 * COOLDOWN_SECONDS).toNanos();
        while (call("it-verify-rs", signedByK2).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertAccepted(call("it-verify-rs", signedByK2));

        publish(Map.of("k1", KEY_1));

        // The background refresh (due after three quarters of the max-age) drops k2 and what it verified.
        deadline = System.nanoTime() + Duration.ofSeconds(2 * MAX_AGE_SECONDS + COOLDOWN_SECONDS).toNanos();
        HttpResponse<String> response = call("it-verify-rs", signedByK2);
        while (response.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = call("it-verify-rs", signedByK2);
        }
        assertInvalidToken(response);
    }

    @Test
    void whenRevokedAtTheIssuerThenRefusedWithinTheIntrospectionCacheTime() throws InterruptedException {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        HttpResponse<String> before = call("it-verify-revocation", token);
        assertEquals(200, before.statusCode(), before.body());
        assertEquals(Fixtures.USER_ITIL, before.body());

        HttpResponse<String> revoked = Http.postForm(Fixtures.baseUrl() + "/oauth2/revoke", Map.of("token", token),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET));
        assertEquals(200, revoked.statusCode());
        Thread.sleep(INTROSPECTION_CACHE_SECONDS * 1000 + 500);

        assertInvalidToken(call("it-verify-revocation", token));
        assertEquals(200, call("it-verify-revocation", Tokens.accessTokenFor(Fixtures.USER_ITIL)).statusCode(),
                "another token of the same user is unaffected");
    }

    @Test
    void whenSigningKeyRotatedOutAndWithdrawnByTheIssuerThenItsTokensAreRefused() throws InterruptedException {
        String admin = Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN));
        String signedByOldKey = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String oldKid = Tokens.header(signedByOldKey).getString("kid");
        assertEquals(200, call("it-verify-revocation", signedByOldKey).statusCode());

        assertEquals(200, Http.json("POST", Fixtures.baseUrl() + "/admin/signing-keys/rotate?force=true", null,
                "Authorization", admin).statusCode());
        String freshAdmin = Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN));
        HttpResponse<String> withdrawn = Http.json("DELETE", Fixtures.baseUrl() + "/admin/signing-keys/" + oldKid, null,
                "Authorization", freshAdmin);
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        Thread.sleep(INTROSPECTION_CACHE_SECONDS * 1000 + 500);

        assertInvalidToken(call("it-verify-revocation", signedByOldKey));
        assertEquals(200, call("it-verify-revocation", Tokens.accessTokenFor(Fixtures.USER_ITIL)).statusCode(),
                "tokens of the new current key are accepted");
    }

    // §E36

    @Test
    void whenFloodOfRandomKidsThenAtMostOneJwksFetchPerCooldown() {
        int before = fetches();
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            assertInvalidToken(call("it-verify-rs", token(KEY_1, "random-" + UUID.randomUUID(), c -> { })));
        }
        long elapsedSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        int fetched = fetches() - before;
        long allowed = 1 + elapsedSeconds / COOLDOWN_SECONDS;
        assertTrue(fetched <= allowed, fetched + " fetches in " + elapsedSeconds + " s; at most " + allowed + " allowed");
    }

    // The JWKS outage

    @Test
    void whenJwksHangsPastMaxAgeThenCachedKeysKeepWorkingWithoutWaitingAndUnknownKeysAre401() throws Exception {
        outage(200, 8000);
        Thread.sleep(MAX_AGE_SECONDS * 1000 + 500);

        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = call("it-verify-rs", token(c -> { }));
            long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertAccepted(response);
            assertTrue(tookMillis < 1500, "a fresh token of a cached key took " + tookMillis + " ms");
            Thread.sleep(COOLDOWN_SECONDS * 500);
        }
        List<HttpResponse<String>> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            unknown.add(call("it-verify-rs", token(KEY_2, "unknown-" + i, c -> { })));
        }
        unknown.forEach(BearerVerificationIT::assertInvalidToken);
    }

    @Test
    void whenJwksFailsThenCachedKeysKeepWorkingAndUnknownKeysAre401NeverA500() throws Exception {
        outage(503, 0);
        Thread.sleep(MAX_AGE_SECONDS * 1000 + 500);

        assertAccepted(call("it-verify-rs", token(c -> { })));
        assertInvalidToken(call("it-verify-rs", token(KEY_2, "k2", c -> { })));
        Thread.sleep(COOLDOWN_SECONDS * 1000 + 200);
        assertInvalidToken(call("it-verify-rs", token(KEY_2, "k2", c -> { })));
        assertAccepted(call("it-verify-rs", token(c -> { })));
    }
}
