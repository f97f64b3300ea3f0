package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.Thumbprints;

/** The whole flow as a client lives it: assertion → token → incidents, plus discovery and the JWKS. */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class JwtBearerFlowIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void tokenWhenValidAssertionAndBasicSecretThenRfc9068BearerToken() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());

        HttpResponse<String> response = Http.requestToken(assertion);

        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(""));
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        JsonObject body = Http.json(response);
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals("useraccount", body.getString("scope"));
        int expiresIn = body.getInt("expires_in");
        assertTrue(expiresIn > 1790 && expiresIn <= 1800, "expires_in " + expiresIn);
        assertFalse(body.containsKey("refresh_token"));

        String token = body.getString("access_token");
        JsonObject header = Tokens.header(token);
        assertEquals("at+jwt", header.getString("typ"));
        assertEquals("RS256", header.getString("alg"));
        JsonObject claims = Tokens.claims(token);
        assertEquals(Fixtures.baseUrl(), claims.getString("iss"));
        assertEquals(Fixtures.baseUrl() + "/api", claims.getString("aud"));
        assertEquals(Fixtures.USER_ITIL, claims.getString("upn"));
        assertEquals(Fixtures.CONFIDENTIAL_CLIENT, claims.getString("client_id"));
        assertEquals("[\"itil\"]", claims.getJsonArray("groups").toString());
        assertEquals(32, claims.getString("sub").length());
        assertEquals(1800, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
        assertTrue(claims.containsKey("jti"));

        JsonObject jwks = Http.json(Http.get(Fixtures.baseUrl() + "/oauth2/jwks"));
        assertTrue(jwks.getJsonArray("keys").stream()
                .anyMatch(k -> k.asJsonObject().getString("kid").equals(header.getString("kid"))));
    }

    @Test
    void tokenWhenSecretInBodyOnOAuth2PathThenIssued() {
        String assertion = Fixtures.assertion().audience(Fixtures.baseUrl() + "/oauth2/token").build()
                .sign(Fixtures.key(Fixtures.KEY_JWK), Clock.systemUTC());
        Map<String, String> form = Http.grant(assertion);
        form.put("client_id", Fixtures.CONFIDENTIAL_CLIENT);
        form.put("client_secret", Fixtures.CLIENT_SECRET);

        HttpResponse<String> response = Http.postForm(Fixtures.baseUrl() + "/oauth2/token", form);

        assertEquals(200, response.statusCode());
    }

    @Test
    void tokenWhenPublicClientNamedOnlyByIssAndUserByEmailThenIssued() {
        String assertion = Fixtures.assertion().issuer(Fixtures.PUBLIC_CLIENT).subject(Fixtures.email(Fixtures.USER_ADMIN))
                .build().sign(Fixtures.key(Fixtures.KEY_EC), Clock.systemUTC());

        HttpResponse<String> response = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion));

        assertEquals(200, response.statusCode());
        JsonObject claims = Tokens.claims(Http.json(response).getString("access_token"));
        assertEquals(Fixtures.USER_ADMIN, claims.getString("upn"));
        assertEquals("[\"admin\",\"itil\"]", claims.getJsonArray("groups").toString());
    }

    @Test
    void tokenWhenKeyNamedByCertificateThumbprintInsteadOfKidThenIssued() throws Exception {
        SigningKey stored = Fixtures.key(Fixtures.KEY_CERT);
        SigningKey withoutKid = new SigningKey(stored.privateKey(), null, "RS256", null);
        String payload = Fixtures.assertion().build().claims(Clock.systemUTC()).toJson();
        String assertion = JwtSigner.sign(payload, withoutKid, "JWT",
                Map.of("x5t#S256", Thumbprints.x5tS256(stored.certificate())));

        assertEquals(200, Http.requestToken(assertion).statusCode());
    }

    @Test
    void tokenWhenFormatUrlencodedOrXmlThenAnsweredInThatEncoding() {
        for (String format : new String[] {"urlencoded", "xml"}) {
            Map<String, String> form = Http.grant(Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC()));
            form.put("format", format);
            HttpResponse<String> response = Http.postForm(Fixtures.tokenEndpoint(), form,
                    "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET));
            assertEquals(200, response.statusCode());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (format.equals("xml")) {
                assertTrue(contentType.startsWith("application/xml"), contentType);
                assertTrue(response.body().contains("<token_type>Bearer</token_type>"), response.body());
            } else {
                assertTrue(contentType.startsWith("application/x-www-form-urlencoded"), contentType);
                assertTrue(response.body().contains("token_type=Bearer"), response.body());
            }
        }
    }

    @Test
    void incidentsWhenItilTokenThenCreateReadAndListOnBothPaths() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);

        HttpResponse<String> created = Http.postRaw(Fixtures.baseUrl() + "/api/now/table/incident", "application/json",
                "{\"short_description\":\"Printer on fire\",\"impact\":\"1\",\"urgency\":\"2\"}",
                "Authorization", Http.bearer(token));

        assertEquals(201, created.statusCode());
        JsonObject record = Http.json(created).getJsonObject("result");
        assertTrue(record.getString("number").matches("INC\\d{7}"), record.getString("number"));
        assertEquals("2", record.getString("priority"));
        assertEquals("1", record.getString("state"));
        assertEquals("true", record.getString("active"));
        assertEquals(Fixtures.USER_ITIL, record.getString("sys_created_by"));
        assertEquals("0", record.getString("sys_mod_count"));
        assertTrue(record.getString("sys_created_on").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/now/table/incident/" + record.getString("sys_id")), location);

        HttpResponse<String> read = Http.get(Fixtures.baseUrl() + "/api/now/v1/table/incident/" + record.getString("sys_id"),
                "Authorization", Http.bearer(token));
        assertEquals(200, read.statusCode());
        assertEquals("Printer on fire", Http.json(read).getJsonObject("result").getString("short_description"));

        HttpResponse<String> list = Http.get(Fixtures.baseUrl() + "/api/now/table/incident?sysparm_limit=1&sysparm_offset=0",
                "Authorization", Http.bearer(token));
        assertEquals(200, list.statusCode());
        assertEquals(1, Http.json(list).getJsonArray("result").size());
        long total = Long.parseLong(list.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(total >= 1);
        String links = list.headers().firstValue("Link").orElseThrow();
        assertTrue(links.contains("rel=\"first\"") && links.contains("rel=\"last\""), links);
    }

    @Test
    void discoveryWhenFetchedThenEveryUrlInItAnswers() {
        HttpResponse<String> response = Http.get(Fixtures.baseUrl() + "/.well-known/oauth-authorization-server");

        assertEquals(200, response.statusCode());
        JsonObject metadata = Http.json(response);
        assertEquals(Fixtures.baseUrl(), metadata.getString("issuer"));
        assertTrue(metadata.getJsonArray("grant_types_supported").getString(0).equals(Http.JWT_BEARER));
        assertEquals(200, Http.get(metadata.getString("jwks_uri")).statusCode());
        HttpResponse<String> token = Http.postForm(metadata.getString("token_endpoint"), Map.of());
        assertEquals(400, token.statusCode());
        assertEquals("invalid_request", Http.json(token).getString("error"));
    }
}
