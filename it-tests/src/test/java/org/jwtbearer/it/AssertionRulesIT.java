package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * Every assertion rule of SPEC §2 over real HTTP: each test changes one thing in a valid request and
 * expects the right status and error code, and no token.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class AssertionRulesIT {

    private static final String GENERIC = "The assertion could not be verified";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String sign(JwtClaims claims) {
        return JwtSigner.sign(claims, Fixtures.key(Fixtures.KEY_CERT), "JWT");
    }

    private static JwtClaims validClaims() {
        return Fixtures.assertion().build().claims(Clock.systemUTC());
    }

    /** Asserts the refusal and that nothing was issued; returns the error description. */
    private static String refused(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals(error, body.getString("error"));
        assertFalse(body.containsKey("access_token"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        return body.getString("error_description");
    }

    @Test
    void whenAssertionExpiredThenInvalidGrant() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Fixtures.shifted(Duration.ofMinutes(-10)));
        assertTrue(refused(Http.requestToken(assertion), 400, "invalid_grant").contains("expired"));
    }

    @Test
    void whenLifetimeLongerThanAllowedThenInvalidGrant() {
        String assertion = Fixtures.assertion().lifetime(Duration.ofSeconds(301)).build()
                .sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        assertTrue(refused(Http.requestToken(assertion), 400, "invalid_grant").contains("at most 300"));
    }

    @Test
    void whenIssuedInTheFutureBeyondSkewThenInvalidGrantButWithinSkewAccepted() {
        String farFuture = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Fixtures.shifted(Duration.ofSeconds(90)));
        assertTrue(refused(Http.requestToken(farFuture), 400, "invalid_grant").contains("future"));

        String slightlyAhead = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Fixtures.shifted(Duration.ofSeconds(8)));
        assertEquals(200, Http.requestToken(slightlyAhead).statusCode());
    }

    @Test
    void whenAudienceIsAnotherServerOrAVariantOfOursThenInvalidGrant() {
        for (String audience : List.of("https://other.example.com/oauth_token.do", Fixtures.tokenEndpoint() + "/",
                Fixtures.tokenEndpoint().toUpperCase())) {
            JwtClaims claims = validClaims();
            claims.setAudience(audience);
            assertTrue(refused(Http.requestToken(sign(claims)), 400, "invalid_grant").contains("aud"), audience);
        }
    }

    @Test
    void whenAudienceArrayHasOursSecondThenAccepted() {
        JwtClaims claims = validClaims();
        claims.setAudience("https://unrelated.example.com", Fixtures.tokenEndpoint());
        assertEquals(200, Http.requestToken(sign(claims)).statusCode());
    }

    @Test
    void whenIssuerNotAcceptedForTheAuthenticatedClientThenInvalidClient() {
        // Attack catalogue #22: client B's credentials with an assertion naming another client.
        JwtClaims claims = validClaims();
        claims.setIssuer(Fixtures.PUBLIC_CLIENT);
        assertEquals("Client authentication failed", refused(Http.requestToken(sign(claims)), 401, "invalid_client"));
    }

    @Test
    void whenKidUnknownOrSignedByAnotherKeyThenGenericInvalidGrant() {
        JwtClaims claims = validClaims();
        String unknownKid = JwtSigner.sign(claims, Fixtures.key(Fixtures.KEY_CERT, "no-such-kid"), "JWT");
        assertEquals(GENERIC, refused(Http.requestToken(unknownKid), 400, "invalid_grant"));

        String forged = JwtSigner.sign(validClaims(), Fixtures.key(Fixtures.KEY_ATTACKER, Fixtures.KEY_CERT), "JWT");
        assertEquals(GENERIC, refused(Http.requestToken(forged), 400, "invalid_grant"));
    }

    @Test
    void whenSignedWithAnotherClientsKeyThenGenericInvalidGrant() {
        String assertion = JwtSigner.sign(validClaims(), Fixtures.key(Fixtures.KEY_OTHER_CLIENT), "JWT");
        assertEquals(GENERIC, refused(Http.requestToken(assertion), 400, "invalid_grant"));
    }

    @Test
    void whenCertificateOfTheKeyExpiredThenGenericInvalidGrant() {
        String assertion = JwtSigner.sign(validClaims(), Fixtures.key(Fixtures.KEY_EXPIRED_CERT), "JWT");
        assertEquals(GENERIC, refused(Http.requestToken(assertion), 400, "invalid_grant"));
    }

    @Test
    void whenJtiReplayedThenInvalidGrantAndExactlyOneToken() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        assertEquals(200, Http.requestToken(assertion).statusCode());
        assertTrue(refused(Http.requestToken(assertion), 400, "invalid_grant").contains("already used"));
    }

    @Test
    void whenSameAssertionSentConcurrentlyThenExactlyOneToken() throws Exception {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> request = () -> Http.requestToken(assertion).statusCode();
            List<Future<Integer>> results = pool.invokeAll(List.of(request, request, request, request));
            long issued = 0;
            long refusedAsReplay = 0;
            for (Future<Integer> result : results) {
                issued += result.get() == 200 ? 1 : 0;
                refusedAsReplay += result.get() == 400 ? 1 : 0;
            }
            assertEquals(1, issued);
            assertEquals(3, refusedAsReplay, "the losers of the race are replays (400), never server errors");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenRequestRefusedThenItsJtiIsNotUsedUp() {
        JwtClaims claims = validClaims();
        String assertion = sign(claims);
        HttpResponse<String> wrongSecret = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, "wrong"));
        refused(wrongSecret, 401, "invalid_client");

        assertEquals(200, Http.requestToken(assertion).statusCode());
    }

    @Test
    void whenSubjectUnknownOrUserInactiveThenInvalidGrant() {
        String unknown = Fixtures.assertion().subject("nobody").build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        assertTrue(refused(Http.requestToken(unknown), 400, "invalid_grant").contains("user"));

        String inactive = Fixtures.assertion().subject(Fixtures.USER_INACTIVE).build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        assertTrue(refused(Http.requestToken(inactive), 400, "invalid_grant").contains("not active"));
    }

    @Test
    void whenRequiredClaimMissingThenInvalidGrantNamingIt() {
        for (String claim : List.of("jti", "exp", "sub", "iss", "aud")) {
            JwtClaims claims = validClaims();
            claims.unsetClaim(claim);
            String description = refused(Http.requestToken(sign(claims)), 400, "invalid_grant");
            assertTrue(description.contains(claim), claim + ": " + description);
        }
    }

    @Test
    void whenExpIsNotANumberThenInvalidGrant() {
        JwtClaims claims = validClaims();
        claims.setClaim("exp", "tomorrow");
        refused(Http.requestToken(sign(claims)), 400, "invalid_grant");
    }

    @Test
    void whenClaimValidationFailsThenInvalidGrantAndWhenItHoldsThenIssued() {
        SigningKey key = Fixtures.key(Fixtures.KEY_OTHER_CLIENT);
        String without = Fixtures.assertion().issuer("https://rules.example.com").audience("https://token.example.com/rules")
                .build().sign(key, Clock.systemUTC());
        HttpResponse<String> refusedResponse = Http.postForm(Fixtures.tokenEndpoint(), withClient(without, Fixtures.RULES_CLIENT));
        assertTrue(refused(refusedResponse, 400, "invalid_grant").contains("tenant"));

        String with = Fixtures.assertion().issuer("https://rules.example.com").audience("https://token.example.com/rules")
                .claim("tenant", "acme").build().sign(key, Clock.systemUTC());
        assertEquals(200, Http.postForm(Fixtures.tokenEndpoint(), withClient(with, Fixtures.RULES_CLIENT)).statusCode());
    }

    @Test
    void whenClientNamedByAcceptedIssuerAndScopeClaimThenThatScopeIsGranted() {
        String assertion = Fixtures.assertion().issuer("https://rules.example.com").audience("https://token.example.com/rules")
                .claim("tenant", "acme").claim("scope", "reporting").build()
                .sign(Fixtures.key(Fixtures.KEY_OTHER_CLIENT), Clock.systemUTC());
        HttpResponse<String> response = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion));
        assertEquals(200, response.statusCode());
        assertEquals("reporting", Http.json(response).getString("scope"));
    }

    @Test
    void whenScopeNotRegisteredForClientThenInvalidScope() {
        Map<String, String> form = Http.grant(Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC()));
        form.put("scope", "useraccount admin");
        refused(Http.postForm(Fixtures.tokenEndpoint(), form,
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)), 400, "invalid_scope");
    }

    @Test
    void whenClientSecretWrongOrMissingThenInvalidClientWithBasicChallenge() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        HttpResponse<String> wrong = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET + "x"));
        refused(wrong, 401, "invalid_client");
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        refused(Http.postForm(Fixtures.tokenEndpoint(), withClient(assertion, Fixtures.CONFIDENTIAL_CLIENT)), 401, "invalid_client");
        refused(Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion)), 401, "invalid_client");

        HttpResponse<String> malformed = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion), "Authorization", "Basic !!!");
        refused(malformed, 401, "invalid_client");
        assertTrue(malformed.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    void whenClientUnknownOrInactiveThenInvalidClient() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        refused(Http.postForm(Fixtures.tokenEndpoint(), withClient(assertion, "no-such-client")), 401, "invalid_client");
        refused(Http.postForm(Fixtures.tokenEndpoint(), withClient(assertion, Fixtures.INACTIVE_CLIENT)), 401, "invalid_client");
    }

    @Test
    void whenAlgNoneOrKeyCarryingHeaderThenInvalidGrant() {
        String payload = validClaims().toJson();
        String none = b64("{\"alg\":\"none\",\"kid\":\"it-cert\"}") + "." + b64(payload) + ".";
        refused(Http.requestToken(none), 400, "invalid_grant");
        String noneCased = b64("{\"alg\":\"nOnE\"}") + "." + b64(payload) + ".";
        refused(Http.requestToken(noneCased), 400, "invalid_grant");

        for (String header : List.of("jku", "x5u")) {
            String assertion = JwtSigner.sign(payload, Fixtures.key(Fixtures.KEY_CERT), "JWT", Map.of(header, "http://127.0.0.1:1/keys"));
            refused(Http.requestToken(assertion), 400, "invalid_grant");
        }
        String critical = JwtSigner.sign(payload, Fixtures.key(Fixtures.KEY_CERT), "JWT", Map.of("crit", List.of("exp"), "exp", 1));
        refused(Http.requestToken(critical), 400, "invalid_grant");
    }

    @Test
    void whenAccessTokenSentAsAssertionThenInvalidGrant() {
        String accessToken = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        refused(Http.requestToken(accessToken), 400, "invalid_grant");
    }

    @Test
    void whenParameterRepeatedThenInvalidRequest() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        String body = "grant_type=" + Http.JWT_BEARER + "&assertion=" + assertion + "&assertion=" + assertion;
        refused(Http.postRaw(Fixtures.tokenEndpoint(), "application/x-www-form-urlencoded", body,
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)), 400, "invalid_request");
    }

    @Test
    void whenParametersOnlyInQueryStringThenTheyAreNotRead() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        String url = Fixtures.tokenEndpoint() + "?grant_type=" + Http.JWT_BEARER + "&assertion=" + assertion;
        refused(Http.postRaw(url, "application/x-www-form-urlencoded", "",
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)), 400, "invalid_request");
    }

    @Test
    void whenCredentialsInHeaderAndBodyThenInvalidRequest() {
        Map<String, String> form = withClient(Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC()),
                Fixtures.CONFIDENTIAL_CLIENT);
        form.put("client_secret", Fixtures.CLIENT_SECRET);
        refused(Http.postForm(Fixtures.tokenEndpoint(), form,
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)), 400, "invalid_request");
    }

    @Test
    void whenBodyClientIdDiffersFromBasicOrSecretComesWithoutIdThenInvalidRequest() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        refused(Http.postForm(Fixtures.tokenEndpoint(), withClient(assertion, Fixtures.PUBLIC_CLIENT),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)), 400, "invalid_request");

        Map<String, String> secretOnly = Http.grant(assertion);
        secretOnly.put("client_secret", Fixtures.CLIENT_SECRET);
        refused(Http.postForm(Fixtures.tokenEndpoint(), secretOnly), 400, "invalid_request");

        assertEquals(200, Http.postForm(Fixtures.tokenEndpoint(), withClient(assertion, Fixtures.CONFIDENTIAL_CLIENT),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)).statusCode(),
                "the same client_id in the body and in Basic is allowed");
    }

    @Test
    void whenFormatUnknownThenInvalidRequest() {
        Map<String, String> form = Http.grant(Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC()));
        form.put("format", "yaml");
        refused(Http.postForm(Fixtures.tokenEndpoint(), form,
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)), 400, "invalid_request");
    }

    @Test
    void whenBodyIsNotAFormThenInvalidRequest() {
        refused(Http.postRaw(Fixtures.tokenEndpoint(), "application/json", "{\"grant_type\":\"" + Http.JWT_BEARER + "\"}"),
                400, "invalid_request");
        refused(Http.postRaw(Fixtures.tokenEndpoint(), null, "grant_type=x"), 400, "invalid_request");
    }

    @Test
    void whenGrantTypeUnknownOrOtherCaseThenUnsupportedGrantType() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        for (String grantType : List.of("client_credentials", Http.JWT_BEARER.toUpperCase())) {
            Map<String, String> form = Http.grant(assertion);
            form.put("grant_type", grantType);
            refused(Http.postForm(Fixtures.tokenEndpoint(), form), 400, "unsupported_grant_type");
        }
    }

    @Test
    void whenBodyHugeThenFastInvalidRequest() {
        String huge = "grant_type=" + Http.JWT_BEARER + "&assertion=" + "a".repeat(100_000);
        refused(Http.postRaw(Fixtures.tokenEndpoint(), "application/x-www-form-urlencoded", huge), 400, "invalid_request");
    }

    private static Map<String, String> withClient(String assertion, String clientId) {
        Map<String, String> form = Http.grant(assertion);
        form.put("client_id", clientId);
        return form;
    }

    private static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
