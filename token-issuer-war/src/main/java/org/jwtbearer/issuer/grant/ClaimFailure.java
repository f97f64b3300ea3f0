package org.jwtbearer.issuer.grant;

/** One assertion rule that did not hold: a stable reason code and a description fit for the client. */
public record ClaimFailure(String reason, String description) {
}
