package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.assertions.jwt.JWTAssertionDetails;
import com.nimbusds.oauth2.sdk.assertions.jwt.JWTAssertionFactory;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;

import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;

/**
 * Interoperability with a widely used third-party OAuth client, Connect2id's Nimbus OAuth 2.0 SDK: Nimbus
 * builds, signs and sends every request itself (no code of ours on the client side; only the fixtures' key
 * material and registry names), and parses every answer with its own RFC 6749 / 6750 / 8414 / 9068 parsers.
 * A server answer Nimbus could not parse, or parsed into another error code or status, fails the test.
 */
@ExtendWith(ArquillianExtension.class)
class NimbusInteropIT {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final Scope USERACCOUNT = new Scope("useraccount");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    // --- 1. the JWT bearer grant, assertion signed by Nimbus, client_secret_basic ------------------------------

    @Test
    void jwtBearerGrantWhenNimbusSignsRs256AndAuthenticatesWithClientSecretBasicThenBearerTokenWorksOnTableApi() throws Exception {
        SignedJWT assertion = rs256Assertion(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.USER_ITIL, Fixtures.KEY_CERT);

        AccessTokenResponse success = issued(send(tokenEndpoint(), confidentialClient(), new JWTBearerGrant(assertion), USERACCOUNT));

        BearerAccessToken token = success.getTokens().getBearerAccessToken();
        assertNotNull(token, "Nimbus did not see a Bearer token in " + success.toJSONObject());
        assertEquals(AccessTokenType.BEARER, token.getType());
        assertTrue(token.getLifetime() > 1790 && token.getLifetime() <= 1800, "expires_in " + token.getLifetime());
        assertEquals(USERACCOUNT, token.getScope());
        assertNull(success.getTokens().getRefreshToken());

        HTTPResponse incidents = tableApi(token);
        assertEquals(200, incidents.getStatusCode(), incidents.getBody());
        JSONArray result = (JSONArray) incidents.getBodyAsJSONObject().get("result");
        assertNotNull(result, incidents.getBody());
        assertTrue(Integer.parseInt(incidents.getHeaderValue("X-Total-Count")) >= result.size(), incidents.getHeaderMap().toString());
    }

    /** Nimbus's plain JOSE API (claims set builder, ECDSASigner) for the ES256 public client, named by client_id alone. */
    @Test
    void jwtBearerGrantWhenNimbusSignsEs256ClaimsSetForPublicClientThenTokenNamesTheUser() throws Exception {
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(Fixtures.PUBLIC_CLIENT)
                .subject(Fixtures.email(Fixtures.USER_ADMIN))
                .audience(Fixtures.tokenEndpoint())
                .issueTime(now)
                .expirationTime(new Date(now.getTime() + 120_000))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(Fixtures.KEY_EC).build(), claims);
        assertion.sign(new ECDSASigner((ECPrivateKey) privateKey(Fixtures.KEY_EC)));

        TokenRequest request = new TokenRequest(tokenEndpoint(), new ClientID(Fixtures.PUBLIC_CLIENT), new JWTBearerGrant(assertion));
        BearerAccessToken token = issued(send(request)).getTokens().getBearerAccessToken();

        JWTClaimsSet accessClaims = SignedJWT.parse(token.getValue()).getJWTClaimsSet();
        assertEquals(Fixtures.USER_ADMIN, accessClaims.getStringClaim("upn"));
        assertEquals(Fixtures.PUBLIC_CLIENT, accessClaims.getStringClaim("client_id"));
        assertEquals(List.of("admin", "itil"), accessClaims.getStringListClaim("groups"));
        assertEquals(200, tableApi(token).getStatusCode());
    }

    // --- 2. private_key_jwt client authentication built by Nimbus -----------------------------------------------

    @Test
    void privateKeyJwtWhenNimbusBuildsClientAssertionThenIssuedAndTokenWorksOnTableApi() throws Exception {
        SignedJWT assertion = rs256Assertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.USER_ITIL, Fixtures.KEY_PRIVATE_KEY_JWT);
        PrivateKeyJWT clientAuth = new PrivateKeyJWT(new ClientID(Fixtures.PRIVATE_KEY_JWT_CLIENT), tokenEndpoint(), JWSAlgorithm.RS256,
                (RSAPrivateKey) privateKey(Fixtures.KEY_PRIVATE_KEY_JWT), Fixtures.KEY_PRIVATE_KEY_JWT, null);
        assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, clientAuth.getMethod());

        BearerAccessToken token = issued(send(tokenEndpoint(), clientAuth, new JWTBearerGrant(assertion), null))
                .getTokens().getBearerAccessToken();

        assertEquals(Fixtures.PRIVATE_KEY_JWT_CLIENT, SignedJWT.parse(token.getValue()).getJWTClaimsSet().getStringClaim("client_id"));
        assertEquals(USERACCOUNT, token.getScope());
        assertEquals(200, tableApi(token).getStatusCode());
    }

    @Test
    void privateKeyJwtWhenNimbusSignsClientAssertionWithUnregisteredKeyThenInvalidClient() throws Exception {
        SignedJWT assertion = rs256Assertion(Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.USER_ITIL, Fixtures.KEY_PRIVATE_KEY_JWT);
        PrivateKeyJWT forged = new PrivateKeyJWT(new ClientID(Fixtures.PRIVATE_KEY_JWT_CLIENT), tokenEndpoint(), JWSAlgorithm.RS256,
                (RSAPrivateKey) privateKey(Fixtures.KEY_ATTACKER), Fixtures.KEY_PRIVATE_KEY_JWT, null);

        refused(send(tokenEndpoint(), forged, new JWTBearerGrant(assertion), null), OAuth2Error.INVALID_CLIENT, 401);
    }

    // --- 3. our refusals, parsed by Nimbus as RFC 6749 §5.2 error responses ---------------------------------------

    @Test
    void replayWhenNimbusSendsTheSameSignedJwtTwiceThenInvalidGrant() throws Exception {
        JWTBearerGrant grant = new JWTBearerGrant(rs256Assertion(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.USER_ITIL, Fixtures.KEY_JWK));
        issued(send(tokenEndpoint(), confidentialClient(), grant, null));

        ErrorObject error = refused(send(tokenEndpoint(), confidentialClient(), grant, null), OAuth2Error.INVALID_GRANT, 400);
        assertEquals("The assertion was already used (jti replay)", error.getDescription());
    }

    @Test
    void clientSecretBasicWhenSecretWrongThenInvalidClientWithBasicChallenge() throws Exception {
        SignedJWT assertion = rs256Assertion(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.USER_ITIL, Fixtures.KEY_CERT);
        ClientSecretBasic wrong = new ClientSecretBasic(new ClientID(Fixtures.CONFIDENTIAL_CLIENT), new Secret(Fixtures.CLIENT_SECRET + "x"));

        HTTPResponse response = send(tokenEndpoint(), wrong, new JWTBearerGrant(assertion), null);

        refused(response, OAuth2Error.INVALID_CLIENT, 401);
        assertTrue(response.getHeaderValue("WWW-Authenticate").startsWith("Basic"), response.getHeaderMap().toString());
    }

    @Test
    void jwtBearerGrantWhenAssertionSignedByUnregisteredKeyThenInvalidGrant() throws Exception {
        SignedJWT forged = JWTAssertionFactory.create(assertionDetails(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.USER_ITIL),
                JWSAlgorithm.RS256, (RSAPrivateKey) privateKey(Fixtures.KEY_ATTACKER), Fixtures.KEY_CERT, null);

        ErrorObject error = refused(send(tokenEndpoint(), confidentialClient(), new JWTBearerGrant(forged), null), OAuth2Error.INVALID_GRANT, 400);
        assertEquals("The assertion could not be verified", error.getDescription());
    }

    @Test
    void jwtBearerGrantWhenScopeNotTheClientsThenInvalidScope() throws Exception {
        SignedJWT assertion = rs256Assertion(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.USER_ITIL, Fixtures.KEY_CERT);

        refused(send(tokenEndpoint(), confidentialClient(), new JWTBearerGrant(assertion), new Scope("reporting")), OAuth2Error.INVALID_SCOPE, 400);
    }

    // --- 4. a grant type we do not offer -------------------------------------------------------------------------

    @Test
    void clientCredentialsGrantWhenSentByNimbusThenUnsupportedGrantType() throws Exception {
        HTTPResponse response = send(tokenEndpoint(), confidentialClient(), new ClientCredentialsGrant(), USERACCOUNT);

        refused(response, OAuth2Error.UNSUPPORTED_GRANT_TYPE, 400);
    }

    // --- 5. discovery, the JWKS and the issued token, all read by Nimbus -------------------------------------------

    /**
     * Nimbus resolves our RFC 8414 metadata (it checks that the document's issuer is the one asked for), asks
     * for a token at the endpoint the document names, and verifies the token as an RFC 9068 access token
     * against the jwks_uri the document names.
     */
    @Test
    void discoveryWhenResolvedByNimbusThenItsEndpointsIssueTokensNimbusVerifiesAgainstItsJwks() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(Fixtures.baseUrl()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);

        assertEquals(Fixtures.baseUrl(), metadata.getIssuer().getValue());
        assertTrue(Set.of(Fixtures.tokenEndpoint(), Fixtures.baseUrl() + "/oauth2/token").contains(metadata.getTokenEndpointURI().toString()),
                metadata.getTokenEndpointURI().toString());
        assertEquals(Fixtures.baseUrl() + "/oauth2/jwks", metadata.getJWKSetURI().toString());
        assertTrue(metadata.getGrantTypes().contains(GrantType.JWT_BEARER), String.valueOf(metadata.getGrantTypes()));
        assertTrue(metadata.getTokenEndpointAuthMethods().containsAll(List.of(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.PRIVATE_KEY_JWT)));
        assertTrue(metadata.getTokenEndpointJWSAlgs().contains(JWSAlgorithm.RS256));

        SignedJWT assertion = JWTAssertionFactory.create(
                new JWTAssertionDetails(new Issuer(Fixtures.CONFIDENTIAL_CLIENT), new Subject(Fixtures.USER_ITIL),
                        new Audience(metadata.getTokenEndpointURI())),
                JWSAlgorithm.RS256, (RSAPrivateKey) privateKey(Fixtures.KEY_CERT), Fixtures.KEY_CERT, null);
        BearerAccessToken token = issued(send(metadata.getTokenEndpointURI(), confidentialClient(), new JWTBearerGrant(assertion), null))
                .getTokens().getBearerAccessToken();

        DefaultJWTProcessor<SecurityContext> processor = accessTokenProcessor(metadata);
        JWTClaimsSet claims = processor.process(token.getValue(), null);
        assertEquals(Fixtures.USER_ITIL, claims.getStringClaim("upn"));
        assertEquals(Fixtures.CONFIDENTIAL_CLIENT, claims.getStringClaim("client_id"));
        assertEquals("useraccount", claims.getStringClaim("scope"));
        assertEquals(List.of("itil"), claims.getStringListClaim("groups"));

        // The same processor refuses what our JWKS does not vouch for: a token re-signed by another key.
        SignedJWT resigned = new SignedJWT(SignedJWT.parse(token.getValue()).getHeader(), claims);
        resigned.sign(new RSASSASigner(privateKey(Fixtures.KEY_ATTACKER)));
        assertThrows(BadJOSEException.class, () -> processor.process(resigned.serialize(), null));
    }

    private static DefaultJWTProcessor<SecurityContext> accessTokenProcessor(AuthorizationServerMetadata metadata) throws IOException {
        URL jwksUrl = metadata.getJWKSetURI().toURL();
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Fixtures.baseUrl() + "/api",
                new JWTClaimsSet.Builder().issuer(metadata.getIssuer().getValue()).build(),
                Set.of("sub", "exp", "iat", "jti", "client_id", "scope")));
        return processor;
    }

    // --- RFC 6750 challenges of the resource API, parsed by Nimbus ------------------------------------------------

    @Test
    void tableApiWhenTokenMissingOrBrokenThenNimbusParsesTheBearerChallenge() throws Exception {
        HTTPResponse missing = get(Fixtures.baseUrl() + "/api/now/table/incident", null);
        assertEquals(401, missing.getStatusCode());
        BearerTokenError noToken = BearerTokenError.parse(missing.getHeaderValue("WWW-Authenticate"));
        assertNull(noToken.getCode(), "no error code without a token (RFC 6750 §3.1)");
        assertNotNull(noToken.getRealm());

        BearerAccessToken valid = issued(send(tokenEndpoint(), confidentialClient(),
                new JWTBearerGrant(rs256Assertion(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.USER_ITIL, Fixtures.KEY_CERT)), null))
                .getTokens().getBearerAccessToken();
        String value = valid.getValue();
        BearerAccessToken broken = new BearerAccessToken(value.substring(0, value.lastIndexOf('.') + 1) + "AAAA");

        HTTPResponse refused = tableApi(broken);
        assertEquals(401, refused.getStatusCode());
        BearerTokenError invalid = BearerTokenError.parse(refused.getHeaderValue("WWW-Authenticate"));
        assertEquals(BearerTokenError.INVALID_TOKEN.getCode(), invalid.getCode());
        assertEquals(noToken.getRealm(), invalid.getRealm());
    }

    // --- Nimbus does the work; these only wire it to the fixtures -------------------------------------------------

    private static URI tokenEndpoint() {
        return URI.create(Fixtures.tokenEndpoint());
    }

    private static ClientAuthentication confidentialClient() {
        return new ClientSecretBasic(new ClientID(Fixtures.CONFIDENTIAL_CLIENT), new Secret(Fixtures.CLIENT_SECRET));
    }

    /** Nimbus's RFC 7523 assertion claims: iss, sub, aud, exp (now + 5 min) and a random jti. */
    private static JWTAssertionDetails assertionDetails(String clientId, String subject) {
        return new JWTAssertionDetails(new Issuer(clientId), new Subject(subject), new Audience(Fixtures.tokenEndpoint()));
    }

    private static SignedJWT rs256Assertion(String clientId, String subject, String keyAlias) throws JOSEException {
        return JWTAssertionFactory.create(assertionDetails(clientId, subject), JWSAlgorithm.RS256,
                (RSAPrivateKey) privateKey(keyAlias), keyAlias, null);
    }

    /** The fixture key pair's private half, read straight from the keystore the build generated. */
    private static PrivateKey privateKey(String alias) {
        Path keystore = Fixtures.fixturesDir().resolve(Fixtures.KEYSTORE_FILE);
        try {
            KeyStore store = KeyStore.getInstance(keystore.toFile(), Fixtures.STOREPASS.toCharArray());
            return (PrivateKey) store.getKey(alias, Fixtures.STOREPASS.toCharArray());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + alias + " from " + keystore, e);
        }
    }

    private static HTTPResponse send(URI endpoint, ClientAuthentication client, AuthorizationGrant grant, Scope scope) throws IOException {
        return send(new TokenRequest(endpoint, client, grant, scope));
    }

    private static HTTPResponse send(TokenRequest request) throws IOException {
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
        return http.send();
    }

    private static AccessTokenResponse issued(HTTPResponse response) throws ParseException {
        TokenResponse parsed = TokenResponse.parse(response);
        assertTrue(parsed.indicatesSuccess(), () -> "HTTP " + response.getStatusCode() + " " + response.getBody());
        assertEquals(200, response.getStatusCode());
        assertEquals("no-store", response.getCacheControl());
        return parsed.toSuccessResponse();
    }

    private static ErrorObject refused(HTTPResponse response, ErrorObject expected, int status) throws ParseException {
        TokenResponse parsed = TokenResponse.parse(response);
        assertFalse(parsed.indicatesSuccess(), () -> "expected " + expected.getCode() + ", got HTTP " + response.getStatusCode() + " " + response.getBody());
        TokenErrorResponse failure = assertInstanceOf(TokenErrorResponse.class, parsed);
        ErrorObject error = failure.getErrorObject();
        assertEquals(expected.getCode(), error.getCode(), response.getBody());
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals(status, error.getHTTPStatusCode());
        assertNotNull(error.getDescription(), response.getBody());
        JSONObject body = response.getBodyAsJSONObject();
        assertFalse(body.containsKey("access_token"), response.getBody());
        return error;
    }

    private static HTTPResponse tableApi(BearerAccessToken token) throws IOException {
        return get(Fixtures.baseUrl() + "/api/now/table/incident?sysparm_limit=5", token);
    }

    private static HTTPResponse get(String url, BearerAccessToken token) throws IOException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(url));
        request.setAccept("application/json");
        if (token != null) {
            request.setAuthorization(token.toAuthorizationHeader());
        }
        request.setConnectTimeout(TIMEOUT_MILLIS);
        request.setReadTimeout(TIMEOUT_MILLIS);
        return request.send();
    }
}
