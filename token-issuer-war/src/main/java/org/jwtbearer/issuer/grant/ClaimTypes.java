package org.jwtbearer.issuer.grant;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jose4j.jwt.JwtClaims;

/**
 * Which registered claims of an assertion have a JSON type RFC 7519 does not allow, said in the request's
 * terms. The claims library only says that a cast failed, naming Java classes; a client needs to hear which
 * claim, and what it must be.
 */
final class ClaimTypes {

    private static final List<String> STRINGS = List.of("iss", "sub", "jti");
    private static final List<String> NUMERIC_DATES = List.of("exp", "nbf", "iat");

    private ClaimTypes() {
    }

    /** One failure naming every registered claim of the wrong type; empty when all present ones are fine. */
    static Optional<ClaimFailure> wrongTypes(JwtClaims claims) {
        List<String> problems = new ArrayList<>();
        for (String name : STRINGS) {
            Object value = claims.getClaimValue(name);
            if (value != null && !(value instanceof String)) {
                problems.add(name + " must be a string");
            }
        }
        Object aud = claims.getClaimValue("aud");
        if (aud != null && !(aud instanceof String) && !(aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            problems.add("aud must be a string or an array of strings");
        }
        for (String name : NUMERIC_DATES) {
            Object value = claims.getClaimValue(name);
            if (value != null && !(value instanceof Number)) {
                problems.add(name + " must be a number of seconds since 1970");
            } else if (value instanceof BigInteger) {
                // The claims library refuses integers beyond a long itself, with a message of its own.
                problems.add(name + " " + AssertionClaimChecks.TIME_RANGE);
            }
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(new ClaimFailure("claim_malformed", "The assertion's " + String.join("; ", problems)));
    }
}
