package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.Pem;

/**
 * The registry's admin API over HTTP: who may call it, and that every change — a new client, a key added
 * or removed, a client or user deactivated — holds from the very next token request, with no restart.
 * Every test works on clients and users of its own (the fixtures stay untouched for the other suites).
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class AdminApiIT {

    private String admin;
    private String clientId;
    private String userName;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void adminTokenAndFreshNames() {
        admin = Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        clientId = "admin-it-" + suffix;
        userName = "admin.it." + suffix;
    }

    private static String url(String path) {
        return Fixtures.baseUrl() + "/admin/" + path;
    }

    private HttpResponse<String> createClient(String kid, TestKey key) {
        String body = Json.createObjectBuilder()
                .add("client_id", clientId)
                .add("user_field", "user_name")
                .add("verifier_keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kid", kid).add("public_key", key.publicPem())))
                .build().toString();
        return Http.json("POST", url("clients"), body, "Authorization", admin);
    }

    private HttpResponse<String> tokenSignedWith(TestKey key, String kid, String subject) {
        String assertion = JwtBearerAssertion.builder().issuer(clientId).subject(subject).audience(Fixtures.tokenEndpoint())
                .build().sign(key.signing(kid), Clock.systemUTC());
        return Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion));
    }

    @Test
    void whenNoTokenThen401BearerChallenge() {
        HttpResponse<String> response = Http.get(url("clients"));

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"jwtbearer\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void whenTokenOfUserWithoutAdminRoleThen403Envelope() {
        HttpResponse<String> response = Http.get(url("clients"), "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ITIL)));

        assertEquals(403, response.statusCode());
        assertEquals("failure", Http.json(response).getString("status"));
    }

    @Test
    void whenBogusTokenThen401InvalidToken() {
        HttpResponse<String> response = Http.get(url("clients"), "Authorization", "Bearer not.a.token");

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    }

    @Test
    void whenAdminTokenRevokedThen401OnTheNextRequest() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ADMIN);
        assertEquals(200, Http.get(url("users"), "Authorization", Http.bearer(token)).statusCode());

        HttpResponse<String> revoked = Http.postForm(Fixtures.baseUrl() + "/oauth2/revoke", java.util.Map.of("token", token),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET));
        assertEquals(200, revoked.statusCode());

        HttpResponse<String> refused = Http.get(url("users"), "Authorization", Http.bearer(token));
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    }

    @Test
    void signingKeyRotationKeepsIssuedTokensValidAndSignsNewOnesWithThePublishedNextKey() {
        String before = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String incidents = Fixtures.baseUrl() + "/api/now/table/incident?sysparm_limit=1";
        assertEquals(200, Http.get(incidents, "Authorization", Http.bearer(before)).statusCode());
        String nextKid = Http.json(Http.get(url("signing-keys"), "Authorization", admin)).getJsonObject("result")
                .getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("state").equals("NEXT")).findFirst().orElseThrow().getString("kid");

        // force: the next key was published when this server started, moments ago, not minutes.
        HttpResponse<String> rotated = Http.json("POST", url("signing-keys/rotate?force=true"), null, "Authorization", admin);
        assertEquals(200, rotated.statusCode());

        String after = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        assertEquals(nextKid, Tokens.header(after).getString("kid"));
        assertEquals(200, Http.get(incidents, "Authorization", Http.bearer(after)).statusCode());
        assertEquals(200, Http.get(incidents, "Authorization", Http.bearer(before)).statusCode());
        String jwks = Http.get(Fixtures.baseUrl() + "/oauth2/jwks").body();
        assertTrue(jwks.contains(Tokens.header(before).getString("kid")) && jwks.contains(nextKid), jwks);
    }

    @Test
    void withdrawnSigningKeyLeavesTheJwksAndItsTokensAreNoLongerActive() {
        String before = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String oldKid = Tokens.header(before).getString("kid");
        assertEquals(409, Http.json("DELETE", url("signing-keys/" + oldKid), null, "Authorization", admin).statusCode(),
                "the current key is withdrawn only after a rotation");
        assertEquals(200, Http.json("POST", url("signing-keys/rotate?force=true"), null, "Authorization", admin).statusCode());
        String freshAdmin = Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN));

        HttpResponse<String> withdrawn = Http.json("DELETE", url("signing-keys/" + oldKid), null, "Authorization", freshAdmin);

        assertEquals(200, withdrawn.statusCode());
        assertFalse(Http.get(Fixtures.baseUrl() + "/oauth2/jwks").body().contains(oldKid));
        HttpResponse<String> introspected = Http.postForm(Fixtures.baseUrl() + "/oauth2/introspect", java.util.Map.of("token", before),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET));
        assertFalse(Http.json(introspected).getBoolean("active"));
        assertEquals(404, Http.json("DELETE", url("signing-keys/no-such-kid"), null, "Authorization", freshAdmin).statusCode());
    }

    @Test
    void signingKeyRotationWithoutAdminRoleIs403() {
        HttpResponse<String> response = Http.json("POST", url("signing-keys/rotate?force=true"), null,
                "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ITIL)));

        assertEquals(403, response.statusCode());
    }

    @Test
    void listShowsClientsWithoutTheirSecrets() {
        HttpResponse<String> response = Http.get(url("clients?limit=1000"), "Authorization", admin);

        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains(Fixtures.CLIENT_SECRET));
        JsonObject confidential = Http.json(response).getJsonArray("result").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("client_id").equals(Fixtures.CONFIDENTIAL_CLIENT)).findFirst().orElseThrow();
        assertTrue(confidential.getBoolean("has_client_secret"));
        assertFalse(confidential.containsKey("client_secret"));
    }

    @Test
    void createdClientGetsTokensOnTheNextRequest() {
        TestKey key = TestKey.generate();
        HttpResponse<String> created = createClient("k1", key);
        assertEquals(201, created.statusCode());
        assertEquals("/admin/clients/" + clientId, java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
        createUser(false);

        assertEquals(200, tokenSignedWith(key, "k1", userName).statusCode());
    }

    @Test
    void keyRotationAddThenRemoveRefusesTheRemovedKeyOnTheNextRequest() {
        TestKey oldKey = TestKey.generate();
        TestKey newKey = TestKey.generate();
        createClient("old", oldKey);
        createUser(false);
        assertEquals(200, tokenSignedWith(oldKey, "old", userName).statusCode());

        HttpResponse<String> added = Http.json("POST", url("clients/" + clientId + "/keys"),
                Json.createObjectBuilder().add("kid", "new").add("public_key", newKey.publicPem()).build().toString(),
                "Authorization", admin);
        assertEquals(201, added.statusCode());
        assertEquals(200, tokenSignedWith(newKey, "new", userName).statusCode());
        assertEquals(200, tokenSignedWith(oldKey, "old", userName).statusCode());

        assertEquals(204, Http.json("DELETE", url("clients/" + clientId + "/keys/old"), null, "Authorization", admin).statusCode());

        HttpResponse<String> refused = tokenSignedWith(oldKey, "old", userName);
        assertEquals(400, refused.statusCode());
        assertEquals("invalid_grant", Http.json(refused).getString("error"));
        assertEquals(200, tokenSignedWith(newKey, "new", userName).statusCode());
    }

    @Test
    void deactivatedClientIsRefusedAndReactivatedClientAcceptedAgain() {
        TestKey key = TestKey.generate();
        createClient("k", key);
        createUser(false);

        assertEquals(200, patch("clients/" + clientId, "{\"active\":false}").statusCode());
        assertEquals(400, tokenSignedWith(key, "k", userName).statusCode());

        assertEquals(200, patch("clients/" + clientId, "{\"active\":true}").statusCode());
        assertEquals(200, tokenSignedWith(key, "k", userName).statusCode());
    }

    @Test
    void lockedOutOrDeletedUserIsRefused() {
        TestKey key = TestKey.generate();
        createClient("k", key);
        createUser(false);

        assertEquals(200, patch("users/" + userName, "{\"locked_out\":true}").statusCode());
        HttpResponse<String> locked = tokenSignedWith(key, "k", userName);
        assertEquals(400, locked.statusCode());
        assertTrue(Http.json(locked).getString("error_description").contains("locked out"), locked.body());

        assertEquals(204, Http.json("DELETE", url("users/" + userName), null, "Authorization", admin).statusCode());
        assertEquals(400, tokenSignedWith(key, "k", userName).statusCode());
    }

    @Test
    void deletedClientIsGone() {
        TestKey key = TestKey.generate();
        createClient("k", key);
        createUser(false);

        assertEquals(204, Http.json("DELETE", url("clients/" + clientId), null, "Authorization", admin).statusCode());

        assertEquals(404, Http.get(url("clients/" + clientId), "Authorization", admin).statusCode());
        assertEquals(400, tokenSignedWith(key, "k", userName).statusCode());
    }

    @Test
    void staleVersionIsAConflictNotALostWrite() {
        createClient("k", TestKey.generate());
        HttpResponse<String> read = Http.get(url("clients/" + clientId), "Authorization", admin);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertEquals(200, patch("clients/" + clientId, "{\"name\":\"first\"}").statusCode());

        HttpResponse<String> stale = Http.json("PATCH", url("clients/" + clientId), "{\"name\":\"second\"}",
                "Authorization", admin, "If-Match", etag);

        assertEquals(409, stale.statusCode());
        assertEquals("first", Http.json(Http.get(url("clients/" + clientId), "Authorization", admin)).getJsonObject("result").getString("name"));
    }

    @Test
    void badInputIsA400NamingTheProblem() {
        assertBadRequest(Http.json("POST", url("clients"), "{not json", "Authorization", admin), "not valid JSON");
        assertBadRequest(Http.json("POST", url("clients"), "{\"client_id\":\"x\",\"colour\":\"blue\"}", "Authorization", admin),
                "unknown field 'colour'");
        assertBadRequest(Http.json("POST", url("clients"), "{\"client_id\":\"x\",\"algorithms\":[\"none\"]}", "Authorization", admin),
                "algorithm none");
        assertBadRequest(Http.json("POST", url("clients"), "{\"client_id\":\"x\",\"verifier_keys\":[{\"public_key\":\""
                + TestKey.generate(1024).publicPem().replace("\n", "\\n") + "\"}]}", "Authorization", admin), "2048");
        assertBadRequest(Http.postRaw(url("clients"), "text/plain", "client_id=x", "Authorization", admin), "must be JSON");
        assertEquals(404, Http.get(url("clients/no-such-client"), "Authorization", admin).statusCode());
    }

    @Test
    void creatingAnExistingClientIsAConflict() {
        TestKey key = TestKey.generate();
        assertEquals(201, createClient("k", key).statusCode());

        assertEquals(409, createClient("k", key).statusCode());
    }

    private void assertBadRequest(HttpResponse<String> response, String detailPart) {
        assertEquals(400, response.statusCode(), response.body());
        String detail = Http.json(response).getJsonObject("error").getString("detail");
        assertTrue(detail.contains(detailPart), detail);
    }

    private HttpResponse<String> patch(String path, String body) {
        return Http.json("PATCH", url(path), body, "Authorization", admin);
    }

    private void createUser(boolean lockedOut) {
        HttpResponse<String> created = Http.json("POST", url("users"), Json.createObjectBuilder()
                .add("user_name", userName).add("roles", Json.createArrayBuilder().add("itil")).add("locked_out", lockedOut)
                .build().toString(), "Authorization", admin);
        assertEquals(201, created.statusCode(), created.body());
    }

    /** A key pair made for one test, registered by its public key PEM. */
    private record TestKey(KeyPair pair) {

        static TestKey generate() {
            return generate(2048);
        }

        static TestKey generate(int bits) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(bits);
                return new TestKey(generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String publicPem() {
            return Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
        }

        SigningKey signing(String kid) {
            return new SigningKey(pair.getPrivate(), kid, "RS256", null);
        }
    }
}
