package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.Poll;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.TestKey;
import org.jwtbearer.it.support.TestResourceServer;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.revocation.RevocationRules;

/**
 * Revocations reach the Table API without a call per request: it fetches the issuer's revocation list in the
 * background (arquillian.xml: used for at most {@link Fixtures#REVOCATIONS_MAX_AGE_SECONDS} s). A token revoked at
 * {@code /oauth2/revocation}, or held by a user or client when it was deactivated, is refused within that bound; the
 * list itself is for authenticated clients; and a resource server that cannot reach the list refuses to decide (503)
 * unless told to fail open.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class RevocationIT {

    /** The documented bound plus room for the requests themselves. */
    private static final Duration BOUND = Duration.ofSeconds(Fixtures.REVOCATIONS_MAX_AGE_SECONDS + 2);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Nothing listens on port 1: the list cannot be fetched. */
    private static final String UNREACHABLE = "http://127.0.0.1:1/oauth2/revocations";

    @Deployment(name = "product", testable = false, order = 1)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Deployment(name = "unreachable", testable = false, order = 2)
    static WebArchive unreachableList() {
        return TestResourceServer.war("it-revocations-unreachable", listAt(UNREACHABLE, false));
    }

    @Deployment(name = "fail-open", testable = false, order = 3)
    static WebArchive unreachableListFailingOpen() {
        return TestResourceServer.war("it-revocations-fail-open", listAt(UNREACHABLE, true));
    }

    private static Properties listAt(String url, boolean failOpen) {
        Properties settings = new Properties();
        settings.setProperty("mp.jwt.verify.publickey.location", Fixtures.baseUrl() + "/oauth2/jwks");
        settings.setProperty("mp.jwt.verify.issuer", Fixtures.baseUrl());
        settings.setProperty("mp.jwt.verify.audiences", Fixtures.baseUrl() + "/api");
        settings.setProperty("jwtbearer.revocations.url", url);
        settings.setProperty("jwtbearer.revocations.timeout", "1");
        settings.setProperty("jwtbearer.revocations.fail-open", Boolean.toString(failOpen));
        return settings;
    }

    private static HttpResponse<String> table(String token) {
        return Http.get(Fixtures.baseUrl() + "/api/now/table/incident?sysparm_limit=1&sysparm_fields=number", "Authorization", Http.bearer(token));
    }

    private static HttpResponse<String> revocationList(Map<String, String> form, String... headers) {
        return Http.postForm(Fixtures.baseUrl() + "/oauth2/revocations", form, headers);
    }

    private static String resourceServer() {
        return Http.basic(Fixtures.RESOURCE_SERVER_CLIENT, Fixtures.RESOURCE_SERVER_SECRET);
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        return Http.json(method, Fixtures.baseUrl() + "/admin/" + path, body, "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN)));
    }

    /** Refused as invalid within the bound, after being accepted right before. */
    private static void assertRefusedWithinTheBound(String token, String what) {
        Poll.Result<HttpResponse<String>> refused = Poll.until(BOUND, POLL, () -> table(token), r -> r.statusCode() != 200);
        System.out.println("[RevocationIT] " + what + " reached the Table API " + refused.describe().replaceAll("; last: .*", ""));
        assertTrue(refused.met(), what + ": the Table API refuses the token within " + BOUND.toSeconds() + " s: " + refused.describe());
        assertEquals(401, refused.last().statusCode(), refused.last().body());
        assertTrue(refused.last().headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                refused.last().headers().map().toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, table(token).statusCode(), what + ": and stays refused");
        }
    }

    @Test
    void whenTokenRevokedThenTheTableApiRefusesItWithinTheBoundAndOtherTokensStillWork() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String other = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        // Accepted twice first: the second answer comes from the verified-token cache, which must not outlive the revocation.
        assertEquals(200, table(token).statusCode());
        assertEquals(200, table(token).statusCode());

        HttpResponse<String> revoked = Http.postForm(Fixtures.baseUrl() + "/oauth2/revoke", Map.of("token", token),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET));
        assertEquals(200, revoked.statusCode(), revoked.body());

        assertRefusedWithinTheBound(token, "revocation at /oauth2/revoke");
        assertEquals(200, table(other).statusCode(), "another token of the same user and client still works");
    }

    @Test
    void whenUserDeactivatedThenTheTokensItHeldAreRefusedAndIntrospectionSaysInactive() {
        String userName = "revocation-it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin("POST", "users",
                Json.createObjectBuilder().add("user_name", userName).add("roles", Json.createArrayBuilder().add("itil")).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        try {
            String token = Tokens.accessTokenFor(userName);
            assertEquals(200, table(token).statusCode());

            HttpResponse<String> deactivated = admin("PATCH", "users/" + userName, "{\"active\":false}");
            assertEquals(200, deactivated.statusCode(), deactivated.body());

            HttpResponse<String> introspected = Http.postForm(Fixtures.baseUrl() + "/oauth2/introspect", Map.of("token", token),
                    "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET));
            assertFalse(Http.json(introspected).getBoolean("active"), "the issuer calls it inactive at once: " + introspected.body());
            assertRefusedWithinTheBound(token, "deactivation of a user");
            assertEquals(200, table(Tokens.accessTokenFor(Fixtures.USER_ITIL)).statusCode(), "another user's token works");
        } finally {
            admin("DELETE", "users/" + userName, null);
        }
    }

    @Test
    void whenClientDeactivatedThenTheTokensItHeldAreRefused() {
        TestKey key = TestKey.generate();
        String clientId = "revocation-it-" + UUID.randomUUID().toString().substring(0, 8);
        String body = Json.createObjectBuilder().add("client_id", clientId).add("public", true).add("user_field", "user_name")
                .add("verifier_keys", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kid", "k1").add("public_key", key.publicPem())))
                .build().toString();
        HttpResponse<String> created = admin("POST", "clients", body);
        assertEquals(201, created.statusCode(), created.body());
        try {
            String assertion = JwtBearerAssertion.builder().issuer(clientId).subject(Fixtures.USER_ITIL)
                    .audience(Fixtures.baseUrl() + "/oauth_token.do").lifetime(Duration.ofSeconds(120)).build()
                    .sign(key.signing("k1"), Clock.systemUTC());
            // A public client: the assertion alone speaks for it.
            HttpResponse<String> issued = Http.postForm(Fixtures.baseUrl() + "/oauth_token.do", Http.grant(assertion));
            assertEquals(200, issued.statusCode(), issued.body());
            String token = Http.json(issued).getString("access_token");
            assertEquals(200, table(token).statusCode());

            HttpResponse<String> deactivated = admin("PATCH", "clients/" + clientId, "{\"active\":false}");
            assertEquals(200, deactivated.statusCode(), deactivated.body());

            assertRefusedWithinTheBound(token, "deactivation of a client");
            assertEquals(200, table(Tokens.accessTokenFor(Fixtures.USER_ITIL)).statusCode(), "another client's token works");
        } finally {
            admin("DELETE", "clients/" + clientId, null);
        }
    }

    @Test
    void revocationListWhenAuthenticatedThenItNamesTheRevokedTokenByHashAndAnswersChangesSinceACursor() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String jtiHash = RevocationRules.jtiHash(Tokens.claims(token).getString("jti"));
        HttpResponse<String> before = revocationList(Map.of(), "Authorization", resourceServer());
        assertEquals(200, before.statusCode(), before.body());
        assertEquals("no-store", before.headers().firstValue("Cache-Control").orElse(""));
        JsonObject whole = Http.json(before);
        assertTrue(whole.getBoolean("complete"));
        assertFalse(before.body().contains(jtiHash));

        assertEquals(200, Http.postForm(Fixtures.baseUrl() + "/oauth2/revoke", Map.of("token", token),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)).statusCode());

        HttpResponse<String> changes = revocationList(Map.of("since", whole.getString("cursor")), "Authorization", resourceServer());
        assertEquals(200, changes.statusCode(), changes.body());
        JsonObject delta = Http.json(changes);
        assertFalse(delta.getBoolean("complete"));
        assertTrue(delta.getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("jti_sha256").equals(jtiHash)
                        && t.getJsonNumber("exp").longValue() == Tokens.claims(token).getJsonNumber("exp").longValue()), changes.body());
        assertFalse(changes.body().contains(Tokens.claims(token).getString("jti")), "the jti itself is never published");
    }

    @Test
    void revocationListWhenNotAuthenticatedOrCursorMalformedThenRefused() {
        HttpResponse<String> anonymous = revocationList(Map.of());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("invalid_client", Http.json(anonymous).getString("error"));
        assertFalse(anonymous.body().contains("tokens"));

        HttpResponse<String> wrongSecret = revocationList(Map.of(), "Authorization", Http.basic(Fixtures.RESOURCE_SERVER_CLIENT, "wrong"));
        assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());

        HttpResponse<String> malformed = revocationList(Map.of("since", "yesterday"), "Authorization", resourceServer());
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals("invalid_request", Http.json(malformed).getString("error"));
    }

    @Test
    void whenTheListCannotBeFetchedThenTokensAre503WithRetryAfterUnlessFailOpen() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);

        HttpResponse<String> closed = Http.get(Fixtures.baseUrl() + "/it-revocations-unreachable/whoami", "Authorization", Http.bearer(token));
        assertEquals(503, closed.statusCode(), "fail-closed by default: " + closed.body());
        assertTrue(closed.headers().firstValue("Retry-After").isPresent(), closed.headers().map().toString());
        assertTrue(closed.body().contains("revocation status cannot be checked"), closed.body());

        HttpResponse<String> forged = Http.get(Fixtures.baseUrl() + "/it-revocations-unreachable/whoami", "Authorization", Http.bearer(token + "x"));
        assertEquals(401, forged.statusCode(), "a bad token is refused as such, whatever the list's state: " + forged.body());

        HttpResponse<String> open = Http.get(Fixtures.baseUrl() + "/it-revocations-fail-open/whoami", "Authorization", Http.bearer(token));
        assertEquals(200, open.statusCode(), "fail-open accepts the verified token: " + open.body());
    }
}
