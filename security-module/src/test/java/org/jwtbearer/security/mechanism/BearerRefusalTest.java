package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BearerRefusalTest {

    @Test
    void invalidTokenThen401WithCodeAndServiceNowEnvelope() {
        BearerRefusal refusal = BearerRefusal.invalidToken("The access token expired");
        assertEquals(401, refusal.status());
        assertEquals("Bearer realm=\"r\", error=\"invalid_token\", error_description=\"The access token expired\"", refusal.challenge("r"));
        assertEquals("{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}",
                FailureResponse.envelope(refusal.message(), refusal.detail()));
    }

    @Test
    void invalidRequestThen400NamingTheProblem() {
        BearerRefusal refusal = BearerRefusal.invalidRequest("two headers");
        assertEquals(400, refusal.status());
        assertEquals("Bearer realm=\"r\", error=\"invalid_request\", error_description=\"two headers\"", refusal.challenge("r"));
        assertEquals("two headers", refusal.detail());
    }
}
