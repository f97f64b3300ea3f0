package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenLocationsTest {

    @Test
    void defaultsThenAuthorizationHeaderOnly() {
        assertTrue(TokenLocations.DEFAULT.authorizationHeader());
        assertFalse(TokenLocations.DEFAULT.queryParameter());
        assertFalse(TokenLocations.DEFAULT.formParameter());
        assertEquals("Bearer", TokenLocations.DEFAULT.cookie());
    }

    @Test
    void headerNamesMatchWithoutCase() {
        assertTrue(new TokenLocations("authorization", "Bearer", false, false).authorizationHeader());
        assertTrue(new TokenLocations("COOKIE", "Bearer", false, false).inCookie());
    }

    @Test
    void blankHeaderOrCookieThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenLocations(" ", "Bearer", false, false));
        assertThrows(IllegalArgumentException.class, () -> new TokenLocations("Cookie", "", false, false));
    }
}
