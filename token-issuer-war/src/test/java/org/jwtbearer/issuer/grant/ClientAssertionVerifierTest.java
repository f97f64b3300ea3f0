package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * The private_key_jwt rules (RFC 7523 §3, OpenID Connect Core §9) as a table of one-change mutations, each
 * refused with the generic invalid_client and its own reason; taking a rule out fails its row.
 */
class ClientAssertionVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final RegisteredClient CLIENT = TestClients.registered();

    private final ClientAssertionVerifier verifier = new ClientAssertionVerifier();

    ClientAssertionVerifierTest() {
        verifier.settings = TestClients.SETTINGS;
        verifier.keys = TestClients.keys();
    }

    private static JwtClaims valid() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestClients.CLIENT_ID);
        claims.setSubject(TestClients.CLIENT_ID);
        claims.setAudience(TestClients.TOKEN_ENDPOINT);
        claims.setIssuedAt(NumericDate.fromSeconds(T));
        claims.setExpirationTime(NumericDate.fromSeconds(T + 120));
        claims.setJwtId("client-jti-1");
        return claims;
    }

    private static ClientAssertion signed(JwtClaims claims) {
        return ClientAssertion.parse(JwtSigner.sign(claims, TestClients.signingKey(), "JWT"));
    }

    private OAuthException refused(ClientAssertion assertion) {
        OAuthException e = assertThrows(OAuthException.class, () -> verifier.verify(CLIENT, assertion, NOW));
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertEquals(ClientAuthenticator.FAILED, e.description());
        return e;
    }

    private static Arguments row(String name, Consumer<JwtClaims> change, String reason) {
        return Arguments.of(name, change, reason);
    }

    static Stream<Arguments> mutations() {
        return Stream.of(
                row("iss missing", c -> c.unsetClaim("iss"), "client_assertion_iss_not_client"),
                row("iss another client", c -> c.setIssuer("other"), "client_assertion_iss_not_client"),
                row("sub missing", c -> c.unsetClaim("sub"), "client_assertion_sub_not_client"),
                row("sub another client", c -> c.setSubject("other"), "client_assertion_sub_not_client"),
                row("aud missing", c -> c.unsetClaim("aud"), "client_assertion_aud_not_accepted"),
                row("aud another server", c -> c.setAudience("https://other.example.com/oauth_token.do"), "client_assertion_aud_not_accepted"),
                row("aud the client id", c -> c.setAudience(TestClients.CLIENT_ID), "client_assertion_aud_not_accepted"),
                row("aud with trailing slash", c -> c.setAudience(TestClients.TOKEN_ENDPOINT + "/"), "client_assertion_aud_not_accepted"),
                row("exp missing", c -> c.unsetClaim("exp"), "client_assertion_exp_missing"),
                row("expired beyond skew", c -> c.setExpirationTime(NumericDate.fromSeconds(T - 61)), "client_assertion_expired"),
                row("lifetime too long", c -> c.setExpirationTime(NumericDate.fromSeconds(T + 301)), "client_assertion_lifetime_too_long"),
                row("old iat stretches life", c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(T - 400));
                    c.setExpirationTime(NumericDate.fromSeconds(T + 10));
                }, "client_assertion_lifetime_too_long"),
                row("iat in the future", c -> c.setIssuedAt(NumericDate.fromSeconds(T + 61)), "client_assertion_iat_future"),
                row("nbf in the future", c -> c.setNotBefore(NumericDate.fromSeconds(T + 61)), "client_assertion_nbf_future"),
                row("jti missing", c -> c.unsetClaim("jti"), "client_assertion_jti_missing"),
                row("jti too long", c -> c.setJwtId("j".repeat(1025)), "client_assertion_jti_too_long"),
                row("exp a string", c -> c.setClaim("exp", "tomorrow"), "client_assertion_claim_malformed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void verifyWhenOneClaimWrongThenInvalidClientWithItsReason(String name, Consumer<JwtClaims> change, String reason) {
        JwtClaims claims = valid();
        change.accept(claims);
        assertEquals(reason, refused(signed(claims)).reason());
    }

    @Test
    void verifyWhenValidThenJtiKeptUntilExpPlusSkew() {
        ClientAssertionVerifier.VerifiedClientAssertion verified = verifier.verify(CLIENT, signed(valid()), NOW);
        assertEquals("client-jti-1", verified.jti());
        assertEquals(Instant.ofEpochSecond(T + 120 + 60), verified.keepUntil());
    }

    @Test
    void verifyWhenAudienceIsIssuerOrOtherTokenEndpointThenAccepted() {
        for (String aud : List.of("https://issuer.example.com", "https://issuer.example.com/oauth2/token")) {
            JwtClaims claims = valid();
            claims.setAudience("https://unrelated.example.com", aud);
            assertDoesNotThrow(() -> verifier.verify(CLIENT, signed(claims), NOW), aud);
        }
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenRefused() {
        SigningKey forger = new SigningKey(TestClients.OTHER_KEY.getPrivate(), "k1", "RS256", null);
        assertEquals("client_assertion_signature_invalid",
                refused(ClientAssertion.parse(JwtSigner.sign(valid(), forger, "JWT"))).reason());
    }

    @Test
    void verifyWhenKidUnknownThenRefused() {
        SigningKey unknownKid = new SigningKey(TestClients.KEY.getPrivate(), "k9", "RS256", null);
        assertEquals("client_assertion_no_matching_key",
                refused(ClientAssertion.parse(JwtSigner.sign(valid(), unknownKid, "JWT"))).reason());
    }

    @Test
    void verifyWhenTypedAsAccessTokenThenRefused() {
        assertEquals("client_assertion_typ_not_jwt",
                refused(ClientAssertion.parse(JwtSigner.sign(valid().toJson(), TestClients.signingKey(), "at+jwt", Map.of()))).reason());
    }

    @Test
    void verifyWhenAlgorithmNotAllowedForClientThenRefused() {
        RegisteredClient esOnly = new RegisteredClient(CLIENT.clientId(), CLIENT.name(), CLIENT.secretHash(), CLIENT.publicClient(),
                CLIENT.userField(), CLIENT.acceptedIssuers(), CLIENT.acceptedAudiences(), CLIENT.maxAssertionLifetime(),
                CLIENT.clockSkew(), CLIENT.requireJti(), CLIENT.accessTokenLifespan(), CLIENT.scopes(), Set.of("ES256"),
                CLIENT.keys(), CLIENT.claimValidations(), CLIENT.active(), Optional.empty(), Optional.empty());
        OAuthException e = assertThrows(OAuthException.class, () -> verifier.verify(esOnly, signed(valid()), NOW));
        assertEquals("client_assertion_alg_not_allowed", e.reason());
    }

    /** client_secret_jwt is not offered: an HMAC client assertion is refused before any key is looked at. */
    @Test
    void verifyWhenHmacSignedThenRefused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(valid().toJson());
        jws.setAlgorithmHeaderValue("HS256");
        jws.setKey(new SecretKeySpec(new byte[32], "HmacSHA256"));
        assertEquals("client_assertion_alg_not_allowed", refused(ClientAssertion.parse(jws.getCompactSerialization())).reason());
    }
}
