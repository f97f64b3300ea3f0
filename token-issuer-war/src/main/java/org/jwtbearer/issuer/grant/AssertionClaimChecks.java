package org.jwtbearer.issuer.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jwtbearer.issuer.client.ClaimValidation;
import org.jwtbearer.issuer.client.RegisteredClient;

/**
 * The claim rules of RFC 7523 §3 as this product applies them (SPEC §2 rules 2–7), run on an assertion
 * whose signature has already verified. Every rule runs and every failure is reported, so a client learns
 * all it has to fix at once. The replay check is not here: it writes, and runs only once all these passed.
 */
final class AssertionClaimChecks {

    /** One rule; empty when it holds. */
    @FunctionalInterface
    interface Check {
        Optional<ClaimFailure> apply(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException;
    }

    /** 9999-12-31T23:59:59Z: the latest time the rules take at face value. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    static final String TIME_RANGE = "must be a time in seconds since 1970, before the year 10000";

    /** A jti is stored hashed, but it travels in logs and forms: longer than this is refused. */
    static final int MAX_JTI_LENGTH = 1024;

    static final List<Check> CHECKS = List.of(
            AssertionClaimChecks::issuer,
            AssertionClaimChecks::subject,
            AssertionClaimChecks::audience,
            AssertionClaimChecks::expiry,
            AssertionClaimChecks::lifetime,
            AssertionClaimChecks::issuedAt,
            AssertionClaimChecks::notBefore,
            AssertionClaimChecks::jwtId,
            AssertionClaimChecks::claimValidations);

    private AssertionClaimChecks() {
    }

    static List<ClaimFailure> run(RegisteredClient client, JwtClaims claims, Instant now) {
        List<ClaimFailure> failures = new ArrayList<>();
        for (Check check : CHECKS) {
            ClaimFailure failure;
            try {
                failure = check.apply(client, claims, now.getEpochSecond()).orElse(null);
            } catch (MalformedClaimException e) {
                // The exception's message names Java classes; the client hears which claim and what it must be.
                failure = ClaimTypes.wrongTypes(claims)
                        .orElse(new ClaimFailure("claim_malformed", "The assertion has a claim of the wrong type"));
            }
            // Two rules reading the same malformed claim report it once.
            if (failure != null && !failures.contains(failure)) {
                failures.add(failure);
            }
        }
        return failures;
    }

    static Optional<ClaimFailure> issuer(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        String iss = claims.getIssuer();
        if (iss == null || iss.isEmpty()) {
            return fail("iss_missing", "The assertion has no iss claim");
        }
        if (!client.acceptedIssuers().contains(iss)) {
            return fail("iss_not_accepted", "The assertion's iss is not an accepted issuer for this client");
        }
        return Optional.empty();
    }

    static Optional<ClaimFailure> subject(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        String sub = claims.getSubject();
        return sub == null || sub.isBlank() ? fail("sub_missing", "The assertion has no sub claim") : Optional.empty();
    }

    /** Exact string comparison: no normalisation of case or trailing slashes (RFC 7523 §3, point 3). */
    static Optional<ClaimFailure> audience(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        if (!claims.hasAudience() || claims.getAudience().isEmpty()) {
            return fail("aud_missing", "The assertion has no aud claim");
        }
        if (claims.getAudience().stream().noneMatch(client.acceptedAudiences()::contains)) {
            return fail("aud_not_accepted", "The assertion's aud does not name this token endpoint; expected one of: "
                    + String.join(", ", client.acceptedAudiences().stream().sorted().toList()));
        }
        return Optional.empty();
    }

    static Optional<ClaimFailure> expiry(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        NumericDate exp = claims.getExpirationTime();
        if (exp == null) {
            return fail("exp_missing", "The assertion has no exp claim");
        }
        if (exp.getValue() <= 0 || !inRange(exp)) {
            return fail("exp_malformed", "The assertion's exp " + TIME_RANGE);
        }
        if (exp.getValue() + client.clockSkew().toSeconds() <= now) {
            return fail("expired", "The assertion expired " + (now - exp.getValue()) + " seconds ago");
        }
        return Optional.empty();
    }

    /** Both exp − iat and exp − now are bounded: an old iat cannot stretch an assertion's life. */
    static Optional<ClaimFailure> lifetime(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        NumericDate exp = claims.getExpirationTime();
        NumericDate iat = claims.getIssuedAt();
        if (exp == null || !inRange(exp) || (iat != null && !inRange(iat))) {
            return Optional.empty(); // reported by the rule of the claim that is missing or out of range
        }
        long max = client.maxAssertionLifetime().toSeconds();
        long fromIssue = exp.getValue() - (iat != null ? iat.getValue() : now);
        long fromNow = exp.getValue() - now;
        if (fromIssue > max || fromNow > max) {
            return fail("lifetime_too_long", "The assertion is valid for " + Math.max(fromIssue, fromNow)
                    + " seconds; at most " + max + " are allowed");
        }
        return Optional.empty();
    }

    static Optional<ClaimFailure> issuedAt(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        NumericDate iat = claims.getIssuedAt();
        if (iat != null && !inRange(iat)) {
            return fail("iat_malformed", "The assertion's iat " + TIME_RANGE);
        }
        if (iat != null && iat.getValue() - client.clockSkew().toSeconds() > now) {
            return fail("iat_future", "The assertion's iat is in the future");
        }
        return Optional.empty();
    }

    static Optional<ClaimFailure> notBefore(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        NumericDate nbf = claims.getNotBefore();
        if (nbf != null && !inRange(nbf)) {
            return fail("nbf_malformed", "The assertion's nbf " + TIME_RANGE);
        }
        if (nbf != null && nbf.getValue() - client.clockSkew().toSeconds() > now) {
            return fail("nbf_future", "The assertion is not valid yet (nbf)");
        }
        return Optional.empty();
    }

    /**
     * A NumericDate the rules can compute with. Beyond it, a number has lost its value on the way to a long
     * (1e300 becomes Long.MAX_VALUE) and any difference would overflow into nonsense.
     */
    private static boolean inRange(NumericDate date) {
        return date.getValue() >= 0 && date.getValue() <= MAX_NUMERIC_DATE;
    }

    static Optional<ClaimFailure> jwtId(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        String jti = claims.getJwtId();
        if (jti == null || jti.isEmpty()) {
            return client.requireJti() ? fail("jti_missing", "The assertion has no jti claim") : Optional.empty();
        }
        if (jti.length() > MAX_JTI_LENGTH) {
            return fail("jti_too_long", "The assertion's jti is longer than " + MAX_JTI_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /**
     * Every claim the client validates must hold one of the values registered for it: validations of
     * different claims must all hold, several values of one claim are alternatives. Only a scalar claim can
     * match — an array holding the value is not the value.
     */
    static Optional<ClaimFailure> claimValidations(RegisteredClient client, JwtClaims claims, long now) {
        Map<String, Set<String>> accepted = new TreeMap<>();
        for (ClaimValidation rule : client.claimValidations()) {
            accepted.computeIfAbsent(rule.claim(), claim -> new HashSet<>()).add(rule.value());
        }
        for (Map.Entry<String, Set<String>> rule : accepted.entrySet()) {
            Object value = claims.getClaimValue(rule.getKey());
            boolean scalar = value instanceof String || value instanceof Number || value instanceof Boolean;
            if (!scalar || !rule.getValue().contains(String.valueOf(value))) {
                return fail("claim_validation_failed", "The assertion's claim '" + rule.getKey()
                        + (rule.getValue().size() == 1 ? "' does not have the value this client requires"
                                                       : "' does not have one of the values this client accepts"));
            }
        }
        return Optional.empty();
    }

    private static Optional<ClaimFailure> fail(String reason, String description) {
        return Optional.of(new ClaimFailure(reason, description));
    }
}
