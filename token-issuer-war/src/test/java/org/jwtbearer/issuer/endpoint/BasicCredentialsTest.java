package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;

class BasicCredentialsTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parseWhenFormEncodedInsideThenDecoded() {
        BasicCredentials credentials = BasicCredentials.parse(basic("my%3Aclient:p%40ss+word")).orElseThrow();
        assertEquals("my:client", credentials.clientId());
        assertEquals("p@ss word", credentials.secret());
    }

    @Test
    void parseWhenSchemeInOtherCaseThenAccepted() {
        assertTrue(BasicCredentials.parse("basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8))).isPresent());
    }

    @Test
    void parseWhenAbsentOrBearerThenEmpty() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
    }

    @Test
    void parseWhenMalformedThenInvalidClient() {
        for (String header : new String[] {"Basic", "Basic !!!", basic("no-colon"), basic(":secret-without-id")}) {
            OAuthException e = assertThrows(OAuthException.class, () -> BasicCredentials.parse(header), header);
            assertEquals(OAuthError.INVALID_CLIENT, e.error());
        }
    }
}
