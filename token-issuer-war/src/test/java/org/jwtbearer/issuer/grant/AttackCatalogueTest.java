package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.core.HttpHeaders;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtbearer.issuer.client.ClientDefinition;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.client.SecretHash;
import org.jwtbearer.issuer.client.UserField;
import org.jwtbearer.issuer.client.VerifierKeyEntity;
import org.jwtbearer.issuer.endpoint.FormParameters;
import org.jwtbearer.issuer.endpoint.TokenRequestReader;
import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.Pem;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * The attack catalogue (research/attacks.md, sections A–D) as one table: each row is one hostile token
 * request, taken from the raw form body and {@code Authorization} header through the same reading and the
 * same grant the endpoint uses, and must be refused with exactly its error code and reason — so a row
 * fails when the check that catches it is removed (a later check would refuse it for another reason, or
 * nothing would). Every refusal also issues nothing, uses up no jti, and has an {@code error_description}
 * within RFC 6749's character set (#31).
 */
class AttackCatalogueTest {

    private static final String SECRET = "catalogue-secret";
    private static final String OTHER_CLIENT = "other-client";
    private static final String OTHER_SECRET = "other-secret";
    private static final String EC_CLIENT = "ec-client";
    private static final KeyPair EC_KEY = generate("EC");

    private GrantHarness harness;

    @BeforeEach
    void wire() {
        harness = new GrantHarness();
        harness.clients.put(TestClients.CLIENT_ID, TestClients.confidential(SECRET));
        harness.clients.put(OTHER_CLIENT, client(OTHER_CLIENT, Optional.of(SecretHash.hash(OTHER_SECRET)),
                new VerifierKey("other-k", TestClients.OTHER_KEY.getPublic(), null)));
        harness.clients.put(EC_CLIENT, client(EC_CLIENT, Optional.empty(), new VerifierKey("ec-k", EC_KEY.getPublic(), null)));
    }

    /** A request: the form body as sent, and the Authorization header (null for none). */
    record Attempt(String contentType, String body, String authorization) {

        static Attempt form(Map<String, String> parameters, String authorization) {
            String body = parameters.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return new Attempt("application/x-www-form-urlencoded", body, authorization);
        }

        /** The grant with this assertion, the confidential client authenticating with HTTP Basic. */
        static Attempt grant(String assertion) {
            return form(grantForm(assertion), basic(TestClients.CLIENT_ID, SECRET));
        }

        /** The grant with this assertion and no client credentials: the client is named by iss. */
        static Attempt anonymous(String assertion) {
            return form(grantForm(assertion), null);
        }
    }

    private static Map<String, String> grantForm(String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", JwtBearerGrant.GRANT_TYPE);
        form.put("assertion", assertion);
        return form;
    }

    private static Arguments row(String id, Supplier<Attempt> attempt, OAuthError error, String reason) {
        return Arguments.of(id, attempt, error, reason);
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                // A. JWS / JOSE
                row("A1 alg none", () -> Attempt.grant(unsigned("none")), OAuthError.INVALID_GRANT, "alg_not_allowed"),
                row("A1 alg None", () -> Attempt.grant(unsigned("None")), OAuthError.INVALID_GRANT, "alg_not_allowed"),
                row("A1 alg NONE", () -> Attempt.grant(unsigned("NONE")), OAuthError.INVALID_GRANT, "alg_not_allowed"),
                row("A1 alg nOnE", () -> Attempt.grant(unsigned("nOnE")), OAuthError.INVALID_GRANT, "alg_not_allowed"),
                row("A2 signature segment emptied", () -> Attempt.grant(withoutSignature(signed(claims()))),
                        OAuthError.INVALID_GRANT, "signature_missing"),
                row("A3 HS256 keyed with the client's public key (PEM)", () -> Attempt.grant(hmac("HS256",
                        Pem.encode("PUBLIC KEY", TestClients.KEY.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII))),
                        OAuthError.INVALID_GRANT, "alg_not_allowed_for_client"),
                row("A3 HS256 keyed with the client's public key (DER)", () -> Attempt.grant(hmac("HS256",
                        TestClients.KEY.getPublic().getEncoded())), OAuthError.INVALID_GRANT, "alg_not_allowed_for_client"),
                row("A4 HS256 with a common secret, client not enabled for HMAC", () -> Attempt.grant(hmac("HS256",
                        "secretsecretsecretsecretsecret!!".getBytes(StandardCharsets.US_ASCII))),
                        OAuthError.INVALID_GRANT, "alg_not_allowed_for_client"),
                row("A5 ES256 signature of 64 zero bytes", () -> Attempt.anonymous(replaceSignature(ecSigned(), new byte[64])),
                        OAuthError.INVALID_GRANT, "signature_invalid"),
                row("A5 ES256 signature of 63 bytes", () -> Attempt.anonymous(truncateSignature(ecSigned(), 63)),
                        OAuthError.INVALID_GRANT, "signature_invalid"),
                row("A5 ES256 signature of 65 bytes", () -> Attempt.anonymous(extendSignature(ecSigned())),
                        OAuthError.INVALID_GRANT, "signature_invalid"),
                row("A6 embedded jwk header", () -> Attempt.grant(signedWithHeader("jwk",
                        Map.of("kty", "RSA", "n", "AQAB", "e", "AQAB"))), OAuthError.INVALID_GRANT, "header_not_allowed"),
                row("A7 jku header", () -> Attempt.grant(signedWithHeader("jku", "https://attacker.example/jwks")),
                        OAuthError.INVALID_GRANT, "header_not_allowed"),
                row("A7 x5u header", () -> Attempt.grant(signedWithHeader("x5u", "https://attacker.example/cert")),
                        OAuthError.INVALID_GRANT, "header_not_allowed"),
                row("A8 x5c with the attacker's self-signed chain", () -> Attempt.grant(attackerSignedWithX5c()),
                        OAuthError.INVALID_GRANT, "signature_invalid"),
                row("A9 kid path traversal", () -> Attempt.grant(signedWithKid("../../../../dev/null")),
                        OAuthError.INVALID_GRANT, "no_matching_key"),
                row("A9 kid shell injection", () -> Attempt.grant(signedWithKid("|sleep 10")), OAuthError.INVALID_GRANT, "no_matching_key"),
                row("A9 kid SQL injection", () -> Attempt.grant(signedWithKid("x' UNION SELECT '1';--")),
                        OAuthError.INVALID_GRANT, "no_matching_key"),
                row("A10 unknown crit", () -> Attempt.grant(signedWithHeader("crit", List.of("exp-ext"))),
                        OAuthError.INVALID_GRANT, "crit_not_understood"),
                row("A10 b64 false", () -> Attempt.grant(raw("{\"alg\":\"RS256\",\"kid\":\"k1\",\"b64\":false,\"crit\":[\"b64\"]}",
                        claims().toJson(), "c2ln")),
                        OAuthError.INVALID_GRANT, "crit_not_understood"),
                row("A11 JWE (five parts)", () -> Attempt.grant("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d"), OAuthError.INVALID_GRANT, "malformed"),
                row("A11 JWS JSON serialization", () -> Attempt.grant("{\"payload\":\"e30\",\"signatures\":[]}"),
                        OAuthError.INVALID_GRANT, "malformed"),
                row("A12 duplicate header member", () -> Attempt.grant(raw("{\"alg\":\"RS256\",\"alg\":\"none\"}", "{}", "c2ln")),
                        OAuthError.INVALID_GRANT, "malformed"),
                row("A12 duplicate claim", () -> Attempt.grant(signedPayload(
                        "{\"iss\":\"" + TestClients.CLIENT_ID + "\",\"iss\":\"" + OTHER_CLIENT + "\"}")),
                        OAuthError.INVALID_GRANT, "payload_malformed"),
                row("A13 assertion over 16 KiB", () -> Attempt.grant(signed(claims(c -> c.setClaim("pad", "x".repeat(17_000))))),
                        OAuthError.INVALID_GRANT, "too_large"),
                // B. Assertion claims (every rule has its own table in AssertionClaimChecksTest)
                row("B15 iss missing", () -> Attempt.grant(signed(claims(c -> c.unsetClaim("iss")))), OAuthError.INVALID_GRANT, "iss_missing"),
                row("B15 sub missing", () -> Attempt.grant(signed(claims(c -> c.unsetClaim("sub")))), OAuthError.INVALID_GRANT, "sub_missing"),
                row("B15 aud missing", () -> Attempt.grant(signed(claims(c -> c.unsetClaim("aud")))), OAuthError.INVALID_GRANT, "aud_missing"),
                row("B15 exp missing", () -> Attempt.grant(signed(claims(c -> c.unsetClaim("exp")))), OAuthError.INVALID_GRANT, "exp_missing"),
                row("B16 exp a string", () -> Attempt.grant(signed(claims(c -> c.setClaim("exp", "tomorrow")))),
                        OAuthError.INVALID_GRANT, "claim_malformed"),
                row("B16 exp far in the future", () -> Attempt.grant(signed(claims(c -> c.setExpirationTime(at(86_400))))),
                        OAuthError.INVALID_GRANT, "lifetime_too_long"),
                row("B17 expired beyond the skew", () -> Attempt.grant(signed(claims(c -> {
                    c.setIssuedAt(at(-180));
                    c.setExpirationTime(at(-61));
                }))), OAuthError.INVALID_GRANT, "expired"),
                row("B17 nbf beyond the skew", () -> Attempt.grant(signed(claims(c -> c.setNotBefore(at(61))))),
                        OAuthError.INVALID_GRANT, "nbf_future"),
                row("B17 iat beyond the skew", () -> Attempt.grant(signed(claims(c -> c.setIssuedAt(at(61))))),
                        OAuthError.INVALID_GRANT, "iat_future"),
                row("B18 audience of another server", () -> Attempt.grant(signed(claims(c -> c.setAudience("https://other.example/token")))),
                        OAuthError.INVALID_GRANT, "aud_not_accepted"),
                row("B18 audience with a trailing slash", () -> Attempt.grant(signed(claims(c -> c.setAudience(TestClients.TOKEN_ENDPOINT + "/")))),
                        OAuthError.INVALID_GRANT, "aud_not_accepted"),
                row("B18 audience in another letter case", () -> Attempt.grant(signed(claims(c -> c.setAudience(TestClients.TOKEN_ENDPOINT.toUpperCase())))),
                        OAuthError.INVALID_GRANT, "aud_not_accepted"),
                row("B19 signed by client B's key, iss client A", () -> Attempt.grant(signedBy(TestClients.OTHER_KEY, "k1", claims())),
                        OAuthError.INVALID_GRANT, "signature_invalid"),
                // C. Replay, typing, substitution (replay itself: the tests below)
                row("C21 access token sent as assertion", () -> Attempt.grant(signedTyped("at+jwt")), OAuthError.INVALID_GRANT, "typ_not_jwt"),
                row("C22 client B's credentials, assertion of client A", () -> Attempt.form(grantForm(signed(claims())),
                        basic(OTHER_CLIENT, OTHER_SECRET)), OAuthError.INVALID_CLIENT, "assertion_iss_not_client"),
                row("C23 valid assertion, wrong secret", () -> Attempt.form(grantForm(signed(claims())),
                        basic(TestClients.CLIENT_ID, "wrong")), OAuthError.INVALID_CLIENT, "client_secret_mismatch"),
                row("C23 valid assertion, bogus client_assertion", () -> Attempt.form(withClientAssertion(signed(claims()),
                        "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), null), OAuthError.INVALID_CLIENT, "client_assertion_sub_missing"),
                // D. Token endpoint (D25, the query string never read, is a matter of HTTP: AssertionRulesIT)
                row("D24 assertion twice", () -> new Attempt("application/x-www-form-urlencoded",
                        "grant_type=" + enc(JwtBearerGrant.GRANT_TYPE) + "&assertion=a&assertion=b", null),
                        OAuthError.INVALID_REQUEST, "parameter_repeated"),
                row("D24 grant_type twice", () -> new Attempt("application/x-www-form-urlencoded",
                        "grant_type=" + enc(JwtBearerGrant.GRANT_TYPE) + "&grant_type=" + enc(JwtBearerGrant.GRANT_TYPE) + "&assertion=a", null),
                        OAuthError.INVALID_REQUEST, "parameter_repeated"),
                row("D26 JSON body", () -> new Attempt("application/json", "{\"grant_type\":\"x\"}", null),
                        OAuthError.INVALID_REQUEST, "content_type"),
                row("D26 text/plain body", () -> new Attempt("text/plain", "grant_type=x", null), OAuthError.INVALID_REQUEST, "content_type"),
                row("D26 no Content-Type", () -> new Attempt(null, "grant_type=x", null), OAuthError.INVALID_REQUEST, "content_type"),
                row("D26 multipart body", () -> new Attempt("multipart/form-data; boundary=x", "--x--", null),
                        OAuthError.INVALID_REQUEST, "content_type"),
                row("D27 10 MB body", () -> new Attempt("application/x-www-form-urlencoded", "a=" + "x".repeat(10_000_000), null),
                        OAuthError.INVALID_REQUEST, "body_too_large"),
                row("D27 16 000 parameters within the size cap", () -> new Attempt("application/x-www-form-urlencoded", "a=1&".repeat(16_000), null),
                        OAuthError.INVALID_REQUEST, "too_many_parameters"),
                row("D28 Basic plus body secret", () -> Attempt.form(withBodySecret(signed(claims())), basic(TestClients.CLIENT_ID, SECRET)),
                        OAuthError.INVALID_REQUEST, "credentials_twice"),
                row("D29 Basic credentials that are not base64", () -> Attempt.form(grantForm(signed(claims())), "Basic !!!"),
                        OAuthError.INVALID_CLIENT, "basic_malformed"),
                row("D30 unknown grant_type", () -> Attempt.form(Map.of("grant_type", "password", "assertion", "a"), null),
                        OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type_unsupported"),
                row("D30 grant_type in another letter case", () -> Attempt.form(Map.of("grant_type",
                        JwtBearerGrant.GRANT_TYPE.toUpperCase(), "assertion", "a"), null),
                        OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type_unsupported"),
                row("D30 grant_type missing", () -> Attempt.form(Map.of("assertion", "a"), null), OAuthError.INVALID_REQUEST, "grant_type_missing"),
                row("D30 scope the client does not have", () -> Attempt.form(withScope(signed(claims()), "admin"),
                        basic(TestClients.CLIENT_ID, SECRET)), OAuthError.INVALID_SCOPE, "scope_not_allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void hostileRequestIsRefusedWithItsCodeAndNothingIsIssuedOrUsedUp(String id, Supplier<Attempt> attempt, OAuthError error,
                                                                    String reason) {
        OAuthException refused = assertThrows(OAuthException.class, () -> send(attempt.get()), id);

        assertEquals(error, refused.error(), refused.description());
        assertEquals(reason, refused.reason(), refused.description());
        assertTrue(harness.usedJtis.isEmpty(), "a refused request uses up no jti");
        assertTrue(harness.issuedFor.isEmpty(), "a refused request issues nothing");
        assertTrue(refused.description().chars().allMatch(ch -> ch == 0x20 || ch == 0x21 || (ch >= 0x23 && ch <= 0x5B)
                || (ch >= 0x5D && ch <= 0x7E)), "error_description outside RFC 6749's characters: " + refused.description());
    }

    @Test
    void validRequestOfTheTableIsIssued() {
        // The table's rows change one thing each from this request; it must pass, or the rows prove nothing.
        assertEquals("token-for-abel.tuter", send(Attempt.grant(signed(claims()))).accessToken());
    }

    @Test
    void c20SameAssertionTwiceIsOneToken() {
        String assertion = signed(claims());
        send(Attempt.grant(assertion));

        OAuthException replay = assertThrows(OAuthException.class, () -> send(Attempt.grant(assertion)));

        assertEquals("jti_replayed", replay.reason());
        assertEquals(List.of("abel.tuter"), harness.issuedFor);
    }

    @Test
    void a14WeakKeysAreRefusedAtRegistration() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String weak = Pem.encode("PUBLIC KEY", generator.generateKeyPair().getPublic().getEncoded());

        assertThrows(KeyMaterialException.class, () -> new ClientDefinition.KeyDefinition("k", VerifierKeyEntity.Format.PUBLIC_KEY, weak));
    }

    private TokenResult send(Attempt attempt) {
        byte[] body = attempt.body().getBytes(StandardCharsets.UTF_8);
        FormParameters form = FormParameters.read(new ByteArrayInputStream(body), headers(attempt.contentType()));
        return harness.handle(TokenRequestReader.read(form, attempt.authorization(), GrantHarness.NOW));
    }

    /** The one request header the form reader looks at; any other it asked for (its Content-Length) would fail the test. */
    private static HttpHeaders headers(String contentType) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> HttpHeaders.CONTENT_TYPE.equalsIgnoreCase((String) args[0]) ? contentType : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    // ---- assertions and their mutations

    private static JwtClaims claims() {
        return claims(c -> { });
    }

    private static JwtClaims claims(java.util.function.Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestClients.CLIENT_ID);
        claims.setSubject("abel.tuter");
        claims.setAudience(TestClients.TOKEN_ENDPOINT);
        claims.setIssuedAt(at(0));
        claims.setExpirationTime(at(120));
        claims.setGeneratedJwtId();
        change.accept(claims);
        return claims;
    }

    private static NumericDate at(long secondsFromNow) {
        return NumericDate.fromSeconds(GrantHarness.NOW.getEpochSecond() + secondsFromNow);
    }

    private static String signed(JwtClaims claims) {
        return signedBy(TestClients.KEY, "k1", claims);
    }

    private static String signedBy(KeyPair key, String kid, JwtClaims claims) {
        return sign(Map.of(HeaderParameterNames.KEY_ID, kid), claims.toJson(), key.getPrivate(), "RS256");
    }

    private static String signedWithKid(String kid) {
        return signedBy(TestClients.KEY, kid, claims());
    }

    private static String signedTyped(String typ) {
        return sign(Map.of(HeaderParameterNames.KEY_ID, "k1", HeaderParameterNames.TYPE, typ), claims().toJson(),
                TestClients.KEY.getPrivate(), "RS256");
    }

    private static String signedPayload(String payload) {
        return sign(Map.of(HeaderParameterNames.KEY_ID, "k1"), payload, TestClients.KEY.getPrivate(), "RS256");
    }

    private static String signedWithHeader(String name, Object value) {
        return signedWithHeaders(Map.of(name, value));
    }

    private static String signedWithHeaders(Map<String, Object> extra) {
        Map<String, Object> headers = new LinkedHashMap<>(extra);
        headers.put(HeaderParameterNames.KEY_ID, "k1");
        return sign(headers, claims().toJson(), TestClients.KEY.getPrivate(), "RS256");
    }

    private static String attackerSignedWithX5c() {
        KeyPair attacker = generate("RSA");
        // The chain's content does not matter: x5c never supplies a key. No kid, so the client's one key is tried.
        return sign(Map.of(HeaderParameterNames.X509_CERTIFICATE_CHAIN, List.of(Base64.getEncoder().encodeToString(
                attacker.getPublic().getEncoded()))), claims().toJson(), attacker.getPrivate(), "RS256");
    }

    private static String ecSigned() {
        return sign(Map.of(HeaderParameterNames.KEY_ID, "ec-k"), claims(c -> c.setIssuer(EC_CLIENT)).toJson(), EC_KEY.getPrivate(), "ES256");
    }

    private static String hmac(String alg, byte[] secret) {
        return sign(Map.of(), claims().toJson(), new HmacKey(secret), alg);
    }

    private static String sign(Map<String, Object> headers, String payload, Key key, String alg) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(alg);
        headers.forEach((name, value) -> jws.getHeaders().setObjectHeaderValue(name, value));
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(String alg) {
        return raw("{\"alg\":\"" + alg + "\"}", claims().toJson(), "");
    }

    private static String raw(String header, String payload, String signature) {
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private static String withoutSignature(String jws) {
        return jws.substring(0, jws.lastIndexOf('.') + 1);
    }

    private static String replaceSignature(String jws, byte[] signature) {
        return withoutSignature(jws) + b64(signature);
    }

    private static String truncateSignature(String jws, int bytes) {
        return replaceSignature(jws, java.util.Arrays.copyOf(signatureOf(jws), bytes));
    }

    private static String extendSignature(String jws) {
        byte[] signature = signatureOf(jws);
        return replaceSignature(jws, java.util.Arrays.copyOf(signature, signature.length + 1));
    }

    private static byte[] signatureOf(String jws) {
        return Base64.getUrlDecoder().decode(jws.substring(jws.lastIndexOf('.') + 1));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> withBodySecret(String assertion) {
        Map<String, String> form = grantForm(assertion);
        form.put("client_secret", SECRET);
        return form;
    }

    private static Map<String, String> withScope(String assertion, String scope) {
        Map<String, String> form = grantForm(assertion);
        form.put("scope", scope);
        return form;
    }

    private static Map<String, String> withClientAssertion(String assertion, String clientAssertion) {
        Map<String, String> form = grantForm(assertion);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", clientAssertion);
        return form;
    }

    private static RegisteredClient client(String clientId, Optional<String> secretHash, VerifierKey key) {
        return new RegisteredClient(clientId, clientId, secretHash, secretHash.isEmpty(), UserField.USER_NAME, Set.of(clientId),
                Set.of(clientId, TestClients.TOKEN_ENDPOINT), Duration.ofSeconds(300), Duration.ofSeconds(60), true,
                Duration.ofSeconds(1800), Set.of("useraccount"), Set.copyOf(SignatureAlgorithms.ASYMMETRIC),
                List.of(key), List.of(), true, Optional.empty(), Optional.empty());
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
