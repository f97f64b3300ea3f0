package org.jwtbearer.security.revocation;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenCheckUnavailableException;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * Refuses tokens the issuer's revocation list names: a revoked {@code jti}, or an {@code iat} before its client's or
 * user's not-before instant (the client or user was deactivated or deleted). The token is verified first, so a
 * forged one is refused as forged whatever the list's state; and this must wrap the verified-token cache, never be
 * wrapped by it, so a remembered signature never skips the list.
 *
 * <p>Without a list fetched within its max-age (the issuer cannot be reached) the token is neither accepted nor
 * called invalid: 503 with {@code Retry-After} ({@link TokenCheckUnavailableException}), so the client keeps it and
 * tries again — unless {@code failOpen}, when it is accepted on its signature alone.
 */
public final class RevocationListVerifier implements TokenVerifier {

    private static final Logger LOG = Logger.getLogger(RevocationListVerifier.class.getName());
    static final String REVOKED = "The access token has been revoked";
    static final String UNAVAILABLE = "The access token's revocation status cannot be checked right now; try again later";

    private final TokenVerifier delegate;
    private final RevocationList list;
    private final boolean failOpen;

    public RevocationListVerifier(TokenVerifier delegate, RevocationList list, boolean failOpen) {
        this.delegate = delegate;
        this.list = list;
        this.failOpen = failOpen;
    }

    @Override
    public VerifiedAccessToken verify(String token) throws InvalidTokenException {
        VerifiedAccessToken verified = delegate.verify(token);
        Optional<Revocations> revocations = list.fresh();
        if (revocations.isEmpty()) {
            if (failOpen) {
                LOG.log(Level.FINE, "No recent revocation list: a token is accepted on its signature (fail-open)");
                return verified;
            }
            throw new TokenCheckUnavailableException(UNAVAILABLE);
        }
        if (verified.getClaim("jti") instanceof String jti && revocations.get().isRevoked(RevocationRules.jtiHash(jti))) {
            throw new InvalidTokenException("revoked", REVOKED);
        }
        OptionalLong notBefore = revocations.get().notBefore(text(verified.getClaim("client_id")), text(verified.getClaim("sub")));
        if (notBefore.isPresent() && RevocationRules.issuedBefore(verified.getClaim("iat"), notBefore.getAsLong())) {
            throw new InvalidTokenException("revoked", REVOKED);
        }
        return verified;
    }

    private static String text(Object claim) {
        return claim instanceof String value ? value : null;
    }
}
