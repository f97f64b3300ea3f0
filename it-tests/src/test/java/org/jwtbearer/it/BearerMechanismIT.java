package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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
 * Where a bearer token may be and how it must look (attack catalogue §E32–33, RFC 6750 §2): against the
 * Table API as shipped (Authorization header only), and against the example application configured by an
 * operator for query and form tokens, and for a cookie.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class BearerMechanismIT {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    private static final String PARAMETERS_CONTEXT = "example-with-parameter-tokens";
    private static final String COOKIE_CONTEXT = "example-with-cookie-token";

    @Deployment(name = "product", testable = false, order = 1)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** The example, with query and form tokens switched on as an operator would, in its own settings file. */
    @Deployment(name = "parameters", testable = false, order = 2)
    static WebArchive exampleWithParameterTokens() {
        return configured(PARAMETERS_CONTEXT, "jwtbearer.token.query-parameter=true\njwtbearer.token.form-parameter=true\n");
    }

    @Deployment(name = "cookie", testable = false, order = 3)
    static WebArchive exampleWithCookieToken() {
        return configured(COOKIE_CONTEXT, "mp.jwt.token.header=Cookie\nmp.jwt.token.cookie=access\n");
    }

    private static WebArchive configured(String context, String settings) {
        WebArchive war = Deployments.exampleWar();
        String original = new String(readAll(war.get(CONFIG).getAsset().openStream()), StandardCharsets.UTF_8);
        WebArchive copy = ShrinkWrap.create(WebArchive.class, context + ".war").merge(war);
        copy.delete(CONFIG);
        copy.add(new StringAsset(original + "\n" + settings), CONFIG);
        return copy;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String incidents() {
        return Fixtures.baseUrl() + "/api/now/table/incident?sysparm_limit=1";
    }

    private static String greetings(String context) {
        return Fixtures.baseUrl() + "/" + context + "/greetings/me";
    }

    private static void assertInvalidRequest(HttpResponse<String> response) {
        assertEquals(400, response.statusCode());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"") && challenge.contains("error=\"invalid_request\""), challenge);
        assertEquals("failure", Http.json(response).getString("status"));
    }

    private static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request.build());
    }

    @Test
    void whenSchemeInAnyLetterCaseThenAccepted() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
            assertEquals(200, get(incidents(), "Authorization", scheme + " " + token).statusCode(), scheme);
        }
    }

    @Test
    void whenTabSeparatesSchemeAndTokenThenInvalidRequest() throws Exception {
        String authorization = "Bearer\t" + Tokens.accessTokenFor(Fixtures.USER_ITIL);
        // The header must reach the application with its tab. WildFly's HTTP/1.1 parser turns the tab into a space,
        // so the request goes over an HTTP/2 connection (an h2c upgrade sends its first request as HTTP/1.1, so one
        // goes first). Payara's HTTP/2 refuses such a header itself (RST_STREAM) but keeps it intact over HTTP/1.1.
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10)).build();
        http2.send(HttpRequest.newBuilder(URI.create(incidents())).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpRequest request = HttpRequest.newBuilder(URI.create(incidents())).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build();
        HttpResponse<String> response;
        try {
            response = http2.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException refusedByTheServersHttp2) {
            response = get(incidents(), "Authorization", authorization);
        }
        assertInvalidRequest(response);
    }

    @Test
    void whenTokenEmptyThenInvalidRequest() {
        assertInvalidRequest(get(incidents(), "Authorization", "Bearer"));
        assertInvalidRequest(get(incidents(), "Authorization", "Bearer    "));
    }

    @Test
    void whenTokenHasCharactersOutsideTheB64tokenGrammarThenInvalidRequest() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        assertInvalidRequest(get(incidents(), "Authorization", "Bearer " + token + "$"));
        assertInvalidRequest(get(incidents(), "Authorization", "Bearer " + token.replace('.', ',')));
        assertInvalidRequest(get(incidents(), "Authorization", "Bearer " + token + " " + token));
    }

    @Test
    void whenTwoAuthorizationHeadersThenInvalidRequest() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        assertInvalidRequest(get(incidents(), "Authorization", Http.bearer(token), "Authorization", Http.bearer(token)));
    }

    @Test
    void whenHeaderAndQueryTokenThenInvalidRequest() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        assertInvalidRequest(get(incidents() + "&access_token=" + token, "Authorization", Http.bearer(token)));
        assertInvalidRequest(get(greetings(PARAMETERS_CONTEXT) + "?access_token=" + token, "Authorization", Http.bearer(token)));
    }

    @Test
    void whenQueryTokenAndQueryTokensOffThenInvalidRequest() {
        HttpResponse<String> response = get(incidents() + "&access_token=" + Tokens.accessTokenFor(Fixtures.USER_ITIL));

        assertInvalidRequest(response);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("not accepted in the URI query"));
    }

    @Test
    void whenQueryTokenAndQueryTokensOnThenAccepted() {
        HttpResponse<String> response = get(greetings(PARAMETERS_CONTEXT) + "?access_token=" + Tokens.accessTokenFor(Fixtures.USER_ITIL));

        assertEquals(200, response.statusCode());
        assertEquals(Fixtures.USER_ITIL, Http.json(response).getString("upn"));
    }

    @Test
    void whenQueryTokenRepeatedThenInvalidRequest() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        assertInvalidRequest(get(greetings(PARAMETERS_CONTEXT) + "?access_token=" + token + "&access_token=" + token));
    }

    @Test
    void whenFormTokenAndFormTokensOnThenAcceptedAndTheFormStillReadable() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("text", "hello from a form");
        form.put("access_token", Tokens.accessTokenFor(Fixtures.USER_ITIL));
        HttpResponse<String> response = Http.postForm(Fixtures.baseUrl() + "/" + PARAMETERS_CONTEXT + "/greetings/notes", form);

        assertEquals(200, response.statusCode());
        assertEquals(Fixtures.USER_ITIL, Http.json(response).getString("from"));
        assertEquals("hello from a form", Http.json(response).getString("text"));
    }

    @Test
    void whenHeaderAndFormTokenThenInvalidRequest() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("text", "two tokens");
        form.put("access_token", token);

        assertInvalidRequest(Http.postForm(Fixtures.baseUrl() + "/" + PARAMETERS_CONTEXT + "/greetings/notes", form,
                "Authorization", Http.bearer(token)));
    }

    @Test
    void whenCookieConfiguredThenTokenTakenFromTheCookieOnly() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);

        HttpResponse<String> fromCookie = get(greetings(COOKIE_CONTEXT), "Cookie", "access=" + token);
        assertEquals(200, fromCookie.statusCode());
        assertEquals(Fixtures.USER_ITIL, Http.json(fromCookie).getString("upn"));

        HttpResponse<String> fromHeader = get(greetings(COOKIE_CONTEXT), "Authorization", Http.bearer(token));
        assertEquals(401, fromHeader.statusCode());
        assertEquals("Bearer realm=\"greetings\"", fromHeader.headers().firstValue("WWW-Authenticate").orElse(""));

        assertInvalidRequest(get(greetings(COOKIE_CONTEXT), "Cookie", "access=" + token + "%"));
    }
}
