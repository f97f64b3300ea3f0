package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.audit.AuditTrail;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.user.User;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * The grant's order of checks with in-memory collaborators: what is refused before the signature is
 * generic, and nothing refused ever reaches the replay store or the token issuer.
 */
class JwtBearerGrantTest {

    private static final Instant NOW = GrantHarness.NOW;
    private static final Clock CLOCK = GrantHarness.CLOCK;

    private Map<String, RegisteredClient> clients;
    private Map<String, User> users;
    private List<String> usedJtis;
    private List<String> issuedFor;
    private JwtBearerGrant grant;

    @BeforeEach
    void wire() {
        GrantHarness harness = new GrantHarness();
        clients = harness.clients;
        users = harness.users;
        usedJtis = harness.usedJtis;
        issuedFor = harness.issuedFor;
        grant = harness.grant;
    }

    private static JwtBearerAssertion.Builder assertion() {
        return JwtBearerAssertion.builder().issuer(TestClients.CLIENT_ID).subject("abel.tuter").audience(TestClients.TOKEN_ENDPOINT);
    }

    private TokenResult handle(String assertion) {
        return grant.handle(new TokenRequest(assertion, ClientCredentials.none(Optional.empty()), Optional.empty(), NOW),
                new AuditTrail(NOW, "req", "127.0.0.1"));
    }

    private OAuthException refused(String assertion) {
        OAuthException e = assertThrows(OAuthException.class, () -> handle(assertion));
        assertTrue(usedJtis.isEmpty(), "a refused assertion must not use up its jti");
        assertTrue(issuedFor.isEmpty(), "nothing may be issued");
        return e;
    }

    @Test
    void handleWhenValidThenTokenWithScopesAndWholeSecondsLeft() {
        TokenResult result = handle(assertion().build().sign(TestClients.signingKey(), CLOCK));

        assertEquals("token-for-abel.tuter", result.accessToken());
        assertEquals(1799, result.expiresIn());
        assertEquals("reporting useraccount", result.scope());
        assertEquals(1, usedJtis.size());
    }

    @Test
    void handleWhenSignedByAnotherKeyThenGenericRefusalAndJtiNotUsed() {
        SigningKey forger = new SigningKey(TestClients.OTHER_KEY.getPrivate(), "k1", "RS256", null);
        OAuthException e = refused(assertion().build().sign(forger, CLOCK));

        assertEquals(OAuthError.INVALID_GRANT, e.error());
        assertEquals(JwtBearerGrant.NOT_VERIFIED, e.description());
        assertEquals("signature_invalid", e.reason());
    }

    @Test
    void handleWhenIssuerUnknownOrKidUnknownThenSameGenericRefusal() {
        OAuthException unknownClient = refused(assertion().issuer("nobody").build().sign(TestClients.signingKey(), CLOCK));
        SigningKey unknownKid = new SigningKey(TestClients.KEY.getPrivate(), "k9", "RS256", null);
        OAuthException unknownKey = refused(assertion().build().sign(unknownKid, CLOCK));

        assertEquals(unknownClient.description(), unknownKey.description());
        assertEquals("client_unknown_by_iss", unknownClient.reason());
        assertEquals("no_matching_key", unknownKey.reason());
    }

    @Test
    void handleWhenVerifiedButUserUnknownOrInactiveThenPreciseRefusal() {
        assertEquals("user_unknown", refused(assertion().subject("nobody").build().sign(TestClients.signingKey(), CLOCK)).reason());
        assertEquals("user_inactive", refused(assertion().subject("gone").build().sign(TestClients.signingKey(), CLOCK)).reason());
        assertEquals("user_locked_out", refused(assertion().subject("locked").build().sign(TestClients.signingKey(), CLOCK)).reason());
    }

    @Test
    void handleWhenReplayedThenRefusedAndOnlyOneToken() {
        String assertion = assertion().build().sign(TestClients.signingKey(), CLOCK);
        handle(assertion);
        OAuthException e = assertThrows(OAuthException.class, () -> handle(assertion));
        assertEquals("jti_replayed", e.reason());
        assertEquals(1, issuedFor.size());
    }

    @Test
    void handleWhenTypIsAccessTokenThenRefused() {
        String payload = assertion().build().claims(CLOCK).toJson();
        assertEquals("typ_not_jwt", refused(JwtSigner.sign(payload, TestClients.signingKey(), "at+jwt", Map.of())).reason());
    }

    @Test
    void handleWhenClientSecretPresentButClientHasNoneThenInvalidClient() {
        String assertion = assertion().build().sign(TestClients.signingKey(), CLOCK);
        OAuthException e = assertThrows(OAuthException.class, () -> grant.handle(new TokenRequest(assertion,
                new ClientCredentials(Optional.of(TestClients.CLIENT_ID), Optional.of("guess"), ClientCredentials.Method.CLIENT_SECRET_BASIC),
                Optional.empty(), NOW), new AuditTrail(NOW, "req", null)));
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertTrue(usedJtis.isEmpty());
    }

    @Test
    void handleWhenScopeNotRegisteredThenInvalidScope() {
        String assertion = assertion().claim("scope", "useraccount admin").build().sign(TestClients.signingKey(), CLOCK);
        assertEquals(OAuthError.INVALID_SCOPE, refused(assertion).error());
    }

    @Test
    void handleWhenAlgorithmNotInClientsAllowListThenGenericRefusal() {
        RegisteredClient base = TestClients.registered();
        clients.put(TestClients.CLIENT_ID, new RegisteredClient(base.clientId(), base.name(), base.secretHash(), base.publicClient(),
                base.userField(), base.acceptedIssuers(), base.acceptedAudiences(), base.maxAssertionLifetime(), base.clockSkew(),
                base.requireJti(), base.accessTokenLifespan(), base.scopes(), Set.of("ES256"), base.keys(),
                base.claimValidations(), base.active(), Optional.empty(), Optional.empty()));
        assertEquals("alg_not_allowed_for_client", refused(assertion().build().sign(TestClients.signingKey(), CLOCK)).reason());
    }

    private static String clientAssertion(SigningKey key) {
        return JwtBearerAssertion.builder().issuer(TestClients.CLIENT_ID).subject(TestClients.CLIENT_ID)
                .audience(TestClients.TOKEN_ENDPOINT).build().sign(key, CLOCK);
    }

    private TokenResult handleWithClientAssertion(String assertion, String clientAssertion) {
        ClientCredentials credentials = ClientCredentials.privateKeyJwt(TestClients.CLIENT_ID, ClientAssertion.parse(clientAssertion));
        return grant.handle(new TokenRequest(assertion, credentials, Optional.empty(), NOW), new AuditTrail(NOW, "req", null));
    }

    @Test
    void handleWhenPrivateKeyJwtValidThenTokenAndBothJtisRecordedApart() {
        String clientAssertion = clientAssertion(TestClients.signingKey());
        handleWithClientAssertion(assertion().build().sign(TestClients.signingKey(), CLOCK), clientAssertion);

        assertEquals(1, issuedFor.size());
        assertEquals(2, usedJtis.size());
        assertTrue(usedJtis.stream().anyMatch(j -> j.startsWith(TestClients.CLIENT_ID + "/" + ClientAuthenticator.CLIENT_ASSERTION_NAMESPACE)));
    }

    @Test
    void handleWhenClientAssertionReplayedThenInvalidClientAndGrantJtiNotUsed() {
        String clientAssertion = clientAssertion(TestClients.signingKey());
        handleWithClientAssertion(assertion().build().sign(TestClients.signingKey(), CLOCK), clientAssertion);
        usedJtis.removeIf(j -> !j.contains(ClientAuthenticator.CLIENT_ASSERTION_NAMESPACE));

        OAuthException e = assertThrows(OAuthException.class, () -> handleWithClientAssertion(
                assertion().build().sign(TestClients.signingKey(), CLOCK), clientAssertion));
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertEquals(ClientAuthenticator.FAILED, e.description());
        assertEquals("client_assertion_replayed", e.reason());
        assertEquals(1, usedJtis.size(), "the second request's grant jti must not be used up");
        assertEquals(1, issuedFor.size());
    }

    @Test
    void handleWhenClientAssertionSignedByAnotherKeyThenInvalidClientAndNothingUsed() {
        SigningKey forger = new SigningKey(TestClients.OTHER_KEY.getPrivate(), "k1", "RS256", null);
        OAuthException e = assertThrows(OAuthException.class, () -> handleWithClientAssertion(
                assertion().build().sign(TestClients.signingKey(), CLOCK), clientAssertion(forger)));
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertEquals(ClientAuthenticator.FAILED, e.description());
        assertEquals("client_assertion_signature_invalid", e.reason());
        assertTrue(usedJtis.isEmpty());
        assertTrue(issuedFor.isEmpty());
    }

    /** A request refused after client authentication leaves the client assertion usable for a retry. */
    @Test
    void handleWhenGrantRefusedAfterClientAuthenticationThenClientAssertionNotUsedUp() {
        String clientAssertion = clientAssertion(TestClients.signingKey());
        assertThrows(OAuthException.class, () -> handleWithClientAssertion(
                assertion().subject("nobody").build().sign(TestClients.signingKey(), CLOCK), clientAssertion));
        assertTrue(usedJtis.isEmpty());

        handleWithClientAssertion(assertion().build().sign(TestClients.signingKey(), CLOCK), clientAssertion);
        assertEquals(1, issuedFor.size());
    }

    /** Attack catalogue #22: the request names this client, the assertion's iss another one. */
    @Test
    void handleWhenCredentialsNameClientButIssIsAnotherClientThenGenericInvalidClient() {
        RegisteredClient other = TestClients.registered();
        clients.put("client-a", new RegisteredClient("client-a", "A", Optional.empty(), true, other.userField(), Set.of("client-a"),
                other.acceptedAudiences(), other.maxAssertionLifetime(), other.clockSkew(), other.requireJti(),
                other.accessTokenLifespan(), other.scopes(), other.algorithms(), other.keys(), other.claimValidations(), true, Optional.empty(), Optional.empty()));
        String namingA = assertion().issuer("client-a").build().sign(TestClients.signingKey(), CLOCK);

        OAuthException e = assertThrows(OAuthException.class, () -> grant.handle(new TokenRequest(namingA,
                ClientCredentials.none(Optional.of(TestClients.CLIENT_ID)), Optional.empty(), NOW), new AuditTrail(NOW, "req", null)));
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertEquals(ClientAuthenticator.FAILED, e.description());
        assertEquals("assertion_iss_not_client", e.reason());
        assertTrue(usedJtis.isEmpty());
        assertTrue(issuedFor.isEmpty());
    }

    private static final String HMAC_SECRET = "a-shared-secret-of-at-least-32-bytes!";

    private static String hmacSigned(String alg, byte[] key, String payload) throws Exception {
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(alg);
        jws.setHeader("typ", "JWT");
        jws.setKey(new javax.crypto.spec.SecretKeySpec(key, "Hmac" + alg.replace("HS", "SHA")));
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private TokenResult handleWithSecret(String assertion, String secret) {
        return grant.handle(new TokenRequest(assertion, new ClientCredentials(Optional.of(TestClients.CLIENT_ID), Optional.of(secret),
                ClientCredentials.Method.CLIENT_SECRET_BASIC), Optional.empty(), NOW), new AuditTrail(NOW, "req", null));
    }

    @Test
    void handleWhenHs256SignedWithTheClientSecretThenToken() throws Exception {
        clients.put(TestClients.CLIENT_ID, TestClients.hmac(HMAC_SECRET, Set.of("HS256", "RS256")));
        String assertion = hmacSigned("HS256", HMAC_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                assertion().build().claims(CLOCK).toJson());
        assertEquals("token-for-abel.tuter", handleWithSecret(assertion, HMAC_SECRET).accessToken());
    }

    @Test
    void handleWhenHs256SignedWithAnotherSecretThenGenericRefusal() throws Exception {
        clients.put(TestClients.CLIENT_ID, TestClients.hmac(HMAC_SECRET, Set.of("HS256")));
        String assertion = hmacSigned("HS256", "another-secret-that-is-32-bytes-long!".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                assertion().build().claims(CLOCK).toJson());
        OAuthException e = assertThrows(OAuthException.class, () -> handleWithSecret(assertion, HMAC_SECRET));
        assertEquals(JwtBearerGrant.NOT_VERIFIED, e.description());
        assertEquals("signature_invalid", e.reason());
        assertTrue(issuedFor.isEmpty());
    }

    /** RS256 → HS256 confusion against a client that has both: the HMAC key is its secret, never its public key. */
    @Test
    void handleWhenHs256KeyedWithTheClientsPublicKeyThenRefused() throws Exception {
        clients.put(TestClients.CLIENT_ID, TestClients.hmac(HMAC_SECRET, Set.of("HS256", "RS256")));
        String forged = hmacSigned("HS256", TestClients.KEY.getPublic().getEncoded(), assertion().build().claims(CLOCK).toJson());
        assertEquals("signature_invalid", assertThrows(OAuthException.class, () -> handleWithSecret(forged, HMAC_SECRET)).reason());
        assertTrue(issuedFor.isEmpty());
    }

    @Test
    void handleWhenHs256ButClientNotAllowedHmacThenGenericRefusal() throws Exception {
        clients.put(TestClients.CLIENT_ID, TestClients.hmac(HMAC_SECRET, Set.of("HS384", "RS256")));
        String assertion = hmacSigned("HS256", HMAC_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                assertion().build().claims(CLOCK).toJson());
        assertEquals("alg_not_allowed_for_client",
                assertThrows(OAuthException.class, () -> handleWithSecret(assertion, HMAC_SECRET)).reason());
    }

    @Test
    void secondsLeftRoundsDown() {
        assertEquals(1800, JwtBearerGrant.secondsLeft(1000 + 1800, Instant.ofEpochSecond(1000)));
        assertEquals(1799, JwtBearerGrant.secondsLeft(1000 + 1800, Instant.ofEpochSecond(1000, 1)));
        assertEquals(0, JwtBearerGrant.secondsLeft(1000, Instant.ofEpochSecond(5000)));
    }
}
