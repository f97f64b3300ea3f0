package org.jwtbearer.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

/**
 * The token endpoint's refusal of an assertion: 400 {@code invalid_grant} with a given
 * {@code error_description}. The description is what tells a replay from an unverifiable assertion, so both
 * are checked.
 */
public final class TokenRefusals {

    private TokenRefusals() {
    }

    public static void assertRefused(HttpResponse<String> response, String description, String where) {
        assertTrue(refusedWith(response.statusCode(), response.body(), description),
                where + ": expected 400 invalid_grant \"" + description + "\", got " + response.statusCode() + " " + response.body());
    }

    public static boolean refusedWith(Exchange exchange, String description) {
        return exchange.answered() && refusedWith(exchange.status(), exchange.body(), description);
    }

    public static boolean refusedWith(int status, String body, String description) {
        if (status != 400) {
            return false;
        }
        return "invalid_grant".equals(Exchange.member(body, "error")) && description.equals(Exchange.member(body, "error_description"));
    }
}
