package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtbearer.issuer.client.ClaimValidation;
import org.jwtbearer.issuer.client.RegisteredClient;

/**
 * SPEC §2 rules 2–7 as a table: each row changes one thing in a valid assertion and names the one reason it
 * must fail with. Taking a check out of {@link AssertionClaimChecks#CHECKS} fails its rows.
 */
class AssertionClaimChecksTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final RegisteredClient CLIENT = TestClients.registered(List.of(
            new ClaimValidation("tenant", "acme"), new ClaimValidation("region", "eu"), new ClaimValidation("region", "us")));

    private static JwtClaims valid() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestClients.CLIENT_ID);
        claims.setSubject("abel.tuter");
        claims.setAudience(TestClients.TOKEN_ENDPOINT);
        claims.setIssuedAt(NumericDate.fromSeconds(T));
        claims.setExpirationTime(NumericDate.fromSeconds(T + 120));
        claims.setJwtId("jti-1");
        claims.setClaim("tenant", "acme");
        claims.setClaim("region", "eu");
        return claims;
    }

    private static Arguments row(String name, Consumer<JwtClaims> change, String reason) {
        return Arguments.of(name, change, reason);
    }

    static Stream<Arguments> mutations() {
        return Stream.of(
                row("iss missing", c -> c.unsetClaim("iss"), "iss_missing"),
                row("iss of another client", c -> c.setIssuer("other-client"), "iss_not_accepted"),
                row("iss differs in case", c -> c.setIssuer(TestClients.CLIENT_ID.toUpperCase()), "iss_not_accepted"),
                row("sub missing", c -> c.unsetClaim("sub"), "sub_missing"),
                row("sub blank", c -> c.setSubject(" "), "sub_missing"),
                row("aud missing", c -> c.unsetClaim("aud"), "aud_missing"),
                row("aud empty array", c -> c.setAudience(List.of()), "aud_missing"),
                row("aud of another server", c -> c.setAudience("https://other.example.com/oauth_token.do"), "aud_not_accepted"),
                row("aud with trailing slash", c -> c.setAudience(TestClients.TOKEN_ENDPOINT + "/"), "aud_not_accepted"),
                row("aud in upper case", c -> c.setAudience(TestClients.TOKEN_ENDPOINT.toUpperCase()), "aud_not_accepted"),
                row("aud not a string", c -> c.setClaim("aud", 42), "claim_malformed"),
                row("exp missing", c -> c.unsetClaim("exp"), "exp_missing"),
                row("exp a string", c -> c.setClaim("exp", "tomorrow"), "claim_malformed"),
                row("exp zero", c -> c.setClaim("exp", 0), "exp_malformed"),
                row("exp negative", c -> c.setClaim("exp", -5), "exp_malformed"),
                row("exp 1e300 (a long would overflow)", c -> c.setClaim("exp", 1e300), "exp_malformed"),
                row("exp after the year 9999", c -> c.setClaim("exp", AssertionClaimChecks.MAX_NUMERIC_DATE + 1), "exp_malformed"),
                row("iat 1e300", c -> c.setClaim("iat", 1e300), "iat_malformed"),
                row("iat -1e300", c -> c.setClaim("iat", -1e300), "iat_malformed"),
                row("nbf -1e300", c -> c.setClaim("nbf", -1e300), "nbf_malformed"),
                row("iss a number", c -> c.setClaim("iss", 7), "claim_malformed"),
                row("exp an integer beyond a long", c -> c.setClaim("exp", java.math.BigInteger.TEN.pow(30)), "claim_malformed"),
                row("aud an array holding a number", c -> c.setClaim("aud", List.of(TestClients.TOKEN_ENDPOINT, 1)), "claim_malformed"),
                row("iat an object", c -> c.setClaim("iat", java.util.Map.of("s", 1)), "claim_malformed"),
                row("expired beyond skew", c -> c.setExpirationTime(NumericDate.fromSeconds(T - 61)), "expired"),
                row("lifetime from iat too long", c -> c.setExpirationTime(NumericDate.fromSeconds(T + 301)), "lifetime_too_long"),
                row("old iat stretches lifetime", c -> c.setIssuedAt(NumericDate.fromSeconds(T - 1000)), "lifetime_too_long"),
                row("far-future exp without iat", c -> {
                    c.unsetClaim("iat");
                    c.setExpirationTime(NumericDate.fromSeconds(T + 100_000));
                }, "lifetime_too_long"),
                row("iat beyond skew in the future", c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(T + 61));
                    c.setExpirationTime(NumericDate.fromSeconds(T + 200));
                }, "iat_future"),
                row("nbf beyond skew in the future", c -> c.setNotBefore(NumericDate.fromSeconds(T + 61)), "nbf_future"),
                row("jti missing", c -> c.unsetClaim("jti"), "jti_missing"),
                row("jti too long", c -> c.setJwtId("x".repeat(1025)), "jti_too_long"),
                row("claim validation value differs", c -> c.setClaim("tenant", "evil"), "claim_validation_failed"),
                row("claim validation claim missing", c -> c.unsetClaim("tenant"), "claim_validation_failed"),
                row("claim validation claim is an array", c -> c.setStringListClaim("tenant", List.of("acme")), "claim_validation_failed"),
                row("claim validation value outside the alternatives", c -> c.setClaim("region", "apac"), "claim_validation_failed"),
                row("claim validation alternatives given as an array", c -> c.setStringListClaim("region", List.of("eu", "us")),
                        "claim_validation_failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void runWhenOneRuleBrokenThenExactlyThatFailure(String name, Consumer<JwtClaims> change, String reason) {
        JwtClaims claims = valid();
        change.accept(claims);

        List<ClaimFailure> failures = AssertionClaimChecks.run(CLIENT, claims, NOW);

        assertEquals(List.of(reason), failures.stream().map(ClaimFailure::reason).toList(), failures.toString());
    }

    @Test
    void runWhenValidThenNoFailure() {
        assertTrue(AssertionClaimChecks.run(CLIENT, valid(), NOW).isEmpty());
    }

    @Test
    void runWhenClaimHoldsAnotherOfItsAlternativesThenAccepted() {
        JwtClaims claims = valid();
        claims.setClaim("region", "us");
        assertTrue(AssertionClaimChecks.run(CLIENT, claims, NOW).isEmpty());
    }

    @Test
    void runWhenWithinSkewThenAccepted() {
        JwtClaims claims = valid();
        claims.setIssuedAt(NumericDate.fromSeconds(T + 8));
        claims.setNotBefore(NumericDate.fromSeconds(T + 8));
        assertTrue(AssertionClaimChecks.run(CLIENT, claims, NOW).isEmpty());

        JwtClaims justExpired = valid();
        justExpired.setExpirationTime(NumericDate.fromSeconds(T - 30));
        justExpired.setIssuedAt(NumericDate.fromSeconds(T - 100));
        assertTrue(AssertionClaimChecks.run(CLIENT, justExpired, NOW).isEmpty());
    }

    @Test
    void runWhenAudienceArrayHoldsOursAfterAnotherThenAccepted() {
        JwtClaims claims = valid();
        claims.setAudience("https://unrelated.example.com", TestClients.TOKEN_ENDPOINT);
        assertTrue(AssertionClaimChecks.run(CLIENT, claims, NOW).isEmpty());
    }

    @Test
    void runWhenSeveralRulesBrokenThenEveryFailureReported() {
        JwtClaims claims = valid();
        claims.unsetClaim("jti");
        claims.setAudience("https://other.example.com");

        assertEquals(List.of("aud_not_accepted", "jti_missing"),
                AssertionClaimChecks.run(CLIENT, claims, NOW).stream().map(ClaimFailure::reason).toList());
    }

    /** Descriptions go to the client as error_description: its characters, the claim's name, no Java, no overflowed numbers. */
    static Stream<Arguments> hostileClaims() {
        return Stream.of(
                Arguments.of((Consumer<JwtClaims>) c -> c.setClaim("exp", 1e300), "The assertion's exp must be a time in seconds since 1970, before the year 10000"),
                Arguments.of((Consumer<JwtClaims>) c -> c.setClaim("exp", "tomorrow"), "The assertion's exp must be a number of seconds since 1970"),
                Arguments.of((Consumer<JwtClaims>) c -> c.setClaim("aud", List.of("x", 1)), "The assertion's aud must be a string or an array of strings"),
                Arguments.of((Consumer<JwtClaims>) c -> {
                    c.setClaim("aud", 42);
                    c.setClaim("sub", List.of("a"));
                }, "The assertion's sub must be a string; aud must be a string or an array of strings"),
                Arguments.of((Consumer<JwtClaims>) c -> c.setClaim("nbf", -1e300), "The assertion's nbf must be a time in seconds since 1970, before the year 10000"));
    }

    @ParameterizedTest
    @MethodSource("hostileClaims")
    void runWhenClaimsOfTheWrongTypeOrRangeThenTheDescriptionSaysWhichClaimInTheRequestsTerms(Consumer<JwtClaims> change, String description) {
        JwtClaims claims = valid();
        change.accept(claims);

        List<ClaimFailure> failures = AssertionClaimChecks.run(CLIENT, claims, NOW);

        assertEquals(List.of(description), failures.stream().map(ClaimFailure::description).toList());
        assertTrue(description.chars().allMatch(ch -> ch == 0x20 || ch == 0x21 || (ch >= 0x23 && ch <= 0x5B) || (ch >= 0x5D && ch <= 0x7E)));
    }
}
