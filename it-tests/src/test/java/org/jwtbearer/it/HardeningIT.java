package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.ServerLog;
import org.jwtbearer.it.support.Tokens;

/**
 * The findings of the black-box review (issue 13), each over HTTP against the deployed EAR: no 500 and no stack
 * trace in the log for a client's mistake, strict JSON bodies, RFC 7396 merge patches on the admin API, OAuth
 * error descriptions in RFC 6749's characters and the request's terms, no client-id oracle in the time of a
 * refusal, and every error in the JSON envelope with {@code X-Content-Type-Options: nosniff}.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class HardeningIT {

    private String itil;
    private String admin;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void tokens() {
        itil = Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ITIL));
        admin = Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN));
    }

    private static String incidents() {
        return Fixtures.baseUrl() + "/api/now/table/incident";
    }

    private static String adminUrl(String path) {
        return Fixtures.baseUrl() + "/admin/" + path;
    }

    private String createIncident() {
        HttpResponse<String> created = Http.json("POST", incidents(), "{\"short_description\":\"hardening " + UUID.randomUUID() + "\"}",
                "Authorization", itil);
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getJsonObject("result").getString("sys_id");
    }

    private String createUser() {
        String userName = "hardening." + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = Http.json("POST", adminUrl("users"),
                "{\"user_name\":\"" + userName + "\",\"email\":\"" + userName + "@example.com\",\"roles\":[\"itil\"]}", "Authorization", admin);
        assertEquals(201, created.statusCode(), created.body());
        return userName;
    }

    private static HttpResponse<String> send(String method, String url, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Http.send(request.build());
    }

    /** The JSON envelope with a non-empty detail, as JSON, with nosniff. */
    private static JsonObject assertEnvelope(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().map().toString());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        JsonObject body = Http.json(response);
        assertEquals("failure", body.getString("status"));
        assertFalse(body.getJsonObject("error").getString("message").isBlank());
        assertFalse(body.getJsonObject("error").getString("detail").isBlank(), "the detail says what to change: " + response.body());
        return body;
    }

    private static String detail(HttpResponse<String> response) {
        return Http.json(response).getJsonObject("error").getString("detail");
    }

    private static String deep(int depth) {
        return "{\"short_description\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    // ---- 500 on deep JSON --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {1000, 5000})
    void whenDeeplyNestedBodyThen400NamingTheLimitAndNothingInTheLog(int depth) {
        ServerLog log = ServerLog.mark();
        String sysId = createIncident();

        assertEquals("The request body is nested deeper than 32 levels",
                detail(assertEnvelopeOf(Http.json("POST", incidents(), deep(depth), "Authorization", itil), 400)));
        assertEquals("The request body is nested deeper than 32 levels",
                detail(assertEnvelopeOf(Http.json("PATCH", incidents() + "/" + sysId, deep(depth), "Authorization", itil), 400)));
        assertEquals("the request body is nested deeper than 32 levels",
                detail(assertEnvelopeOf(Http.json("POST", adminUrl("users"), deep(depth), "Authorization", admin), 400)));
        log.assertNoErrorsOrStackTraces("deeply nested bodies");
    }

    private static HttpResponse<String> assertEnvelopeOf(HttpResponse<String> response, int status) {
        assertEnvelope(response, status);
        return response;
    }

    // ---- Lenient JSON --------------------------------------------------------------------------------------------

    @Test
    void whenTextAfterTheJsonObjectThen400AndNothingChanges() {
        String sysId = createIncident();
        String userName = createUser();

        HttpResponse<String> table = Http.json("PATCH", incidents() + "/" + sysId, "{\"description\":\"a\"} xx", "Authorization", itil);
        assertEquals("The request body has text after the end of its JSON value", detail(assertEnvelopeOf(table, 400)));
        HttpResponse<String> adminPatch = Http.json("PATCH", adminUrl("users/" + userName), "{\"email\":\"x@example.com\"} xx",
                "Authorization", admin);
        assertEquals("the request body has text after the end of its JSON value", detail(assertEnvelopeOf(adminPatch, 400)));

        assertEquals("", Http.json(Http.get(incidents() + "/" + sysId, "Authorization", itil)).getJsonObject("result").getString("description"));
        assertEquals(userName + "@example.com",
                Http.json(Http.get(adminUrl("users/" + userName), "Authorization", admin)).getJsonObject("result").getString("email"));
    }

    // ---- Merge patch -------------------------------------------------------------------------------------------

    @Test
    void whenMergePatchOnTheAdminApiThenAppliedAsRfc7396() {
        String userName = createUser();

        HttpResponse<String> patched = send("PATCH", adminUrl("users/" + userName), "application/merge-patch+json",
                "{\"email\":\"changed." + userName + "@example.com\",\"roles\":[\"itil\",\"admin\"]}", "Authorization", admin);

        assertEquals(200, patched.statusCode(), patched.body());
        JsonObject result = Http.json(patched).getJsonObject("result");
        assertEquals("changed." + userName + "@example.com", result.getString("email"));
        assertEquals(2, result.getJsonArray("roles").size());
        assertEquals("changed." + userName + "@example.com",
                Http.json(Http.get(adminUrl("users/" + userName), "Authorization", admin)).getJsonObject("result").getString("email"));
    }

    @Test
    void whenMergePatchOfAnUnknownClientOrUserThen404() {
        ServerLog log = ServerLog.mark();
        for (String path : List.of("clients/no-such-client-" + UUID.randomUUID(), "users/no.such.user." + UUID.randomUUID())) {
            HttpResponse<String> response = send("PATCH", adminUrl(path), "application/merge-patch+json", "{\"active\":false}",
                    "Authorization", admin);
            assertEnvelope(response, 404);
        }
        log.assertNoErrorsOrStackTraces("merge patches of unknown records");
    }

    @Test
    void whenMergePatchOnTheTableApiThen415SayingWhichType() {
        String sysId = createIncident();

        HttpResponse<String> response = send("PATCH", incidents() + "/" + sysId, "application/merge-patch+json", "{\"state\":\"2\"}",
                "Authorization", itil);

        assertEquals("The request body must be application/json", detail(assertEnvelopeOf(response, 415)));
    }

    // ---- Log flooding -----------------------------------------------------------------------------------------

    @Test
    void whenUnauthenticatedWritesWithABodyThen401AndNotOneLineInTheLog() {
        String body = "{\"short_description\":\"x\",\"active\":false}";
        ServerLog log = ServerLog.mark();
        // Not DELETE: Payara's HTTP listener refuses a DELETE with a body itself (400) before any application sees it.
        for (String method : List.of("POST", "PATCH", "PUT")) {
            for (String url : List.of(incidents(), incidents() + "/0123456789abcdef0123456789abcdef", adminUrl("clients"),
                    adminUrl("clients/" + Fixtures.CONFIDENTIAL_CLIENT), adminUrl("users/" + Fixtures.USER_ITIL))) {
                HttpResponse<String> response = Http.json(method, url, body);
                assertEquals(401, response.statusCode(), method + " " + url + ": " + response.body());
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), method + " " + url);
            }
        }
        String large = "{\"short_description\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        for (String url : List.of(incidents(), adminUrl("clients"))) {
            assertEquals(401, Http.json("POST", url, large).statusCode(), "a body beyond what the mechanism reads: " + url);
        }
        log.assertNoErrorsOrStackTraces("unauthenticated writes");
    }

    // ---- error_description ------------------------------------------------------------------------------------

    private static void assertRfc6749Description(String description) {
        assertTrue(description.chars().allMatch(c -> c == 0x20 || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E)),
                "error_description outside RFC 6749 section 5.2: " + description);
        assertFalse(description.contains("java."), description);
        assertFalse(description.matches(".*-\\d{6,}.*"), "an overflowed number: " + description);
    }

    @Test
    void whenAssertionClaimsHaveWrongTypesOrAbsurdTimesThenDescriptionsSayWhichClaim() {
        Map<String, Object> expected = Map.of(
                "The assertion's exp must be a time in seconds since 1970, before the year 10000", Map.of("exp", 1e300),
                "The assertion's aud must be a string or an array of strings", Map.of("aud", List.of("x", 1)),
                "The assertion's exp must be a number of seconds since 1970", Map.of("exp", "tomorrow"),
                "The assertion's nbf must be a time in seconds since 1970, before the year 10000", Map.of("nbf", -1e300));
        expected.forEach((description, claims) -> {
            var assertion = Fixtures.assertion();
            ((Map<?, ?>) claims).forEach((name, value) -> assertion.claim((String) name, value));
            HttpResponse<String> response = Http.requestToken(assertion.build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC()));

            assertEquals(400, response.statusCode(), response.body());
            assertEquals("invalid_grant", Http.json(response).getString("error"));
            assertTrue(Http.json(response).getString("error_description").contains(description), response.body());
            assertRfc6749Description(Http.json(response).getString("error_description"));
        });
    }

    @Test
    void whenBadBearerTokensThenChallengeDescriptionsInRfc6750Characters() {
        for (String token : List.of("a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x".repeat(20_000))) {
            HttpResponse<String> response = Http.get(incidents(), "Authorization", "Bearer " + token);
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            assertTrue(response.statusCode() == 401 || response.statusCode() == 400, response.statusCode() + " " + response.body());
            int start = challenge.indexOf("error_description=\"");
            if (start >= 0) {
                assertRfc6749Description(challenge.substring(start + 19, challenge.lastIndexOf('"')));
            }
        }
    }

    // ---- Client-id enumeration by timing ----------------------------------------------------------------------

    /**
     * An unknown client id and a known one with a wrong secret are refused in the same time. Compared with each
     * other, interleaved, by their medians: robust to a slow machine and to a pause or two, and before the fix
     * the one took a tenth of the other.
     */
    @Test
    void whenUnknownClientOrWrongSecretThenRefusedInTheSameTime() {
        // A confidential client of its own: its failed attempts count towards its lockout only.
        String known = "hardening-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = Http.json("POST", adminUrl("clients"),
                "{\"client_id\":\"" + known + "\",\"client_secret\":\"the-right-secret\"}", "Authorization", admin);
        assertEquals(201, created.statusCode(), created.body());
        String assertion = Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        List<Long> unknown = new ArrayList<>();
        List<Long> wrongSecret = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            long unknownMillis = refusalMillis("no-such-client-" + UUID.randomUUID(), assertion);
            long wrongSecretMillis = refusalMillis(known, assertion);
            // The right secret ends the failure streak: a locked-out client is refused without its secret being looked at.
            Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion), "Authorization", Http.basic(known, "the-right-secret"));
            if (i >= 3) { // the first rounds warm both paths up
                unknown.add(unknownMillis);
                wrongSecret.add(wrongSecretMillis);
            }
        }
        double ratio = (double) median(unknown) / Math.max(1, median(wrongSecret));
        assertTrue(ratio > 0.5 && ratio < 2, "median ms unknown " + median(unknown) + " " + unknown + ", wrong secret "
                + median(wrongSecret) + " " + wrongSecret);
    }

    private static long refusalMillis(String clientId, String assertion) {
        long started = System.nanoTime();
        HttpResponse<String> response = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion),
                "Authorization", Http.basic(clientId, "not-the-secret"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_client", Http.json(response).getString("error"));
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    // ---- Envelope gaps ------------------------------------------------------------------------------------------

    @Test
    void whenSysIdIsNotUtf8OrThePathIsUnknownThenJsonEnvelopeNotHtml() {
        ServerLog log = ServerLog.mark();
        for (String undecodable : List.of(incidents() + "/%ff%fe", incidents() + "?sysparm_query=%ff", adminUrl("users/%ff%fe"))) {
            HttpResponse<String> response = Http.get(undecodable, "Authorization", undecodable.contains("/admin/") ? admin : itil);
            assertEquals(400, response.statusCode(), response.body());
            if (!refusedByTheHttpListener(response)) {
                assertEquals("The request URI has percent-escapes that are not UTF-8", detail(assertEnvelopeOf(response, 400)));
            }
        }
        assertEnvelope(Http.get(Fixtures.baseUrl() + "/api/no/such/path", "Authorization", itil), 404);
        assertEnvelope(Http.get(Fixtures.baseUrl() + "/api/no/such/path"), 404);
        assertEnvelope(Http.get(Fixtures.baseUrl() + "/api/now/table/nothing", "Authorization", itil), 404);
        assertEnvelope(Http.get(adminUrl("nothing/here"), "Authorization", admin), 404);
        log.assertNoErrorsOrStackTraces("unknown paths");
    }

    /**
     * Payara's HTTP listener (Grizzly) refuses a path it cannot decode itself, with an empty 400 and the connection
     * closed, before any application sees the request: nothing an application can shape, and no HTML either.
     */
    private static boolean refusedByTheHttpListener(HttpResponse<String> response) {
        return response.body().isEmpty() && response.headers().firstValue("Connection").orElse("").equalsIgnoreCase("close")
                && response.headers().firstValue("Server").orElse("").startsWith("Payara");
    }

    @Test
    void whenUnsupportedMediaTypeOrUnacceptableThenTheDetailSaysWhatToSend() {
        assertEquals("The request body must be application/json",
                detail(assertEnvelopeOf(send("POST", incidents(), "text/plain", "short_description=x", "Authorization", itil), 415)));
        assertEquals("Answers are application/json only; accept it",
                detail(assertEnvelopeOf(Http.get(incidents(), "Authorization", itil, "Accept", "application/xml"), 406)));
    }

    @Test
    void whenSysparmLimitAboveTheMaximumThenTheMessageSaysTheMaximum() {
        for (String limit : List.of("1000000000", "10001", "0")) {
            HttpResponse<String> response = Http.get(incidents() + "?sysparm_limit=" + limit, "Authorization", itil);
            assertEquals("sysparm_limit must be a whole number from 1 to 10000", detail(assertEnvelopeOf(response, 400)));
        }
    }

    @Test
    void everyKindOfAnswerOfBothApplicationsCarriesNoSniff() {
        List<HttpResponse<String>> answers = List.of(
                Http.get(incidents() + "?sysparm_limit=1", "Authorization", itil),
                Http.get(incidents()),
                Http.get(incidents(), "Authorization", "Bearer not.a.token"),
                Http.get(Fixtures.baseUrl() + "/api/no/such/path"),
                Http.get(adminUrl("users"), "Authorization", admin),
                Http.get(adminUrl("users")),
                Http.get(adminUrl("users"), "Authorization", itil),
                Http.get(Fixtures.baseUrl() + "/oauth2/jwks"),
                Http.get(Fixtures.baseUrl() + "/.well-known/oauth-authorization-server"),
                Http.requestToken(Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC())),
                Http.postForm(Fixtures.tokenEndpoint(), Map.of("grant_type", "password")),
                Http.get(Fixtures.baseUrl() + "/no/such/path"));
        for (HttpResponse<String> answer : answers) {
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null),
                    answer.request().method() + " " + answer.request().uri() + " -> " + answer.statusCode());
        }
    }
}
