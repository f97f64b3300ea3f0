package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {

    @Test
    void missingWhenNoCredentialsThenRealmOnly() {
        assertEquals("Bearer realm=\"api\"", BearerChallenge.missing("api"));
    }

    @Test
    void errorWhenInvalidTokenThenCodeAndDescription() {
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"",
                BearerChallenge.error("api", "invalid_token", "The access token expired"));
    }

    @Test
    void insufficientScopeThenScopeAttribute() {
        assertEquals("Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"need it\", scope=\"useraccount\"",
                BearerChallenge.insufficientScope("api", "useraccount", "need it"));
    }

    @Test
    void quotedWhenValueWouldBreakTheHeaderThenReplaced() {
        assertEquals("a?b?c?d?", BearerChallenge.quoted("a\"b\\c\r\nd".replace("\r\n", "\n") + "é"));
    }
}
