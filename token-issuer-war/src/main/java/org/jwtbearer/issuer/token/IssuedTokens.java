package org.jwtbearer.issuer.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;
import org.jwtbearer.issuer.revocation.RevokedTokens;
import org.jwtbearer.issuer.revocation.TokenNotBefores;
import org.jwtbearer.security.jose.KeySelector;
import org.jwtbearer.security.revocation.RevocationRules;
import org.jwtbearer.security.token.AccessTokenVerifier;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * Recognises the access tokens this issuer signed, for introspection and revocation: the same verifier the
 * resource servers use (type {@code at+jwt}, signature by a published key — current, next or retired — issuer,
 * audience), with the expiry read strictly: a token is live only before its {@code exp}, with no skew, because
 * here the issuer's own clock judges its own tokens.
 */
@ApplicationScoped
public class IssuedTokens {

    /** For {@code iat}/{@code nbf} only: a token minted on a node whose clock runs a little ahead is not "from the future". */
    static final Duration NODE_CLOCK_TOLERANCE = Duration.ofSeconds(5);

    @Inject
    IssuerSettings settings;

    @Inject
    IssuerSigningKeys keys;

    @Inject
    RevokedTokens revoked;

    @Inject
    TokenNotBefores notBefores;

    /** A token of this issuer that has not expired, revoked or not; empty for anything else. */
    public Optional<VerifiedAccessToken> unexpired(String token, Instant now) {
        AccessTokenVerifier verifier = new AccessTokenVerifier(
                (hints, alg) -> KeySelector.select(keys.published(), hints, alg, now),
                settings.issuer(), Set.of(settings.audience()), NODE_CLOCK_TOLERANCE, Clock.fixed(now, java.time.ZoneOffset.UTC));
        VerifiedAccessToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
        if (!(verified.getClaim("exp") instanceof Number exp) || exp.longValue() <= now.getEpochSecond()) {
            return Optional.empty();
        }
        if (!(verified.getClaim("jti") instanceof String jti) || jti.isEmpty()) {
            // Every token of this issuer has one; without it the token could not be revoked, so it is not taken as live.
            return Optional.empty();
        }
        return Optional.of(verified);
    }

    /**
     * A token of this issuer that has neither expired nor been revoked — by itself, or with every token of its client
     * or user when that was deactivated or deleted: RFC 7662's "active".
     */
    public Optional<VerifiedAccessToken> active(String token, Instant now) {
        return unexpired(token, now).filter(t -> !revoked.isRevoked(t.getClaim("jti")) && !underNotBefore(t, now));
    }

    private boolean underNotBefore(VerifiedAccessToken token, Instant now) {
        OptionalLong notBefore = notBefores.notBefore(text(token.getClaim("client_id")), text(token.getClaim("sub")), now);
        return notBefore.isPresent() && RevocationRules.issuedBefore(token.getClaim("iat"), notBefore.getAsLong());
    }

    private static String text(Object claim) {
        return claim instanceof String value ? value : null;
    }
}
