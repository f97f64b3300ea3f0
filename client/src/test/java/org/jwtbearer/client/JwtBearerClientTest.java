package org.jwtbearer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.client.FakeTokenEndpoint.Answer;
import org.jwtbearer.security.assertion.SigningKey;

/** The library against a scripted endpoint: what it sends, what it caches, what it retries, what it throws. */
class JwtBearerClientTest {

    private static final KeyPair RSA = TestSignatures.rsaKeyPair();
    private static final SigningKey KEY = new SigningKey(RSA.getPrivate(), "k1", null, null);

    private FakeTokenEndpoint endpoint;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        endpoint = new FakeTokenEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private JwtBearerClient.Builder client() {
        return JwtBearerClient.builder().tokenEndpoint(endpoint.uri()).signingKey(KEY).subject("abel.tuter")
                .clientAuthentication(ClientAuthentication.clientSecretBasic("my client", "s3cr:et"))
                .clock(clock).sleeper(pauses::add);
    }

    @Test
    void sendsTheGrantWithAFreshlySignedAssertion() throws Exception {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)));

        AccessToken token = client().scope("useraccount").claim("box_sub_type", "enterprise").build().requestToken();

        FakeTokenEndpoint.Received request = endpoint.received().get(0);
        assertEquals("POST", request.method());
        assertEquals(JwtBearerClient.GRANT_TYPE, request.form().get("grant_type"));
        assertEquals("useraccount", request.form().get("scope"));
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
        JwtClaims claims = verified(request.form().get("assertion"));
        assertEquals("my client", claims.getIssuer());
        assertEquals("abel.tuter", claims.getSubject());
        assertEquals(List.of(endpoint.uri().toString()), claims.getAudience());
        assertEquals("enterprise", claims.getClaimValue("box_sub_type"));
        assertEquals(clock.instant().getEpochSecond() + 120, claims.getExpirationTime().getValue());
        assertEquals("k1", header(request.form().get("assertion")).getKeyIdHeaderValue());
        assertEquals("t1", token.value());
        assertEquals("Bearer t1", token.authorizationHeader());
        assertEquals("useraccount", token.scope());
        assertEquals(clock.instant().plusSeconds(1800), token.expiresAt());
        assertFalse(token.toString().contains("t1"), token.toString());
    }

    @Test
    void basicAuthenticationFormEncodesIdAndSecret() {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)));

        client().build().requestToken();

        String basic = endpoint.received().get(0).header("Authorization");
        assertEquals("my+client:s3cr%3Aet", new String(Base64.getDecoder().decode(basic.substring("Basic ".length())),
                StandardCharsets.UTF_8));
        assertNull(endpoint.received().get(0).form().get("client_secret"));
    }

    @Test
    void postAuthenticationSendsIdAndSecretInTheForm() {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)));

        client().clientAuthentication(ClientAuthentication.clientSecretPost("c1", "secret")).build().requestToken();

        Map<String, String> form = endpoint.received().get(0).form();
        assertEquals("c1", form.get("client_id"));
        assertEquals("secret", form.get("client_secret"));
        assertNull(endpoint.received().get(0).header("Authorization"));
    }

    @Test
    void privateKeyJwtSendsAClientAssertionForTheTokenEndpoint() throws Exception {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)));

        client().clientAuthentication(ClientAuthentication.privateKeyJwt("c1", KEY)).audience("c1").build().requestToken();

        Map<String, String> form = endpoint.received().get(0).form();
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));
        JwtClaims clientAssertion = verified(form.get("client_assertion"));
        assertEquals("c1", clientAssertion.getIssuer());
        assertEquals("c1", clientAssertion.getSubject());
        assertEquals(List.of(endpoint.uri().toString()), clientAssertion.getAudience());
        JwtClaims grant = verified(form.get("assertion"));
        assertEquals(List.of("c1"), grant.getAudience());
        assertNotEquals(grant.getJwtId(), clientAssertion.getJwtId());
        assertNull(form.get("client_secret"));
    }

    @Test
    void noAuthenticationNeedsAnIssuerAndSendsNoCredentials() throws Exception {
        endpoint.answer(Answer.json(200, "{\"access_token\":\"sf\",\"token_type\":\"Bearer\",\"instance_url\":\"https://x\"}"));

        AccessToken token = client().clientAuthentication(ClientAuthentication.none(null)).issuer("3MVG9consumerKey")
                .audience("https://login.salesforce.com").build().accessToken();

        FakeTokenEndpoint.Received request = endpoint.received().get(0);
        assertNull(request.header("Authorization"));
        assertFalse(request.form().containsKey("client_id"));
        assertEquals("3MVG9consumerKey", verified(request.form().get("assertion")).getIssuer());
        assertEquals("https://x", token.response().get("instance_url"));
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), token.expiresAt(), "assumed lifetime without expires_in");
        assertThrows(IllegalArgumentException.class,
                () -> client().clientAuthentication(ClientAuthentication.none(null)).build());
    }

    @Test
    void everyRequestMintsANewJti() throws Exception {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)));
        JwtBearerClient client = client().build();

        client.requestToken();
        client.requestToken();

        assertNotEquals(verified(endpoint.received().get(0).form().get("assertion")).getJwtId(),
                verified(endpoint.received().get(1).form().get("assertion")).getJwtId());
    }

    @Test
    void cachedTokenIsReusedUntilShortlyBeforeItExpires() {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)), Answer.json(200, FakeTokenEndpoint.token("t2", 1800)));
        JwtBearerClient client = client().build();

        AccessToken first = client.accessToken();
        clock.advance(Duration.ofSeconds(1739));
        assertSame(first, client.accessToken());
        assertEquals(1, endpoint.received().size());

        clock.advance(Duration.ofSeconds(1));
        assertEquals("t2", client.accessToken().value());
        assertEquals(2, endpoint.received().size());
    }

    @Test
    void shortLivedTokensAreRenewedAtHalfTheirLifetime() {
        endpoint.answer(Answer.json(200, "{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":\"60\"}"),
                Answer.json(200, FakeTokenEndpoint.token("t2", 60)));
        JwtBearerClient client = client().build();

        AccessToken first = client.accessToken();
        assertEquals(clock.instant().plusSeconds(30), first.renewAt());
        clock.advance(Duration.ofSeconds(29));
        assertSame(first, client.accessToken());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("t2", client.accessToken().value());
    }

    @Test
    void invalidatedTokenIsReplacedOnTheNextCall() {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)), Answer.json(200, FakeTokenEndpoint.token("t2", 1800)));
        JwtBearerClient client = client().build();
        AccessToken first = client.accessToken();

        client.invalidate(first);

        assertEquals("t2", client.accessToken().value());
        client.invalidate(first);
        assertEquals("t2", client.accessToken().value(), "invalidating a token no longer cached changes nothing");
        assertEquals(2, endpoint.received().size());
    }

    @Test
    void manyThreadsWithoutATokenCauseOneRequest() throws Exception {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)).delayed(300));
        JwtBearerClient client = client().build();

        List<String> values = runConcurrently(16, client);

        assertEquals(1, endpoint.received().size());
        assertTrue(values.stream().allMatch("t1"::equals), values.toString());
    }

    @Test
    void whileOneThreadRenewsTheOthersKeepTheValidToken() throws Exception {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("t1", 1800)),
                Answer.json(200, FakeTokenEndpoint.token("t2", 1800)).delayed(500));
        JwtBearerClient client = client().build();
        client.accessToken();
        clock.advance(Duration.ofSeconds(1750));

        List<String> values = runConcurrently(8, client);

        assertEquals(2, endpoint.received().size(), "one renewal");
        assertTrue(values.contains("t1") && values.contains("t2"), values.toString());
        assertEquals("t2", client.accessToken().value());
    }

    @Test
    void oauthErrorsAreThrownWithCodeAndDescriptionAndNeverRetried() {
        endpoint.answer(Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The assertion was already used\"}"));

        OAuthErrorException e = assertThrows(OAuthErrorException.class, () -> client().build().accessToken());

        assertEquals(400, e.status());
        assertEquals("invalid_grant", e.error());
        assertEquals("The assertion was already used", e.errorDescription());
        assertEquals(1, endpoint.received().size());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void unauthorizedClientIsNotRetriedEither() {
        endpoint.answer(Answer.json(401, "{\"error\":\"invalid_client\"}").withHeader("WWW-Authenticate", "Basic realm=\"x\""));

        OAuthErrorException e = assertThrows(OAuthErrorException.class, () -> client().build().accessToken());

        assertEquals("invalid_client", e.error());
        assertNull(e.errorDescription());
        assertEquals(1, endpoint.received().size());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndAFreshAssertion() throws Exception {
        endpoint.answer(Answer.json(503, "{\"error\":\"temporarily_unavailable\"}"), Answer.json(500, "<html>oops</html>"),
                Answer.json(200, FakeTokenEndpoint.token("t1", 1800)));

        AccessToken token = client().build().accessToken();

        assertEquals("t1", token.value());
        assertEquals(3, endpoint.received().size());
        assertEquals(2, pauses.size());
        List<String> jtis = new ArrayList<>();
        for (FakeTokenEndpoint.Received r : endpoint.received()) {
            jtis.add(verified(r.form().get("assertion")).getJwtId());
        }
        assertEquals(3, jtis.stream().distinct().count(), "a retried request never resends a jti: " + jtis);
        assertTrue(pauses.get(0).toMillis() >= 100 && pauses.get(0).toMillis() <= 200, pauses.toString());
        assertTrue(pauses.get(1).toMillis() >= 200 && pauses.get(1).toMillis() <= 400, pauses.toString());
    }

    @Test
    void retriesStopAtTheLimitWithTheLastFailure() {
        endpoint.answer(Answer.json(503, "{\"error\":\"temporarily_unavailable\",\"error_description\":\"maintenance\"}")
                .withHeader("Retry-After", "2"));

        OAuthErrorException e = assertThrows(OAuthErrorException.class,
                () -> client().retryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1))).build().accessToken());

        assertEquals("temporarily_unavailable", e.error());
        assertEquals(503, e.status());
        assertEquals(4, endpoint.received().size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), pauses,
                "Retry-After honoured up to the maximum backoff");
    }

    @Test
    void unreachableEndpointIsRetriedThenReportedWithoutStatus() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JwtBearerClient client = client().tokenEndpoint(URI.create("http://127.0.0.1:" + closedPort + "/token")).build();

        TokenEndpointException e = assertThrows(TokenEndpointException.class, client::accessToken);

        assertTrue(e.status().isEmpty());
        assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
        assertEquals(2, pauses.size());
    }

    @Test
    void answersThatAreNotOAuthErrorsAreReportedWithStatusAndBodyStart() {
        endpoint.answer(new Answer(404, "text/html", "<html><body>Not Found</body></html>", Map.of(), 0));

        TokenEndpointException e = assertThrows(TokenEndpointException.class, () -> client().build().accessToken());

        assertEquals(404, e.status().getAsInt());
        assertTrue(e.getMessage().contains("Not Found") && e.getMessage().contains("text/html"), e.getMessage());
        assertEquals(1, endpoint.received().size());
    }

    @Test
    void redirectsAreNotFollowed() {
        endpoint.answer(new Answer(302, null, "", Map.of("Location", "http://127.0.0.1:1/elsewhere"), 0));

        TokenEndpointException e = assertThrows(TokenEndpointException.class, () -> client().build().accessToken());

        assertEquals(302, e.status().getAsInt());
        assertEquals(1, endpoint.received().size());
    }

    @Test
    void successWithoutATokenOrWithABadLifetimeIsRefused() {
        endpoint.answer(Answer.json(200, "{\"token_type\":\"Bearer\"}"));
        assertThrows(TokenEndpointException.class, () -> client().build().accessToken());

        endpoint.answer(Answer.json(200, "{\"access_token\":\"t\",\"expires_in\":\"soon\"}"));
        assertThrows(TokenEndpointException.class, () -> client().build().accessToken());
    }

    @Test
    void tokenTypeAbsentMeansBearer() {
        endpoint.answer(Answer.json(200, "{\"access_token\":\"box\",\"expires_in\":3600,\"issued_token_type\":\"bearer\"}"));

        assertEquals("Bearer box", client().build().accessToken().authorizationHeader());
    }

    @Test
    void reservedClaimsAreSetByTheirOwnMethods() {
        assertThrows(IllegalArgumentException.class, () -> client().claim("jti", "fixed"));
        assertThrows(IllegalArgumentException.class, () -> client().claim("exp", 1));
        assertThrows(IllegalArgumentException.class, () -> JwtBearerClient.builder().tokenEndpoint("file:///etc/passwd"));
    }

    @Test
    void secretsStayOutOfToString() {
        assertFalse(ClientAuthentication.clientSecretPost("c", "hunter2").toString().contains("hunter2"));
        assertFalse(client().build().toString().contains("s3cr"));
    }

    private List<String> runConcurrently(int threads, JwtBearerClient client) throws InterruptedException {
        List<String> values = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                try {
                    values.add(client.accessToken().value());
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            thread.start();
            started.add(thread);
            if (i == 0) {
                Thread.sleep(50);
            }
        }
        for (Thread thread : started) {
            thread.join(10_000);
        }
        assertTrue(failures.isEmpty(), failures.toString());
        return values;
    }

    private static JsonWebSignature header(String jws) throws Exception {
        JsonWebSignature parsed = new JsonWebSignature();
        parsed.setCompactSerialization(jws);
        return parsed;
    }



    private static JwtClaims verified(String jws) throws Exception {
        return TestSignatures.verifiedClaims(jws, RSA.getPublic());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
