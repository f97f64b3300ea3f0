package org.jwtbearer.security.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jwtbearer.security.jose.CompactJws;
import org.jwtbearer.security.jose.JwsRejectedException;
import org.jwtbearer.security.jose.KeySource;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * Verifies JWT access tokens (RFC 9068, or MicroProfile JWT's looser {@link TokenRules}): the type, an asymmetric
 * signature by a key of the issuer, then {@code iss}, {@code aud}, the time claims and a caller name.
 *
 * <p>The type check is what keeps an RFC 7523 assertion or an OpenID ID token — signed JWTs too — from being
 * replayed as an access token (RFC 8725 §3.11); under the MP-JWT rules, which accept {@code JWT}, that work falls
 * to the issuer and audience checks. Claims are read only once the signature has verified.
 */
public final class AccessTokenVerifier implements TokenVerifier {

    public static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt", "application/at+jwt");
    private static final Set<String> GENERIC_TYPES = Set.of("jwt", "application/jwt");

    private final KeySource keys;
    private final TokenRules rules;
    private final TokenTimes times;
    private final Clock clock;
    private final Set<String> algorithms;

    public AccessTokenVerifier(KeySource keys, TokenRules rules, Clock clock) {
        this.keys = keys;
        this.rules = rules;
        this.times = rules.times();
        this.clock = clock;
        this.algorithms = Set.copyOf(SignatureAlgorithms.ASYMMETRIC);
    }

    /** A verifier with RFC 9068's rules ({@link TokenRules#strict}). */
    public AccessTokenVerifier(KeySource keys, String issuer, Set<String> audiences, Duration clockSkew, Clock clock) {
        this(keys, TokenRules.strict(issuer, audiences, clockSkew), clock);
    }

    @Override
    public VerifiedAccessToken verify(String token) throws InvalidTokenException {
        Instant now = clock.instant();
        CompactJws jws;
        try {
            jws = CompactJws.parse(token, MAX_TOKEN_LENGTH);
        } catch (JwsRejectedException e) {
            throw new InvalidTokenException(e.reason(), "The access token is malformed");
        }
        checkType(jws.type());
        if (!algorithms.contains(jws.algorithm())) {
            throw new InvalidTokenException("alg_not_allowed", "The access token's signature algorithm is not accepted");
        }
        VerifierKey key = keys.find(jws.keyHints(), jws.algorithm())
                .orElseThrow(() -> new InvalidTokenException("unknown_key", "The access token is signed by an unknown key"));
        try {
            jws.verify(key.publicKey(), algorithms);
        } catch (JwsRejectedException e) {
            throw new InvalidTokenException(e.reason(), "The access token signature is invalid");
        }
        JwtClaims claims = parseClaims(jws);
        checkClaims(claims, now);
        return new VerifiedAccessToken(token, claims.getClaimsMap());
    }

    private void checkType(String type) throws InvalidTokenException {
        String lower = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (rules.requireAccessTokenType()) {
            if (lower == null || !ACCESS_TOKEN_TYPES.contains(lower)) {
                throw new InvalidTokenException("typ", "The token is not an access token (typ at+jwt)");
            }
        } else if (lower != null && !ACCESS_TOKEN_TYPES.contains(lower) && !GENERIC_TYPES.contains(lower)) {
            // A typed JWT of another kind (a logout token, a DPoP proof, a security event) is never an access token.
            throw new InvalidTokenException("typ", "The token is not an access token (typ at+jwt or JWT)");
        }
    }

    private static JwtClaims parseClaims(CompactJws jws) throws InvalidTokenException {
        try {
            return JwtClaims.parse(jws.payload());
        } catch (InvalidJwtException | JwsRejectedException e) {
            throw new InvalidTokenException("malformed", "The access token claims are not a JSON object");
        }
    }

    private static Long seconds(NumericDate date) {
        return date == null ? null : date.getValue();
    }

    private void checkClaims(JwtClaims claims, Instant now) throws InvalidTokenException {
        try {
            if (rules.issuer().isPresent() && !rules.issuer().get().equals(claims.getIssuer())) {
                throw new InvalidTokenException("iss", "The access token was issued by another issuer");
            }
            if (rules.checksAudience()) {
                List<String> aud = claims.hasAudience() ? claims.getAudience() : List.of();
                if (aud.stream().noneMatch(rules.audiences()::contains)) {
                    throw new InvalidTokenException("aud", "The access token is meant for another audience");
                }
            }
            times.check(seconds(claims.getExpirationTime()), seconds(claims.getNotBefore()),
                    seconds(claims.getIssuedAt()), now.getEpochSecond());
            // RFC 7519 §4.1: strings. JsonWebToken's getIssuer, getSubject and getTokenID cast to String, so a token whose
            // iss, sub or jti is a number or an object must be refused here rather than fail the application later.
            claims.getIssuer();
            claims.getSubject();
            claims.getJwtId();
            if (VerifiedAccessToken.callerName(claims.getClaimsMap()) == null) {
                // MP-JWT requires one: without a name there is no caller to log in, and containers fail on a nameless principal.
                throw new InvalidTokenException("no_name", "The access token names no caller (upn, preferred_username or sub)");
            }
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("malformed", "The access token has a claim of the wrong type");
        }
    }
}
