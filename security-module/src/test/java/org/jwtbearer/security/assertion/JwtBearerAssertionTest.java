package org.jwtbearer.security.assertion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.jose.CompactJws;

class JwtBearerAssertionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void signWhenBuiltThenRfc7523ClaimsSignedAndTypedJwt() throws Exception {
        JwtBearerAssertion assertion = JwtBearerAssertion.builder().issuer("client").subject("abel.tuter")
                .audience("https://example.com/oauth_token.do").lifetime(Duration.ofSeconds(120)).claim("tenant", "acme").build();

        String signed = assertion.sign(TestKeys.signing(TestKeys.RSA, "k1", null), CLOCK);

        CompactJws jws = CompactJws.parse(signed, 16 * 1024);
        jws.verify(TestKeys.RSA.getPublic(), Set.of("RS256"));
        assertEquals("JWT", jws.type());
        assertEquals("k1", jws.keyHints().kid());
        JwtClaims claims = JwtClaims.parse(jws.payload());
        assertEquals("client", claims.getIssuer());
        assertEquals("abel.tuter", claims.getSubject());
        assertEquals(List.of("https://example.com/oauth_token.do"), claims.getAudience());
        assertEquals(120, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertEquals("acme", claims.getClaimValue("tenant"));
    }

    @Test
    void signWhenCalledTwiceThenFreshJti() throws Exception {
        JwtBearerAssertion assertion = JwtBearerAssertion.builder().issuer("c").subject("s").audience("a").build();
        SigningKey key = TestKeys.signing(TestKeys.EC_P256, "e", null);
        String first = JwtClaims.parse(CompactJws.parse(assertion.sign(key, CLOCK), 16384).payload()).getJwtId();
        String second = JwtClaims.parse(CompactJws.parse(assertion.sign(key, CLOCK), 16384).payload()).getJwtId();
        assertNotEquals(first, second);
    }

    @Test
    void buildWhenRequiredClaimMissingThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> JwtBearerAssertion.builder().subject("s").audience("a").build());
        assertThrows(IllegalArgumentException.class, () -> JwtBearerAssertion.builder().issuer("i").subject("s").build());
        assertThrows(IllegalArgumentException.class, () -> JwtBearerAssertion.builder().lifetime(Duration.ZERO));
    }

    @Test
    void defaultAlgorithmFollowsTheKey() {
        assertEquals("RS256", TestKeys.signing(TestKeys.RSA, null, null).algorithm());
        assertEquals("ES256", TestKeys.signing(TestKeys.EC_P256, null, null).algorithm());
        assertEquals("ES384", TestKeys.signing(TestKeys.EC_P384, null, null).algorithm());
        assertEquals("EdDSA", TestKeys.signing(TestKeys.ED25519, null, null).algorithm());
    }
}
