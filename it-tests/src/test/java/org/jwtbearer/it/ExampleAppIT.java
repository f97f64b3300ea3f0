package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.Tokens;

/**
 * The example application, deployed as built beside the product: protected by nothing but the security
 * module and its MicroProfile JWT settings — no web.xml, no security constraint, no server-specific switch.
 * The annotations answer with the RFC 6750 challenges (§E34) and the injected claims are the token's.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class ExampleAppIT {

    private static final String NOT_AUTHENTICATED =
            "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}";

    @Deployment(name = "product", testable = false, order = 1)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Deployment(name = "example", testable = false, order = 2)
    static WebArchive example() {
        return Deployments.exampleWar();
    }

    private static String greetings(String path) {
        return Fixtures.baseUrl() + "/jwtbearer-example/greetings" + path;
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("");
    }

    private static String tokenWithoutUseraccountScope() {
        String assertion = Fixtures.assertion().issuer(Fixtures.OTHER_SCOPE_CLIENT).build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        HttpResponse<String> response = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("access_token");
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
    }

    @Test
    void whenPublicMethodThenAnyoneAndATokenNamesTheCaller() {
        assertEquals("Hello, stranger", Http.json(Http.get(greetings(""))).getString("greeting"));
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        assertEquals("Hello, " + Fixtures.USER_ITIL,
                Http.json(Http.get(greetings(""), "Authorization", Http.bearer(token))).getString("greeting"));
        // A caller who sent a token meant to be known by it: a bad one is refused even where anyone may call.
        HttpResponse<String> bad = Http.get(greetings(""), "Authorization", Http.bearer(tampered(token)));
        assertEquals(401, bad.statusCode());
        assertTrue(challenge(bad).contains("error=\"invalid_token\""), challenge(bad));
    }

    @Test
    void whenNoCredentialsThen401WithTheApplicationsRealmAndNoErrorCode() {
        HttpResponse<String> response = Http.get(greetings("/me"));

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"greetings\"", challenge(response));
        assertEquals(NOT_AUTHENTICATED, response.body());
    }

    @Test
    void whenTokenBadThen401InvalidToken() {
        HttpResponse<String> response = Http.get(greetings("/me"), "Authorization",
                Http.bearer(tampered(Tokens.accessTokenFor(Fixtures.USER_ITIL))));

        assertEquals(401, response.statusCode());
        assertTrue(challenge(response).startsWith("Bearer realm=\"greetings\", error=\"invalid_token\", error_description=\""),
                challenge(response));
        assertEquals(NOT_AUTHENTICATED, response.body());
    }

    @Test
    void whenHeaderMalformedThen400InvalidRequest() {
        HttpResponse<String> response = Http.get(greetings("/me"), "Authorization", "Bearer not a token");

        assertEquals(400, response.statusCode());
        assertTrue(challenge(response).contains("error=\"invalid_request\""), challenge(response));
        assertEquals("failure", Http.json(response).getString("status"));
    }

    @Test
    void whenScopeMissingThen403InsufficientScopeNamingIt() {
        HttpResponse<String> response = Http.get(greetings("/me"), "Authorization", Http.bearer(tokenWithoutUseraccountScope()));

        assertEquals(403, response.statusCode());
        assertTrue(challenge(response).startsWith("Bearer realm=\"greetings\", error=\"insufficient_scope\""), challenge(response));
        assertTrue(challenge(response).endsWith(", scope=\"useraccount\""), challenge(response));
        assertEquals("failure", Http.json(response).getString("status"));
    }

    @Test
    void whenValidTokenThenInjectedClaimsAreTheTokens() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ADMIN);
        JsonObject claims = Tokens.claims(token);

        HttpResponse<String> response = Http.get(greetings("/me"), "Authorization", Http.bearer(token));

        assertEquals(200, response.statusCode());
        JsonObject me = Http.json(response);
        assertEquals(Fixtures.USER_ADMIN, me.getString("upn"));
        assertEquals(Fixtures.USER_ADMIN, me.getString("name"));
        assertEquals(Fixtures.USER_ADMIN, me.getString("principal"), "@Inject Principal beside @Inject JsonWebToken");
        assertEquals(List.of("admin", "itil"), me.getJsonArray("groups").getValuesAs(JsonString::getString));
        assertEquals(List.of("admin", "itil"), me.getJsonArray("groupsJson").getValuesAs(JsonString::getString).stream().sorted().toList());
        assertEquals(claims.getJsonNumber("exp").longValue(), me.getJsonNumber("exp").longValue());
        assertEquals(claims.getJsonNumber("iat").longValue(), me.getJsonNumber("iat").longValue());
        assertEquals(claims.getString("scope"), me.getString("scope"));
        assertEquals(claims.getString("client_id"), me.getString("client_id"));
        assertEquals(claims.getString("sub"), me.getString("sub"));
        assertEquals(claims.containsKey("email") ? claims.getString("email") : "(none)", me.getString("email"));
    }

    /** An application-scoped bean holding a ClaimValue sees each request's own caller. */
    @Test
    void whenClaimValueInApplicationScopedBeanThenEachRequestsCaller() {
        String alice = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String bob = Tokens.accessTokenFor(Fixtures.USER_NO_ROLES);
        int aliceBefore = Http.json(Http.get(greetings("/me"), "Authorization", Http.bearer(alice))).getInt("visits");
        int bobBefore = Http.json(Http.get(greetings("/me"), "Authorization", Http.bearer(bob))).getInt("visits");

        assertEquals(aliceBefore + 1, Http.json(Http.get(greetings("/me"), "Authorization", Http.bearer(alice))).getInt("visits"));
        assertEquals(bobBefore + 1, Http.json(Http.get(greetings("/me"), "Authorization", Http.bearer(bob))).getInt("visits"));
        assertEquals(Fixtures.USER_NO_ROLES, Http.json(Http.get(greetings("/me"), "Authorization", Http.bearer(bob))).getString("upn"));
    }

    @Test
    void whenRoleMissingThen403EnvelopeAndWithTheRoleThenAllowed() {
        HttpResponse<String> plain = Http.get(greetings("/team"), "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_NO_ROLES)));
        assertEquals(403, plain.statusCode());
        assertEquals("User Not Authorized", Http.json(plain).getJsonObject("error").getString("message"));
        assertEquals("failure", Http.json(plain).getString("status"));

        HttpResponse<String> itil = Http.get(greetings("/team"), "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ITIL)));
        assertEquals(200, itil.statusCode());
        assertEquals("Hello, colleague " + Fixtures.USER_ITIL, Http.json(itil).getString("greeting"));
    }

    @Test
    void whenRoleRequiredAndAnonymousThen401Challenge() {
        HttpResponse<String> response = Http.get(greetings("/team"));

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"greetings\"", challenge(response));
        assertEquals(NOT_AUTHENTICATED, response.body());
    }

    @Test
    void whenAdminOnlyThenItilRefusedAndAdminAllowed() {
        HttpResponse<String> itil = Http.json("DELETE", greetings("/visits"), null, "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ITIL)));
        assertEquals(403, itil.statusCode());

        HttpResponse<String> admin = Http.json("DELETE", greetings("/visits"), null, "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN)));
        assertEquals(200, admin.statusCode());
    }

    @Test
    void whenDenyAllThen403EvenForAdmin() {
        HttpResponse<String> response = Http.get(greetings("/never"), "Authorization", Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN)));

        assertEquals(403, response.statusCode());
        assertEquals("failure", Http.json(response).getString("status"));
    }
}
