package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.grant.ClientAssertion;
import org.jwtbearer.issuer.grant.ClientCredentials;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jose4j.jwt.JwtClaims;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;

/** One authentication method per request, and the client assertion's rules for naming the client. */
class ClientCredentialsReaderTest {

    private static final String CLIENT = "client-a";
    private static final String ASSERTION = clientAssertion(CLIENT);

    private static String clientAssertion(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            JwtClaims claims = JwtBearerAssertion.builder().issuer("iss").subject("sub").audience("https://as.example.com")
                    .build().claims(Clock.systemUTC());
            if (subject == null) {
                claims.unsetClaim("sub");
            } else {
                claims.setSubject(subject);
            }
            return JwtSigner.sign(claims, new SigningKey(generator.generateKeyPair().getPrivate(), "k", "ES256", null), "JWT");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FormParameters form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return FormParameters.parse(body.toString());
    }

    private static OAuthException refused(FormParameters form, Optional<BasicCredentials> basic) {
        return assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(form, basic));
    }

    @Test
    void readWhenClientAssertionThenPrivateKeyJwtNamingTheSubject() {
        ClientCredentials credentials = ClientCredentialsReader.read(
                form("client_assertion_type", ClientAssertion.TYPE, "client_assertion", ASSERTION), Optional.empty());
        assertEquals(ClientCredentials.Method.PRIVATE_KEY_JWT, credentials.method());
        assertEquals("private_key_jwt", credentials.method().registeredName());
        assertEquals(Optional.of(CLIENT), credentials.clientId());
        assertTrue(credentials.assertion().isPresent());
        assertTrue(credentials.secret().isEmpty());
    }

    @Test
    void readWhenClientIdMatchesSubjectThenAccepted() {
        assertEquals(Optional.of(CLIENT), ClientCredentialsReader.read(form("client_id", CLIENT,
                "client_assertion_type", ClientAssertion.TYPE, "client_assertion", ASSERTION), Optional.empty()).clientId());
    }

    @Test
    void readWhenClientIdNamesAnotherClientThenInvalidClient() {
        OAuthException e = refused(form("client_id", "client-b",
                "client_assertion_type", ClientAssertion.TYPE, "client_assertion", ASSERTION), Optional.empty());
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertEquals("client_assertion_sub_not_client_id", e.reason());
    }

    @Test
    void readWhenClientAssertionWithBasicThenInvalidRequest() {
        OAuthException e = refused(form("client_assertion_type", ClientAssertion.TYPE, "client_assertion", ASSERTION),
                Optional.of(new BasicCredentials(CLIENT, "secret")));
        assertEquals(OAuthError.INVALID_REQUEST, e.error());
    }

    @Test
    void readWhenClientAssertionWithClientSecretThenInvalidRequest() {
        OAuthException e = refused(form("client_id", CLIENT, "client_secret", "secret",
                "client_assertion_type", ClientAssertion.TYPE, "client_assertion", ASSERTION), Optional.empty());
        assertEquals(OAuthError.INVALID_REQUEST, e.error());
    }

    @Test
    void readWhenOnlyOneOfTheTwoParametersThenInvalidRequest() {
        assertEquals(OAuthError.INVALID_REQUEST, refused(form("client_assertion", ASSERTION), Optional.empty()).error());
        assertEquals(OAuthError.INVALID_REQUEST, refused(form("client_assertion_type", ClientAssertion.TYPE), Optional.empty()).error());
    }

    @Test
    void readWhenAssertionTypeUnknownThenInvalidClient() {
        OAuthException e = refused(form("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer",
                "client_assertion", ASSERTION), Optional.empty());
        assertEquals(OAuthError.INVALID_CLIENT, e.error());
        assertEquals("client_assertion_type_unsupported", e.reason());
    }

    @Test
    void readWhenClientAssertionMalformedOrUnnamedThenGenericInvalidClient() {
        OAuthException malformed = refused(form("client_assertion_type", ClientAssertion.TYPE, "client_assertion", "not.a-jws"),
                Optional.empty());
        assertEquals(OAuthError.INVALID_CLIENT, malformed.error());
        assertEquals("Client authentication failed", malformed.description());
        OAuthException unnamed = refused(form("client_assertion_type", ClientAssertion.TYPE, "client_assertion", clientAssertion(null)),
                Optional.empty());
        assertEquals("client_assertion_sub_missing", unnamed.reason());
    }
}
