package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;

class FormParametersTest {

    @Test
    void parseWhenEncodedThenDecoded() {
        FormParameters form = FormParameters.parse("grant_type=urn%3Aietf%3Aparams&scope=a+b&x=%C3%A9");
        assertEquals(Optional.of("urn:ietf:params"), form.get("grant_type"));
        assertEquals(Optional.of("a b"), form.get("scope"));
        assertEquals(Optional.of("é"), form.get("x"));
    }

    @Test
    void parseWhenParameterRepeatedThenInvalidRequest() {
        OAuthException e = assertThrows(OAuthException.class, () -> FormParameters.parse("assertion=a&assertion=b"));
        assertEquals(OAuthError.INVALID_REQUEST, e.error());
        assertEquals("parameter_repeated", e.reason());
    }

    @Test
    void parseWhenRepeatedEvenIfEmptyThenInvalidRequest() {
        assertThrows(OAuthException.class, () -> FormParameters.parse("grant_type=&grant_type=x"));
    }

    @Test
    void parseWhenValueEmptyThenTreatedAsOmitted() {
        assertTrue(FormParameters.parse("scope=&assertion").get("scope").isEmpty());
        assertTrue(FormParameters.parse("scope=&assertion").get("assertion").isEmpty());
    }

    @Test
    void parseWhenBadPercentEncodingThenInvalidRequest() {
        assertEquals("form_malformed", assertThrows(OAuthException.class, () -> FormParameters.parse("a=%zz")).reason());
    }

    @Test
    void parseWhenTooManyParametersThenInvalidRequest() {
        String body = "p=1" + "&x".repeat(FormParameters.MAX_PARAMETERS);
        assertEquals("too_many_parameters", assertThrows(OAuthException.class, () -> FormParameters.parse(body)).reason());
    }
}
