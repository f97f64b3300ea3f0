package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.jwtbearer.security.token.VerifiedAccessToken;

/** The RFC 7662 §2.2 description of an active token: the standard members, typed, and nothing else of the token. */
class IntrospectionEndpointTest {

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://issuer.example.com");
        claims.put("sub", "0123456789abcdef0123456789abcdef");
        claims.put("aud", "https://issuer.example.com/api");
        claims.put("client_id", "client-a");
        claims.put("scope", "useraccount");
        claims.put("iat", 1000L);
        claims.put("exp", 2800L);
        claims.put("jti", "jti-1");
        claims.put("groups", List.of("itil"));
        claims.put("upn", "abel.tuter");
        return claims;
    }

    @Test
    void describeWhenActiveThenStandardMembersWithTheirJsonTypes() {
        JsonObject answer = IntrospectionEndpoint.describe(new VerifiedAccessToken("raw", claims()));

        assertTrue(answer.getBoolean("active"));
        assertEquals("useraccount", answer.getString("scope"));
        assertEquals("client-a", answer.getString("client_id"));
        assertEquals("abel.tuter", answer.getString("username"));
        assertEquals("Bearer", answer.getString("token_type"));
        assertEquals(2800L, answer.getJsonNumber("exp").longValue());
        assertEquals(1000L, answer.getJsonNumber("iat").longValue());
        assertEquals("https://issuer.example.com/api", answer.getString("aud"));
        assertEquals("jti-1", answer.getString("jti"));
        assertFalse(answer.containsKey("nbf"));
        assertFalse(answer.containsKey("groups"));
    }

    @Test
    void describeWhenSeveralAudiencesThenArray() {
        Map<String, Object> claims = claims();
        claims.put("aud", List.of("https://b.example.com", "https://a.example.com"));
        claims.put("nbf", 999L);

        JsonObject answer = IntrospectionEndpoint.describe(new VerifiedAccessToken("raw", claims));

        assertEquals(2, answer.getJsonArray("aud").size());
        assertEquals(999L, answer.getJsonNumber("nbf").longValue());
    }
}
