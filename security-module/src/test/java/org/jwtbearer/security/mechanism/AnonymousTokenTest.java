package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** MicroProfile JWT's empty token: nobody, with nothing to say, distinguishable from a token with few claims. */
class AnonymousTokenTest {

    @Test
    void whenAskedAnythingThenNull() {
        JsonWebToken anonymous = AnonymousToken.INSTANCE;

        assertNull(anonymous.getName());
        assertNull(anonymous.getClaimNames());
        assertNull(anonymous.getClaim(""));
        assertNull(anonymous.getClaim("sub"));
        assertNull(anonymous.getRawToken());
        assertNull(anonymous.getGroups());
        assertFalse(anonymous.containsClaim("sub"));
    }
}
