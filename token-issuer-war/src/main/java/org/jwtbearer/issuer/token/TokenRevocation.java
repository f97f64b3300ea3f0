package org.jwtbearer.issuer.token;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.revocation.RevokedTokens;
import org.jwtbearer.issuer.support.Sha256;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * What RFC 7009 revocation does with a token an authenticated client sends:
 * <ul>
 * <li>a live access token issued to that client is revoked until its expiry — introspection reports it inactive
 *     from then on, on every node;</li>
 * <li>a token that is not a live token of this issuer (malformed, foreign, expired) is accepted and nothing
 *     happens (§2.2: the answer is 200 all the same — there is nothing left to revoke, and the caller learns
 *     nothing);</li>
 * <li>a live token issued to another client is refused with {@code unauthorized_client} and stays valid (§2.1:
 *     the server verifies the token was issued to the requesting client and refuses otherwise), so one client
 *     cannot cut off another's access.</li>
 * </ul>
 * {@code token_type_hint} plays no part, as §2.1 allows: this server issues one kind of token.
 */
@ApplicationScoped
public class TokenRevocation {

    private static final Logger LOG = Logger.getLogger(TokenRevocation.class.getName());

    @Inject
    IssuedTokens tokens;

    @Inject
    RevokedTokens revoked;

    public void revoke(String token, RegisteredClient caller, Instant now) {
        Optional<VerifiedAccessToken> verified = tokens.unexpired(token, now);
        if (verified.isEmpty()) {
            return;
        }
        if (!caller.clientId().equals(verified.get().getClaim("client_id"))) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "The token was not issued to this client", "revoke_foreign_token");
        }
        String jti = verified.get().getClaim("jti");
        long exp = ((Number) verified.get().getClaim("exp")).longValue();
        revoked.revoke(jti, caller.clientId(), Instant.ofEpochSecond(exp), now);
        LOG.info(() -> "Client " + caller.clientId() + " revoked the access token with jti hash " + Sha256.hex(jti, 8));
    }
}
