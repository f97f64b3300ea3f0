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
 * Verifies RFC 9068 JWT access tokens: type {@code at+jwt}, an asymmetric signature by a key of the issuer,
 * then {@code iss}, {@code aud}, {@code exp}, {@code nbf} and {@code iat} with the allowed clock skew.
 *
 * <p>The type check is what keeps an RFC 7523 assertion or an OpenID ID token — signed JWTs too — from being
 * replayed as an access token (RFC 8725 §3.11). Claims are read only once the signature has verified.
 */
public final class AccessTokenVerifier implements TokenVerifier {

    public static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt", "application/at+jwt");

    private final KeySource keys;
    private final String issuer;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final Clock clock;
    private final Set<String> algorithms;

    /**
     * @param audiences the audiences this resource server answers to; one of them must appear in {@code aud}.
     *                  An empty set is refused: no audience configured must never mean any audience.
     */
    public AccessTokenVerifier(KeySource keys, String issuer, Set<String> audiences, Duration clockSkew, Clock clock) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("the expected issuer must be configured");
        }
        if (audiences == null || audiences.isEmpty()) {
            throw new IllegalArgumentException("at least one expected audience must be configured");
        }
        this.keys = keys;
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.algorithms = Set.copyOf(SignatureAlgorithms.ASYMMETRIC);
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
        String type = jws.type();
        if (type == null || !ACCESS_TOKEN_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            throw new InvalidTokenException("typ", "The token is not an access token (typ at+jwt)");
        }
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
            if (!issuer.equals(claims.getIssuer())) {
                throw new InvalidTokenException("iss", "The access token was issued by another issuer");
            }
            List<String> aud = claims.hasAudience() ? claims.getAudience() : List.of();
            if (aud.stream().noneMatch(audiences::contains)) {
                throw new InvalidTokenException("aud", "The access token is meant for another audience");
            }
            TokenTimes.check(seconds(claims.getExpirationTime()), seconds(claims.getNotBefore()),
                    seconds(claims.getIssuedAt()), now.getEpochSecond(), clockSkew.toSeconds());
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("malformed", "The access token has a claim of the wrong type");
        }
    }
}
