package org.jwtbearer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.assertion.SigningKey;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The library against a token endpoint we did not write: NAV's mock-oauth2-server (built on the Nimbus OAuth
 * SDK), started in the test. It parses our requests with Nimbus's RFC 7523 grant and client authentication
 * parsers and issues tokens signed with its own keys, which are checked here against its JWKS.
 */
class IndependentEndpointInteropTest {

    private static final String ISSUER_ID = "interop";
    private MockOAuth2Server server;

    @BeforeEach
    void start() {
        server = new MockOAuth2Server();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void clientSecretBasicGrantYieldsATokenForTheAssertionsSubject() throws Exception {
        JwtBearerClient client = client(ClientAuthentication.clientSecretBasic("interop-client", "interop-secret"), rsaKey())
                .subject("abel.tuter").scope("incidents.read").build();

        AccessToken token = client.accessToken();

        JwtClaims claims = verifiedByTheServersJwks(token.value());
        assertEquals("abel.tuter", claims.getSubject());
        assertEquals(server.issuerUrl(ISSUER_ID).toString(), claims.getIssuer());
        assertEquals("Bearer", token.tokenType());
        assertEquals("incidents.read", token.scope());
        assertTrue(token.expiresAt().isAfter(token.issuedAt().plus(Duration.ofMinutes(30))), token.toString());
        RecordedRequest request = server.takeRequest();
        assertTrue(request.getHeader("Authorization").startsWith("Basic "), "client_secret_basic");
        assertSame(token, client.accessToken(), "cached: no second request");
    }

    @Test
    void privateKeyJwtClientAuthenticationIsAccepted() throws Exception {
        SigningKey key = ecKey();
        JwtBearerClient client = client(ClientAuthentication.privateKeyJwt("interop-client", key), key)
                .subject("beth.anglin").scope("incidents.write").build();

        AccessToken token = client.accessToken();

        assertEquals("beth.anglin", verifiedByTheServersJwks(token.value()).getSubject());
        String body = server.takeRequest().getBody().readUtf8();
        assertTrue(body.contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"), body);
        assertTrue(body.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"), body);
    }

    /** Google's style: the scope travels as a claim of the assertion, not as a form parameter. */
    @Test
    void clientSecretPostWithScopeClaimAndRenewalMintANewAssertion() throws Exception {
        JwtBearerClient client = client(ClientAuthentication.clientSecretPost("interop-client", "interop-secret"), rsaKey())
                .subject("fred.luddy").claim("scope", "incidents.read").build();

        AccessToken first = client.accessToken();
        client.invalidate(first);
        AccessToken second = client.accessToken();

        assertNotSame(first, second);
        String firstBody = server.takeRequest().getBody().readUtf8();
        String secondBody = server.takeRequest().getBody().readUtf8();
        assertTrue(firstBody.contains("client_secret=interop-secret"), firstBody);
        assertTrue(!assertionOf(firstBody).equals(assertionOf(secondBody)), "each request carries its own assertion");
        assertEquals("fred.luddy", verifiedByTheServersJwks(second.value()).getSubject());
    }

    private JwtBearerClient.Builder client(ClientAuthentication authentication, SigningKey key) {
        return JwtBearerClient.builder().tokenEndpoint(server.tokenEndpointUrl(ISSUER_ID).uri())
                .clientAuthentication(authentication).signingKey(key);
    }

    private static String assertionOf(String form) {
        return List.of(form.split("&")).stream().filter(p -> p.startsWith("assertion=")).findFirst().orElseThrow();
    }

    private JwtClaims verifiedByTheServersJwks(String token) throws Exception {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(server.jwksUrl(ISSUER_ID).toString())))
                .setExpectedIssuer(server.issuerUrl(ISSUER_ID).toString())
                .setSkipDefaultAudienceValidation()
                .setRequireExpirationTime()
                .build();
        return consumer.processToClaims(token);
    }

    private static SigningKey rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new SigningKey(generator.generateKeyPair().getPrivate(), "interop-rsa", null, null);
    }

    private static SigningKey ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return new SigningKey(generator.generateKeyPair().getPrivate(), "interop-ec", null, null);
    }
}
