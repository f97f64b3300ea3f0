package org.jwtbearer.issuer.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;
import java.math.BigInteger;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.client.ClientDefinition;
import org.jwtbearer.issuer.client.UserField;

class BootstrapDocumentTest {

    private static String jwk(int bits, int exponent) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(exponent)));
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(generator.generateKeyPair().getPublic());
        jwk.setKeyId("k1");
        return JsonUtil.toJson(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    private static String document(String clientFields) {
        return "{\"clients\":[{\"client_id\":\"c1\"" + clientFields + "}],"
                + "\"users\":[{\"user_name\":\"abel.tuter\",\"name\":\"Abel Tuter\",\"email\":\"abel@example.com\",\"roles\":[\"itil\"]}]}";
    }

    @Test
    void parseWhenMinimalThenDefaultsApplied() throws Exception {
        BootstrapDocument doc = BootstrapDocument.parse(document(",\"verifier_keys\":[{\"jwk\":" + jwk(2048, 65537) + "}]"));

        ClientDefinition client = doc.clients().get(0);
        assertEquals(List.of("c1"), client.acceptedIssuers());
        assertTrue(client.acceptedAudiences().isEmpty(), "empty means the computed defaults");
        assertEquals(300, client.maxAssertionLifetime());
        assertEquals(60, client.clockSkew());
        assertEquals(1800, client.accessTokenLifespan());
        assertEquals(List.of("useraccount"), client.scopes());
        assertEquals(UserField.USER_NAME, client.userField());
        assertTrue(client.requireJti());
        assertEquals("k1", client.verifierKeys().get(0).kid());
        assertEquals(List.of("itil"), doc.users().get(0).roles());
        assertEquals("Abel Tuter", doc.users().get(0).name());
    }

    @Test
    void parseWhenWeakKeyThenRefusedNamingTheKey() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BootstrapDocument.parse(document(",\"verifier_keys\":[{\"jwk\":" + jwk(1024, 65537) + "}]")));
        assertTrue(e.getMessage().startsWith("clients[0].verifier_keys[0]") && e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void parseWhenUnknownFieldThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BootstrapDocument.parse(document(",\"acepted_issuers\":[\"x\"]")));
        assertTrue(e.getMessage().contains("acepted_issuers"), e.getMessage());
    }

    @Test
    void parseWhenInvalidSettingsThenRefusedWithField() {
        for (String fields : List.of(",\"algorithms\":[\"none\"]", ",\"algorithms\":[\"HS256\"]", ",\"algorithms\":[]",
                ",\"user_field\":\"phone\"", ",\"max_assertion_lifetime\":0", ",\"clock_skew\":-1",
                ",\"public\":true,\"client_secret\":\"x\"", ",\"verifier_keys\":[{\"kid\":\"k\"}]",
                ",\"verifier_keys\":[{\"certificate\":\"not a pem\"}]", ",\"max_assertion_lifetime\":\"300\"",
                ",\"claim_validations\":[{\"claim\":\"t\"}]", ",\"claim_validations\":[{\"claim\":\"t\",\"values\":[]}]",
                ",\"claim_validations\":[{\"claim\":\"t\",\"value\":\"a\",\"values\":[\"b\"]}]",
                ",\"jwks_uri\":\"file:///etc/passwd\"", ",\"jwks_uri\":\"http://keys.example.com/jwks\"",
                ",\"jwks_uri\":\"https://example.com/jwks\",\"verifier_keys\":[{\"public_key\":\"x\"}]",
                ",\"clock_skew\":1e30", ",\"max_assertion_lifetime\":1e999999999", ",\"access_token_lifespan\":-1e999999999",
                ",\"verifier_keys\":[{\"jwk\":{\"kty\":\"RSA\",\"n\":5,\"e\":[\"AQAB\"]}}]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BootstrapDocument.parse(document(fields)), fields);
            assertTrue(e.getMessage().startsWith("clients[0]"), e.getMessage());
            assertFalse(e.getMessage().contains("java."), "the admin API shows this message: " + e.getMessage());
        }
    }

    @Test
    void parseWhenSecondsTooLargeThenRefusedWithFieldInsteadOfOverflowing() {
        // Found by BootstrapFileFuzzTest: 10^20 made longValueExact throw ArithmeticException (a 500 at the admin API);
        // a value that fits a long but not time arithmetic would overflow exp + clock_skew at every token request.
        for (String field : List.of("max_assertion_lifetime", "clock_skew", "access_token_lifespan")) {
            for (String seconds : List.of("100000000000000000000", "9223372036854775807", "315360001")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> BootstrapDocument.parse(document(",\"" + field + "\":" + seconds)), field + " " + seconds);
                assertEquals(IllegalArgumentException.class, e.getClass());
                assertTrue(e.getMessage().startsWith("clients[0]") && e.getMessage().contains(field), e.getMessage());
            }
        }
        assertEquals(315_360_000L, BootstrapDocument.parse(document(",\"access_token_lifespan\":315360000")).clients().get(0)
                .accessTokenLifespan());
    }

    @Test
    void parseWhenAStringHoldsNulThenRefusedWithField() {
        // PostgreSQL refuses U+0000 in text with an error (MutationIT: a 500 at the admin API): it never gets that far.
        for (String fields : List.of(",\"name\":\"a\\u0000\"", ",\"scopes\":[\"useraccount\",\"\\u0000\"]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BootstrapDocument.parse(document(fields)), fields);
            assertTrue(e.getMessage().startsWith("clients[0]") && e.getMessage().contains("U+0000"), e.getMessage());
        }
    }

    @Test
    void parseWhenAValueIsLongerThanItsColumnThenRefusedWithField() {
        // MutationIT: a client name of 70,000 characters was "value too long for type character varying(255)", a 500.
        String x256 = "x".repeat(256);
        String x1025 = "x".repeat(1025);
        for (String fields : List.of(",\"name\":\"" + x256 + "\"", ",\"scopes\":[\"" + x256 + "\"]",
                ",\"accepted_issuers\":[\"" + x1025 + "\"]", ",\"accepted_audiences\":[\"" + x1025 + "\"]",
                ",\"claim_validations\":[{\"claim\":\"" + x256 + "\",\"value\":\"v\"}]",
                ",\"claim_validations\":[{\"claim\":\"c\",\"value\":\"" + x1025 + "\"}]",
                ",\"verifier_keys\":[{\"kid\":\"" + x256 + "\",\"public_key\":\"x\"}]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BootstrapDocument.parse(document(fields)), fields);
            assertTrue(e.getMessage().startsWith("clients[0]") && e.getMessage().contains("longer than"), e.getMessage());
        }
    }

    @Test
    void parseWhenClaimValidationHasSeveralValuesThenOneRulePerAlternative() {
        ClientDefinition client = BootstrapDocument.parse(document(
                ",\"claim_validations\":[{\"claim\":\"tenant\",\"value\":\"acme\"},{\"claim\":\"region\",\"values\":[\"eu\",\"us\"]}]"))
                .clients().get(0);

        assertEquals(List.of("tenant=acme", "region=eu", "region=us"),
                client.claimValidations().stream().map(v -> v.claim() + "=" + v.value()).toList());
    }

    @Test
    void parseWhenJwksUriThenKeptForTheClient() {
        ClientDefinition client = BootstrapDocument.parse(document(",\"jwks_uri\":\"https://keys.example.com/jwks\"")).clients().get(0);
        assertEquals(java.util.Optional.of("https://keys.example.com/jwks"), client.jwksUri());
        assertTrue(client.verifierKeys().isEmpty());
    }

    @Test
    void parseWhenJwksUriWithVerifierKeysThenRefusedNamingBoth() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BootstrapDocument.parse(document(
                ",\"jwks_uri\":\"https://keys.example.com/jwks\",\"verifier_keys\":[{\"jwk\":" + jwk(2048, 65537) + "}]")));
        assertTrue(e.getMessage().contains("jwks_uri") && e.getMessage().contains("verifier_keys"), e.getMessage());
    }

    @Test
    void parseWhenNotJsonOrClientIdMissingThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> BootstrapDocument.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> BootstrapDocument.parse("{\"clients\":[{\"name\":\"x\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> BootstrapDocument.parse("{\"users\":[{\"user_name\":\"u\",\"sys_id\":\"XYZ\"}]}"));
    }

    @Test
    void parseWhenNestedTooDeepOrTextAfterTheObjectThenRefusedSayingSo() {
        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
                () -> BootstrapDocument.parse("{\"clients\":" + "[".repeat(1200) + "]".repeat(1200) + "}"));
        assertTrue(deep.getMessage().contains("nested deeper than 32"), deep.getMessage());
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class, () -> BootstrapDocument.parse("{\"clients\":[]} x"));
        assertTrue(trailing.getMessage().contains("text after the end"), trailing.getMessage());
    }
}
