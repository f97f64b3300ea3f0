package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * How clients prove themselves, over real HTTP: client_secret_basic, client_secret_post, a public client,
 * private_key_jwt (and its replays and forgeries), credentials of one client with another's assertion, an
 * HS256 client, and a client whose keys come from its jwks_uri — served by a small application of its own
 * deployed beside the product.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class ClientAuthenticationIT {

    private static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String FAILED = "Client authentication failed";

    /** The jwks_uri client's key set, deployed first so it is there when the issuer first fetches it. */
    @Deployment(name = "client-jwks", testable = false, order = 1)
    static WebArchive clientJwks() {
        return ShrinkWrap.create(WebArchive.class, Fixtures.CLIENT_JWKS_CONTEXT + ".war")
                .addAsWebResource(Fixtures.fixturesDir().resolve(Fixtures.CLIENT_JWKS_FILE).toFile(), "jwks.json");
    }

    @Deployment(name = "product", testable = false, order = 2)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String grantAssertion(String clientId, String keyAlias) {
        return JwtBearerAssertion.builder().issuer(clientId).subject(Fixtures.USER_ITIL).audience(Fixtures.tokenEndpoint())
                .build().sign(Fixtures.key(keyAlias), Clock.systemUTC());
    }

    private static String clientAssertion(String clientId, SigningKey key) {
        return JwtBearerAssertion.builder().issuer(clientId).subject(clientId).audience(Fixtures.tokenEndpoint())
                .build().sign(key, Clock.systemUTC());
    }

    private static Map<String, String> withClientAssertion(String grantAssertion, String clientAssertion) {
        Map<String, String> form = Http.grant(grantAssertion);
        form.put("client_assertion_type", CLIENT_ASSERTION_TYPE);
        form.put("client_assertion", clientAssertion);
        return form;
    }

    private static void issued(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Bearer", Http.json(response).getString("token_type"));
    }

    private static void refused(HttpResponse<String> response, int status, String error, String description) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals(error, body.getString("error"));
        if (description != null) {
            assertEquals(description, body.getString("error_description"));
        }
        assertFalse(body.containsKey("access_token"));
    }

    @Test
    void whenClientSecretBasicThenIssued() {
        issued(Http.postForm(Fixtures.tokenEndpoint(), Http.grant(grantAssertion(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.KEY_CERT)),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)));
    }

    @Test
    void whenClientSecretPostThenIssued() {
        Map<String, String> form = Http.grant(grantAssertion(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.KEY_CERT));
        form.put("client_id", Fixtures.CONFIDENTIAL_CLIENT);
        form.put("client_secret", Fixtures.CLIENT_SECRET);
        issued(Http.postForm(Fixtures.tokenEndpoint(), form));
    }

    @Test
    void whenPublicClientNamedByClientIdOrByIssThenIssued() {
        String assertion = JwtBearerAssertion.builder().issuer(Fixtures.PUBLIC_CLIENT).subject(Fixtures.email(Fixtures.USER_ITIL))
                .audience(Fixtures.tokenEndpoint()).build().sign(Fixtures.key(Fixtures.KEY_EC), Clock.systemUTC());
        Map<String, String> form = Http.grant(assertion);
        form.put("client_id", Fixtures.PUBLIC_CLIENT);
        issued(Http.postForm(Fixtures.tokenEndpoint(), form));

        String another = JwtBearerAssertion.builder().issuer(Fixtures.PUBLIC_CLIENT).subject(Fixtures.email(Fixtures.USER_ITIL))
                .audience(Fixtures.tokenEndpoint()).build().sign(Fixtures.key(Fixtures.KEY_EC), Clock.systemUTC());
        issued(Http.postForm(Fixtures.tokenEndpoint(), Http.grant(another)));
    }

    @Test
    void whenPrivateKeyJwtThenIssuedAndDiscoveryListsIt() {
        SigningKey key = Fixtures.key(Fixtures.KEY_PRIVATE_KEY_JWT);
        issued(Http.postForm(Fixtures.tokenEndpoint(), withClientAssertion(
                grantAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.KEY_PRIVATE_KEY_JWT),
                clientAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, key))));

        JsonObject metadata = Http.json(Http.get(Fixtures.baseUrl() + "/.well-known/oauth-authorization-server"));
        assertTrue(metadata.getJsonArray("token_endpoint_auth_methods_supported").toString().contains("\"private_key_jwt\""));
        assertTrue(metadata.getJsonArray("token_endpoint_auth_signing_alg_values_supported").toString().contains("\"RS256\""));
    }

    @Test
    void whenClientAssertionReplayedThenInvalidClient() {
        String clientAssertion = clientAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.key(Fixtures.KEY_PRIVATE_KEY_JWT));
        issued(Http.postForm(Fixtures.tokenEndpoint(), withClientAssertion(
                grantAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.KEY_PRIVATE_KEY_JWT), clientAssertion)));

        refused(Http.postForm(Fixtures.tokenEndpoint(), withClientAssertion(
                grantAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.KEY_PRIVATE_KEY_JWT), clientAssertion)),
                401, "invalid_client", FAILED);
    }

    /** A forged client assertion is refused and uses nothing up: the grant assertion still works after. */
    @Test
    void whenClientAssertionForgedThenInvalidClientAndNothingUsedUp() {
        String grant = grantAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.KEY_PRIVATE_KEY_JWT);
        SigningKey forger = Fixtures.key(Fixtures.KEY_ATTACKER, Fixtures.KEY_PRIVATE_KEY_JWT);
        refused(Http.postForm(Fixtures.tokenEndpoint(), withClientAssertion(grant,
                clientAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, forger))), 401, "invalid_client", FAILED);
        refused(Http.postForm(Fixtures.tokenEndpoint(), withClientAssertion(grant, "not-a-jwt")), 401, "invalid_client", FAILED);

        issued(Http.postForm(Fixtures.tokenEndpoint(), withClientAssertion(grant,
                clientAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.key(Fixtures.KEY_PRIVATE_KEY_JWT)))));
    }

    @Test
    void whenClientAssertionWithBasicThenInvalidRequest() {
        refused(Http.postForm(Fixtures.tokenEndpoint(), withClientAssertion(
                        grantAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.KEY_PRIVATE_KEY_JWT),
                        clientAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.key(Fixtures.KEY_PRIVATE_KEY_JWT))),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)), 400, "invalid_request", null);
    }

    /** Attack catalogue #22: client B authenticates, the assertion names client A. */
    @Test
    void whenCredentialsOfOneClientAndAssertionOfAnotherThenInvalidClient() {
        refused(Http.postForm(Fixtures.tokenEndpoint(), withClientAssertion(
                        grantAssertion(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.KEY_CERT),
                        clientAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.key(Fixtures.KEY_PRIVATE_KEY_JWT)))),
                401, "invalid_client", FAILED);
        refused(Http.postForm(Fixtures.tokenEndpoint(), Http.grant(grantAssertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.KEY_PRIVATE_KEY_JWT)),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)), 401, "invalid_client", FAILED);
    }

    private static String hs256(String secret) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JwtBearerAssertion.builder().issuer(Fixtures.HMAC_CLIENT).subject(Fixtures.USER_ITIL)
                .audience(Fixtures.tokenEndpoint()).build().claims(Clock.systemUTC()).toJson());
        jws.setAlgorithmHeaderValue("HS256");
        jws.setHeader("typ", "JWT");
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    @Test
    void whenHs256SignedWithTheClientSecretThenIssuedAndWithAnotherThenRefused() throws Exception {
        issued(Http.postForm(Fixtures.tokenEndpoint(), Http.grant(hs256(Fixtures.HMAC_SECRET)),
                "Authorization", Http.basic(Fixtures.HMAC_CLIENT, Fixtures.HMAC_SECRET)));
        refused(Http.postForm(Fixtures.tokenEndpoint(), Http.grant(hs256(Fixtures.HMAC_SECRET + "-but-not-quite")),
                "Authorization", Http.basic(Fixtures.HMAC_CLIENT, Fixtures.HMAC_SECRET)), 400, "invalid_grant",
                "The assertion could not be verified");
    }

    @Test
    void whenJwksUriClientThenKeyFetchedAndIssuedAndUnknownKidRefused() {
        issued(Http.postForm(Fixtures.tokenEndpoint(), Http.grant(grantAssertion(Fixtures.JWKS_URI_CLIENT, Fixtures.KEY_JWKS_URI))));

        String unknownKid = JwtBearerAssertion.builder().issuer(Fixtures.JWKS_URI_CLIENT).subject(Fixtures.USER_ITIL)
                .audience(Fixtures.tokenEndpoint()).build().sign(Fixtures.key(Fixtures.KEY_JWKS_URI, "not-published"), Clock.systemUTC());
        refused(Http.postForm(Fixtures.tokenEndpoint(), Http.grant(unknownKid)), 400, "invalid_grant", "The assertion could not be verified");
    }
}
