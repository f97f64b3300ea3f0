package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

/** The Table API behind the bearer mechanism: RFC 6750 challenges, the ACL, and the error envelope. */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class ResourceProtectionIT {

    private static final String NOT_AUTHENTICATED =
            "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String incidents() {
        return Fixtures.baseUrl() + "/api/now/table/incident";
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertEquals(401, response.statusCode());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"") && challenge.contains("error=\"invalid_token\""), challenge);
        assertEquals(NOT_AUTHENTICATED, response.body());
    }

    @Test
    void whenNoTokenThen401WithRealmAndNoErrorCode() {
        HttpResponse<String> response = Http.get(incidents());

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"jwtbearer\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(NOT_AUTHENTICATED, response.body());
    }

    @Test
    void whenTokenTamperedThenInvalidToken() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String[] parts = token.split("\\.");
        JwtClaims claims = claimsOf(token);
        claims.setStringListClaim("groups", List.of("itil", "admin"));
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        assertInvalidToken(Http.get(incidents(), "Authorization", Http.bearer(tampered)));
    }

    @Test
    void whenTokenFromAnotherIssuerThenInvalidToken() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://evil.example.com");
        claims.setAudience(Fixtures.baseUrl() + "/api");
        claims.setSubject("x");
        claims.setClaim("upn", Fixtures.USER_ADMIN);
        claims.setStringListClaim("groups", List.of("itil", "admin"));
        claims.setClaim("scope", "useraccount");
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 600));
        String foreign = JwtSigner.sign(claims, Fixtures.key(Fixtures.KEY_ATTACKER), "at+jwt");

        assertInvalidToken(Http.get(incidents(), "Authorization", Http.bearer(foreign)));
    }

    @Test
    void whenAssertionSentAsBearerTokenThenInvalidToken() {
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());

        assertInvalidToken(Http.get(incidents(), "Authorization", Http.bearer(assertion)));
    }

    @Test
    void whenAuthorizationHeaderMalformedThenInvalidRequest() {
        HttpResponse<String> response = Http.get(incidents(), "Authorization", "Bearer not a token");

        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_request\""));
    }

    @Test
    void whenSchemeInOtherLetterCaseThenAccepted() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);

        assertEquals(200, Http.get(incidents() + "?sysparm_limit=1", "Authorization", "bEARER " + token).statusCode());
    }

    @Test
    void whenTokenLacksUseraccountScopeThen403InsufficientScope() {
        String assertion = Fixtures.assertion().issuer(Fixtures.OTHER_SCOPE_CLIENT).build()
                .sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        HttpResponse<String> tokenResponse = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion));
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());

        HttpResponse<String> response = Http.get(incidents(), "Authorization",
                Http.bearer(Http.json(tokenResponse).getString("access_token")));

        assertEquals(403, response.statusCode());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"insufficient_scope\"") && challenge.contains("scope=\"useraccount\""), challenge);
        assertEquals("failure", Http.json(response).getString("status"));
    }

    @Test
    void whenUserHasNoRoleThenReadsOnlyOwnIncidentsAndCannotCreate() {
        String itil = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String bobsIncident = create(itil, "{\"short_description\":\"Bob's laptop\",\"caller_id\":\"" + Fixtures.USER_NO_ROLES + "\"}");
        String alicesIncident = create(itil, "{\"short_description\":\"Alice's phone\"}");
        String bob = Tokens.accessTokenFor(Fixtures.USER_NO_ROLES);

        HttpResponse<String> list = Http.get(incidents() + "?sysparm_exclude_reference_link=true", "Authorization", Http.bearer(bob));
        assertEquals(200, list.statusCode());
        List<JsonValue> visible = Http.json(list).getJsonArray("result");
        assertTrue(visible.stream().allMatch(v -> v.asJsonObject().getString("caller_id").equals(Fixtures.USER_NO_ROLES)));
        assertTrue(visible.stream().anyMatch(v -> v.asJsonObject().getString("sys_id").equals(bobsIncident)));
        assertEquals(200, Http.get(incidents() + "/" + bobsIncident, "Authorization", Http.bearer(bob)).statusCode());
        assertEquals(404, Http.get(incidents() + "/" + alicesIncident, "Authorization", Http.bearer(bob)).statusCode());

        HttpResponse<String> create = Http.postRaw(incidents(), "application/json", "{\"short_description\":\"x\"}",
                "Authorization", Http.bearer(bob));
        assertEquals(403, create.statusCode());
        assertEquals("failure", Http.json(create).getString("status"));
    }

    @Test
    void whenRecordUnknownThen404Envelope() {
        HttpResponse<String> response = Http.get(incidents() + "/0123456789abcdef0123456789abcdef",
                "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ITIL)));

        assertEquals(404, response.statusCode());
        JsonObject body = Http.json(response);
        assertEquals("No Record found", body.getJsonObject("error").getString("message"));
        assertEquals("failure", body.getString("status"));
    }

    @Test
    void whenBodyOrParametersInvalidThen400EnvelopeAndNothingWritten() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        long before = total(token);
        for (String body : List.of("{\"no_such_field\":\"x\"}", "{\"state\":\"4\"}", "{\"impact\":\"9\"}",
                "{\"urgency\":true}", "not json", "[]")) {
            HttpResponse<String> response = Http.postRaw(incidents(), "application/json", body, "Authorization", Http.bearer(token));
            assertEquals(400, response.statusCode(), body);
            assertEquals("failure", Http.json(response).getString("status"));
        }
        assertEquals(before, total(token));

        for (String query : List.of("sysparm_limit=-1", "sysparm_limit=abc", "sysparm_fields=nope", "sysparm_query=no_such_field=1")) {
            HttpResponse<String> response = Http.get(incidents() + "?" + query, "Authorization", Http.bearer(token));
            assertEquals(400, response.statusCode(), query);
        }
    }

    private static long total(String token) {
        return Long.parseLong(Http.get(incidents() + "?sysparm_limit=1", "Authorization", Http.bearer(token))
                .headers().firstValue("X-Total-Count").orElseThrow());
    }

    private static String create(String token, String body) {
        HttpResponse<String> response = Http.postRaw(incidents(), "application/json", body, "Authorization", Http.bearer(token));
        assertEquals(201, response.statusCode(), response.body());
        return Http.json(response).getJsonObject("result").getString("sys_id");
    }

    private static JwtClaims claimsOf(String token) {
        try {
            return JwtClaims.parse(Tokens.claims(token).toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
