package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtSigner;

/** Introspection (RFC 7662), revocation (RFC 7009), the JWKS with current and next keys, and RFC 8414 metadata over real HTTP. */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class TokenManagementIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String introspectUrl() {
        return Fixtures.baseUrl() + "/oauth2/introspect";
    }

    private static String revokeUrl() {
        return Fixtures.baseUrl() + "/oauth2/revoke";
    }

    private static String confidentialBasic() {
        return Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET);
    }

    private static HttpResponse<String> introspect(String token) {
        return Http.postForm(introspectUrl(), Map.of("token", token), "Authorization", confidentialBasic());
    }

    private static HttpResponse<String> revoke(String token) {
        return Http.postForm(revokeUrl(), Map.of("token", token), "Authorization", confidentialBasic());
    }

    private static JsonObject inactive(HttpResponse<String> response) {
        assertEquals(200, response.statusCode());
        JsonObject body = Http.json(response);
        assertEquals(Set.of("active"), body.keySet(), "an inactive token is described by nothing else");
        assertFalse(body.getBoolean("active"));
        return body;
    }

    @Test
    void introspectWhenLiveTokenThenActiveWithItsClaims() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        JsonObject claims = Tokens.claims(token);

        HttpResponse<String> response = introspect(token);

        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject body = Http.json(response);
        assertTrue(body.getBoolean("active"));
        assertEquals("useraccount", body.getString("scope"));
        assertEquals(Fixtures.CONFIDENTIAL_CLIENT, body.getString("client_id"));
        assertEquals(Fixtures.USER_ITIL, body.getString("username"));
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(claims.getJsonNumber("exp").longValue(), body.getJsonNumber("exp").longValue());
        assertEquals(claims.getJsonNumber("iat").longValue(), body.getJsonNumber("iat").longValue());
        assertEquals(claims.getString("sub"), body.getString("sub"));
        assertEquals(Fixtures.baseUrl() + "/api", body.getString("aud"));
        assertEquals(Fixtures.baseUrl(), body.getString("iss"));
        assertEquals(claims.getString("jti"), body.getString("jti"));
    }

    @Test
    void introspectWhenGarbageForgedOrNotAnAccessTokenThenInactive() {
        String realKid = Tokens.header(Tokens.accessTokenFor(Fixtures.USER_ITIL)).getString("kid");
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(Fixtures.baseUrl());
        claims.setAudience(Fixtures.baseUrl() + "/api");
        claims.setSubject("someone");
        claims.setClaim("client_id", Fixtures.CONFIDENTIAL_CLIENT);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 600));
        claims.setJwtId("forged-jti");
        String forged = JwtSigner.sign(claims, Fixtures.key(Fixtures.KEY_ATTACKER, realKid), "at+jwt");
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());

        inactive(introspect("garbage"));
        inactive(introspect(forged));
        inactive(introspect(assertion));
        inactive(introspect(Tokens.accessTokenFor(Fixtures.USER_ITIL) + "x"));
    }

    @Test
    void introspectWhenCallerNotAuthenticatedThen401InvalidClient() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);

        HttpResponse<String> anonymous = Http.postForm(introspectUrl(), Map.of("token", token));
        assertEquals(401, anonymous.statusCode());
        assertEquals("invalid_client", Http.json(anonymous).getString("error"));

        HttpResponse<String> wrongSecret = Http.postForm(introspectUrl(), Map.of("token", token),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, "wrong"));
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("invalid_client", Http.json(wrongSecret).getString("error"));
        assertTrue(wrongSecret.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertFalse(wrongSecret.body().contains("active"));
    }

    @Test
    void introspectWhenTokenMissingThen400InvalidRequest() {
        HttpResponse<String> response = Http.postForm(introspectUrl(), Map.of("token_type_hint", "access_token"),
                "Authorization", confidentialBasic());

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request", Http.json(response).getString("error"));
    }

    @Test
    void revokeWhenOwnTokenThen200AndIntrospectionInactive() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        assertTrue(Http.json(introspect(token)).getBoolean("active"));

        HttpResponse<String> response = Http.postForm(revokeUrl(),
                Map.of("token", token, "token_type_hint", "refresh_token"), "Authorization", confidentialBasic());

        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        inactive(introspect(token));
        assertEquals(200, revoke(token).statusCode(), "revoking again is no error");
    }

    @Test
    void revokeWhenAnotherClientsTokenThenRefusedAndTokenStaysActive() {
        String assertion = Fixtures.assertion().issuer(Fixtures.PUBLIC_CLIENT).subject(Fixtures.email(Fixtures.USER_ITIL))
                .build().sign(Fixtures.key(Fixtures.KEY_EC), Clock.systemUTC());
        HttpResponse<String> issued = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion));
        assertEquals(200, issued.statusCode());
        String othersToken = Http.json(issued).getString("access_token");

        HttpResponse<String> response = revoke(othersToken);

        assertEquals(400, response.statusCode());
        assertEquals("unauthorized_client", Http.json(response).getString("error"));
        assertTrue(Http.json(introspect(othersToken)).getBoolean("active"));
    }

    @Test
    void revokeWhenGarbageThen200AndWhenUnauthenticatedThen401() {
        assertEquals(200, revoke("garbage").statusCode());

        HttpResponse<String> anonymous = Http.postForm(revokeUrl(), Map.of("token", Tokens.accessTokenFor(Fixtures.USER_ITIL)));
        assertEquals(401, anonymous.statusCode());
        assertEquals("invalid_client", Http.json(anonymous).getString("error"));
    }

    @Test
    void jwksWhenFetchedThenCurrentAndNextKeysWithPublicMembersOnly() {
        String currentKid = Tokens.header(Tokens.accessTokenFor(Fixtures.USER_ITIL)).getString("kid");

        HttpResponse<String> response = Http.get(Fixtures.baseUrl() + "/oauth2/jwks");

        assertEquals(200, response.statusCode());
        List<JsonObject> keys = Http.json(response).getJsonArray("keys").stream().map(JsonValue::asJsonObject).toList();
        assertTrue(keys.size() >= 2, "current and next: " + keys);
        assertEquals(currentKid, keys.get(0).getString("kid"), "the current key comes first");
        Set<String> kids = new HashSet<>();
        for (JsonObject key : keys) {
            assertTrue(kids.add(key.getString("kid")), "kids are unique");
            assertEquals("sig", key.getString("use"));
            assertEquals("RS256", key.getString("alg"));
            assertFalse(key.containsKey("d"));
        }
        assertNotEquals(keys.get(0).getString("kid"), keys.get(1).getString("kid"));
    }

    @Test
    void metadataWhenFetchedThenEveryEndpointItNamesAnswers() {
        JsonObject metadata = Http.json(Http.get(Fixtures.baseUrl() + "/.well-known/oauth-authorization-server"));

        assertEquals(Fixtures.baseUrl(), metadata.getString("issuer"));
        assertEquals(200, Http.get(metadata.getString("jwks_uri")).statusCode());
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("token_endpoint", "invalid_request");
        posted.put("introspection_endpoint", "invalid_client");
        posted.put("revocation_endpoint", "invalid_client");
        posted.forEach((member, expectedError) -> {
            HttpResponse<String> response = Http.postForm(metadata.getString(member), Map.of());
            assertTrue(response.statusCode() == 400 || response.statusCode() == 401, member + ": " + response.statusCode());
            assertEquals(expectedError, Http.json(response).getString("error"), member);
        });
        assertEquals(List.of("client_secret_basic", "client_secret_post", "private_key_jwt"), strings(metadata, "introspection_endpoint_auth_methods_supported"));
        assertEquals(List.of("client_secret_basic", "client_secret_post", "private_key_jwt"), strings(metadata, "revocation_endpoint_auth_methods_supported"));
        assertTrue(strings(metadata, "grant_types_supported").contains(Http.JWT_BEARER));
        assertEquals(List.of(), strings(metadata, "response_types_supported"));
        assertTrue(strings(metadata, "scopes_supported").contains("useraccount"));
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList();
    }
}
