package org.jwtbearer.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * The HTTP calls made to one node of a {@link TwoNodeCluster} or the other: tokens through the confidential
 * fixture client (assertions addressed to the cluster's shared token endpoint), the Table API's incidents, the
 * admin API and the published keys. The {@code HttpRequest} variants are for {@link Exchange}, whose every
 * outcome, including no answer at all, is kept.
 */
public final class ClusterCalls {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(240);

    private final SigningKey fixtureKey;

    /** @param fixtureKey the confidential fixture client's signing key */
    public ClusterCalls(SigningKey fixtureKey) {
        this.fixtureKey = fixtureKey;
    }

    /** A valid assertion of the confidential fixture client, for the cluster's token endpoint. */
    public String assertion(String userName) {
        return JwtBearerAssertion.builder().issuer(Fixtures.CONFIDENTIAL_CLIENT).subject(userName).audience(TwoNodeCluster.TOKEN_AUDIENCE)
                .lifetime(ASSERTION_LIFETIME).build().sign(fixtureKey, Clock.systemUTC());
    }

    public HttpResponse<String> requestToken(ServerNode node, String assertion) {
        return Http.postForm(node.baseUrl() + "/oauth_token.do", Http.grant(assertion), confidential());
    }

    public HttpRequest tokenRequest(ServerNode node, String assertion) {
        return Exchange.form(node.baseUrl() + "/oauth_token.do", Http.grant(assertion), REQUEST_TIMEOUT, confidential());
    }

    public String accessToken(ServerNode node, String userName) {
        HttpResponse<String> response = requestToken(node, assertion(userName));
        assertEquals(200, response.statusCode(), node.name() + " token endpoint: " + response.body());
        return Http.json(response).getString("access_token");
    }

    /** A token request of a test client (public: the assertion alone speaks for it) at {@code node}. */
    public HttpResponse<String> tokenFor(ServerNode node, String clientId, String kid, TestKey key) {
        String assertion = JwtBearerAssertion.builder().issuer(clientId).subject(Fixtures.USER_ITIL).audience(TwoNodeCluster.TOKEN_AUDIENCE)
                .lifetime(Duration.ofSeconds(120)).build().sign(key.signing(kid), Clock.systemUTC());
        return Http.postForm(node.baseUrl() + "/oauth_token.do", Http.grant(assertion));
    }

    public HttpResponse<String> introspect(ServerNode node, String token) {
        return Http.postForm(node.baseUrl() + "/oauth2/introspect", Map.of("token", token), confidential());
    }

    public HttpResponse<String> revoke(ServerNode node, String token) {
        return Http.postForm(node.baseUrl() + "/oauth2/revoke", Map.of("token", token), confidential());
    }

    public List<String> jwksKids(ServerNode node) {
        HttpResponse<String> response = Http.get(node.baseUrl() + "/oauth2/jwks");
        assertEquals(200, response.statusCode(), node.name() + ": " + response.body());
        return Http.json(response).getJsonArray("keys").getValuesAs(JsonObject.class).stream().map(k -> k.getString("kid")).toList();
    }

    public HttpResponse<String> listIncidents(ServerNode node, String token) {
        return Http.get(listUrl(node), "Authorization", Http.bearer(token));
    }

    public HttpRequest listRequest(ServerNode node, String token) {
        return Exchange.get(listUrl(node), REQUEST_TIMEOUT, "Authorization", Http.bearer(token));
    }

    public HttpRequest createIncidentRequest(ServerNode node, String token, String body) {
        return Exchange.json("POST", incidentsUrl(node) + "?sysparm_fields=sys_id,number,short_description", body, REQUEST_TIMEOUT,
                "Authorization", Http.bearer(token));
    }

    public List<JsonObject> incidentsMarked(ServerNode node, String token, String marker) {
        String query = URLEncoder.encode("short_descriptionSTARTSWITH" + marker, StandardCharsets.UTF_8);
        HttpResponse<String> response = Http.get(incidentsUrl(node) + "?sysparm_query=" + query
                + "&sysparm_fields=sys_id,number,short_description&sysparm_limit=10000", "Authorization", Http.bearer(token));
        assertEquals(200, response.statusCode(), node.name() + ": " + response.body());
        return Http.json(response).getJsonArray("result").getValuesAs(JsonObject.class);
    }

    public static Set<String> sysIds(List<JsonObject> records) {
        return records.stream().map(r -> r.getString("sys_id")).collect(Collectors.toSet());
    }

    public HttpResponse<String> admin(ServerNode node, String adminToken, String method, String path, String body) {
        return Http.json(method, node.baseUrl() + "/admin/" + path, body, "Authorization", Http.bearer(adminToken));
    }

    public JsonArray signingKeys(ServerNode node, String adminToken) {
        HttpResponse<String> response = admin(node, adminToken, "GET", "signing-keys", null);
        assertEquals(200, response.statusCode(), node.name() + ": " + response.body());
        return Http.json(response).getJsonObject("result").getJsonArray("keys");
    }

    public static long count(JsonArray keys, String state) {
        return keys.getValuesAs(JsonObject.class).stream().filter(k -> k.getString("state").equals(state)).count();
    }

    public static String kidIn(JsonArray keys, String state) {
        return keys.getValuesAs(JsonObject.class).stream().filter(k -> k.getString("state").equals(state)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + state + " key: " + keys)).getString("kid");
    }

    public List<String> listed(ServerNode node, String adminToken, String collection, String member) {
        HttpResponse<String> response = admin(node, adminToken, "GET", collection + "?limit=1000", null);
        assertEquals(200, response.statusCode(), node.name() + ": " + response.body());
        return Http.json(response).getJsonArray("result").getValuesAs(JsonObject.class).stream().map(o -> o.getString(member)).toList();
    }

    /** A public client of its own, created through {@code node}, with these keys (kid → key). */
    public String createClient(ServerNode node, String adminToken, Map<String, TestKey> keys) {
        String clientId = "cluster-it-" + UUID.randomUUID().toString().substring(0, 8);
        var verifierKeys = Json.createArrayBuilder();
        keys.forEach((kid, key) -> verifierKeys.add(Json.createObjectBuilder().add("kid", kid).add("public_key", key.publicPem())));
        String body = Json.createObjectBuilder().add("client_id", clientId).add("public", true).add("user_field", "user_name")
                .add("verifier_keys", verifierKeys).build().toString();
        HttpResponse<String> created = admin(node, adminToken, "POST", "clients", body);
        assertEquals(201, created.statusCode(), created.body());
        return clientId;
    }

    /** For {@code finally} blocks: a failed delete is reported, not thrown, so that it cannot hide the test's own failure. */
    public void deleteClient(ServerNode node, String adminToken, String clientId) {
        HttpResponse<String> deleted = admin(node, adminToken, "DELETE", "clients/" + clientId, null);
        if (deleted.statusCode() != 204) {
            System.err.println("[ClusterIT] could not delete client " + clientId + ": " + deleted.statusCode() + " " + deleted.body());
        }
    }

    private static String incidentsUrl(ServerNode node) {
        return node.baseUrl() + "/api/now/table/incident";
    }

    private static String listUrl(ServerNode node) {
        return incidentsUrl(node) + "?sysparm_limit=1&sysparm_fields=number";
    }

    private static String[] confidential() {
        return new String[] {"Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)};
    }
}
