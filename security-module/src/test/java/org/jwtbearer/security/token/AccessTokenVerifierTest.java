package org.jwtbearer.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.KeySource;
import org.jwtbearer.security.jose.VerifierKey;

/** Each case changes one thing in a valid access token; removing the matching check makes it pass wrongly. */
class AccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String ISSUER = "https://issuer.example.com";
    private static final String AUDIENCE = "https://issuer.example.com/api";
    private static final SigningKey ISSUER_KEY = TestKeys.signing(TestKeys.RSA, "issuer-key", "RS256");
    private static final KeySource KEYS = (hints, alg) -> "issuer-key".equals(hints.kid())
            ? Optional.of(new VerifierKey("issuer-key", TestKeys.RSA.getPublic(), null)) : Optional.empty();

    private final AccessTokenVerifier verifier = new AccessTokenVerifier(KEYS, ISSUER, Set.of(AUDIENCE),
            Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("0123");
        claims.setClaim("upn", "abel.tuter");
        claims.setStringListClaim("groups", List.of("itil"));
        claims.setClaim("scope", "useraccount");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() - 10));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 600));
        return claims;
    }

    private static String token(Consumer<JwtClaims> change, SigningKey key, String typ) {
        JwtClaims claims = claims();
        change.accept(claims);
        return JwtSigner.sign(claims.toJson(), key, typ, Map.of());
    }

    @Test
    void verifyWhenValidThenPrincipalWithGroupsAndScopes() throws Exception {
        VerifiedAccessToken token = verifier.verify(token(c -> { }, ISSUER_KEY, "at+jwt"));

        assertEquals("abel.tuter", token.getName());
        assertEquals(Set.of("itil"), token.getGroups());
        assertEquals(Set.of(AUDIENCE), token.getAudience());
        assertEquals(Set.of("useraccount"), token.scopes());
        assertEquals(ISSUER, token.getIssuer());
    }

    @Test
    void verifyWhenTypIsApplicationAtJwtThenAccepted() throws Exception {
        verifier.verify(token(c -> { }, ISSUER_KEY, "application/at+jwt"));
    }

    static Stream<Arguments> refused() {
        long now = NOW.getEpochSecond();
        return Stream.of(
                Arguments.of("typ JWT (an assertion or ID token)", token(c -> { }, ISSUER_KEY, "JWT"), "typ"),
                Arguments.of("typ missing", token(c -> { }, ISSUER_KEY, null), "typ"),
                Arguments.of("unknown kid", token(c -> { }, TestKeys.signing(TestKeys.RSA, "other", "RS256"), "at+jwt"), "unknown_key"),
                Arguments.of("signed by another key", token(c -> { }, TestKeys.signing(TestKeys.OTHER_RSA, "issuer-key", "RS256"), "at+jwt"), "signature_invalid"),
                Arguments.of("wrong issuer", token(c -> c.setIssuer("https://evil.example.com"), ISSUER_KEY, "at+jwt"), "iss"),
                Arguments.of("no issuer", token(c -> c.unsetClaim("iss"), ISSUER_KEY, "at+jwt"), "iss"),
                Arguments.of("wrong audience", token(c -> c.setAudience("https://other.example.com"), ISSUER_KEY, "at+jwt"), "aud"),
                Arguments.of("no audience", token(c -> c.unsetClaim("aud"), ISSUER_KEY, "at+jwt"), "aud"),
                Arguments.of("expired beyond skew", token(c -> c.setExpirationTime(NumericDate.fromSeconds(now - 61)), ISSUER_KEY, "at+jwt"), "expired"),
                Arguments.of("no exp", token(c -> c.unsetClaim("exp"), ISSUER_KEY, "at+jwt"), "exp"),
                Arguments.of("exp not a number", token(c -> c.setClaim("exp", "soon"), ISSUER_KEY, "at+jwt"), "malformed"),
                Arguments.of("nbf in the future", token(c -> c.setNotBefore(NumericDate.fromSeconds(now + 120)), ISSUER_KEY, "at+jwt"), "nbf"),
                Arguments.of("iat in the future", token(c -> c.setIssuedAt(NumericDate.fromSeconds(now + 120)), ISSUER_KEY, "at+jwt"), "iat"),
                Arguments.of("iat after exp", token(c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(now + 30));
                    c.setExpirationTime(NumericDate.fromSeconds(now + 20));
                }, ISSUER_KEY, "at+jwt"), "iat"),
                Arguments.of("no caller name", token(c -> {
                    c.unsetClaim("upn");
                    c.unsetClaim("sub");
                }, ISSUER_KEY, "at+jwt"), "no_name"),
                // RFC 7519 §4.1: iss, sub and jti are strings; JsonWebToken's getIssuer/getSubject/getTokenID would throw on others.
                Arguments.of("sub a number", token(c -> c.setClaim("sub", 123), ISSUER_KEY, "at+jwt"), "malformed"),
                Arguments.of("jti an object", token(c -> c.setClaim("jti", Map.of("a", 1)), ISSUER_KEY, "at+jwt"), "malformed"),
                Arguments.of("not a JWS", "abc.def", "malformed"),
                Arguments.of("HS256 keyed with the issuer's public key", hs256WithPublicKey(), "alg_not_allowed"));
    }

    private static String hs256WithPublicKey() {
        try {
            String signingInput = b64("{\"alg\":\"HS256\",\"kid\":\"issuer-key\",\"typ\":\"at+jwt\"}") + "." + b64(claims().toJson());
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(TestKeys.RSA.getPublic().getEncoded(), "HmacSHA256"));
            return signingInput + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void verifyWhenOneThingWrongThenInvalidToken(String name, String token, String reason) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    /**
     * RFC 7519 allows a NumericDate with a fraction; MicroProfile JWT reads {@code exp} and {@code iat} as long. Found by
     * AccessTokenFuzzTest: {@code getExpirationTime()} threw ClassCastException (Double to Long) on such a token.
     */
    @Test
    void verifyWhenTimeClaimsHaveFractionsThenReadAsWholeSeconds() throws Exception {
        long now = NOW.getEpochSecond();
        VerifiedAccessToken token = verifier.verify(token(c -> {
            c.setClaim("exp", now + 600.5);
            c.setClaim("iat", now - 10.25);
        }, ISSUER_KEY, "at+jwt"));

        assertEquals(now + 600, token.getExpirationTime());
        assertEquals(now - 11, token.getIssuedAtTime());
        assertEquals(Long.valueOf(now + 600), token.getClaim("exp"));
    }

    /** RFC 9068 rules here do not require iat; JsonWebToken's own getIssuedAtTime() then unboxed null (AccessTokenFuzzTest). */
    @Test
    void verifyWhenNoIatThenGetIssuedAtTimeIsZero() throws Exception {
        VerifiedAccessToken token = verifier.verify(token(c -> c.unsetClaim("iat"), ISSUER_KEY, "at+jwt"));

        assertEquals(0, token.getIssuedAtTime());
    }

    /** A claim whose value is JSON null is as good as absent (Map.copyOf refused nulls with a NullPointerException). */
    @Test
    void verifyWhenAClaimIsNullThenItReadsAsAbsent() throws Exception {
        VerifiedAccessToken token = verifier.verify(token(c -> c.setClaim("department", null), ISSUER_KEY, "at+jwt"));

        assertNull(token.getClaim("department"));
    }

    /** An algorithm we never accept is refused before any key lookup, so it cannot make a JWKS be fetched again. */
    @Test
    void verifyWhenSymmetricAlgorithmThenRefusedWithoutLookingForAKey() {
        KeySource mustNotBeAsked = (hints, alg) -> {
            throw new AssertionError("key lookup for " + alg);
        };
        AccessTokenVerifier strict = new AccessTokenVerifier(mustNotBeAsked, ISSUER, Set.of(AUDIENCE), Duration.ofSeconds(60),
                Clock.fixed(NOW, ZoneOffset.UTC));
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> strict.verify(hs256WithPublicKey()));
        assertEquals("alg_not_allowed", e.reason());
    }

    @Test
    void verifyWhenExpiredWithinSkewThenStillAccepted() throws Exception {
        verifier.verify(token(c -> {
            c.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() - 330));
            c.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() - 30));
        }, ISSUER_KEY, "at+jwt"));
    }

    @Test
    void constructorWhenNoAudienceConfiguredThenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new AccessTokenVerifier(KEYS, ISSUER, Set.of(), Duration.ZERO, Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class,
                () -> new AccessTokenVerifier(KEYS, " ", Set.of(AUDIENCE), Duration.ZERO, Clock.systemUTC()));
    }

    /** MicroProfile JWT's rules: what RFC 9068 refuses and MP-JWT accepts, and what both refuse. */
    @Test
    void verifyWhenMicroProfileRulesThenJwtTypeAndAnyAudienceAccepted() throws Exception {
        AccessTokenVerifier lenient = new AccessTokenVerifier(KEYS,
                new TokenRules(Optional.of(ISSUER), Set.of(), false, Duration.ofSeconds(60), Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC));

        lenient.verify(token(c -> { }, ISSUER_KEY, "JWT"));
        lenient.verify(token(c -> { }, ISSUER_KEY, null));
        lenient.verify(token(c -> c.setAudience("https://other.example.com"), ISSUER_KEY, "at+jwt"));
        assertEquals("typ", assertThrows(InvalidTokenException.class,
                () -> lenient.verify(token(c -> { }, ISSUER_KEY, "logout+jwt"))).reason());
        assertEquals("iss", assertThrows(InvalidTokenException.class,
                () -> lenient.verify(token(c -> c.setIssuer("https://evil.example.com"), ISSUER_KEY, "JWT"))).reason());
    }

    @Test
    void verifyWhenAudiencesConfiguredUnderMicroProfileRulesThenChecked() {
        AccessTokenVerifier lenient = new AccessTokenVerifier(KEYS,
                new TokenRules(Optional.of(ISSUER), Set.of(AUDIENCE), false, Duration.ofSeconds(60), Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals("aud", assertThrows(InvalidTokenException.class,
                () -> lenient.verify(token(c -> c.setAudience("https://other.example.com"), ISSUER_KEY, "JWT"))).reason());
    }

    /** mp.jwt.verify.token.age: measured from iat without skew; iat becomes required. */
    @Test
    void verifyWhenTokenAgeSetThenOlderTokensAndTokensWithoutIatRefused() throws Exception {
        AccessTokenVerifier aged = new AccessTokenVerifier(KEYS,
                new TokenRules(Optional.of(ISSUER), Set.of(), false, Duration.ofSeconds(60), Optional.of(Duration.ofSeconds(30))),
                Clock.fixed(NOW, ZoneOffset.UTC));
        long now = NOW.getEpochSecond();

        aged.verify(token(c -> c.setIssuedAt(NumericDate.fromSeconds(now - 30)), ISSUER_KEY, "JWT"));
        assertEquals("too_old", assertThrows(InvalidTokenException.class,
                () -> aged.verify(token(c -> c.setIssuedAt(NumericDate.fromSeconds(now - 31)), ISSUER_KEY, "JWT"))).reason());
        assertEquals("iat", assertThrows(InvalidTokenException.class,
                () -> aged.verify(token(c -> c.unsetClaim("iat"), ISSUER_KEY, "JWT"))).reason());
    }

    /** jwtbearer.verify.rsa-min-bits lowered: a key admitted under it verifies (jose4j's own 2048 rule is not in the way). */
    @Test
    void verifyWhenRsaKeyAdmittedBelowTheDefaultMinimumThenAccepted() throws Exception {
        java.security.KeyPair weak = TestKeys.rsa(1024, java.math.BigInteger.valueOf(65537));
        KeySource lowered = (hints, alg) -> Optional.of(new VerifierKey("small", weak.getPublic(), null, null, 1024));
        AccessTokenVerifier verifier = new AccessTokenVerifier(lowered,
                new TokenRules(Optional.of(ISSUER), Set.of(), false, Duration.ofSeconds(60), Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC));

        // Our signer refuses small keys, as it should: jose4j signs this one for the test.
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue("RS256");
        jws.setHeader("typ", "JWT");
        jws.setKey(weak.getPrivate());
        jws.setDoKeyValidation(false);

        assertEquals("abel.tuter", verifier.verify(jws.getCompactSerialization()).getName());
    }
}
