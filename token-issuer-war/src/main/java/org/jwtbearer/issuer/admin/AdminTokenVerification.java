package org.jwtbearer.issuer.admin;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.database.outage.OutageLog;
import org.jwtbearer.issuer.token.IssuedTokens;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenCheckUnavailableException;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * The verifier the bearer mechanism uses in the issuer itself, for the admin API: a live, unrevoked access
 * token of this very issuer, checked against its own published keys in memory rather than fetched over HTTP
 * from itself. Admin callers use ordinary access tokens; the {@code admin} role in their {@code groups} is
 * what the web.xml constraint asks for.
 *
 * <p>The revocation list is in the database. While it cannot be reached the token is neither accepted (it may
 * have been revoked) nor refused as invalid (it may be fine): the mechanism answers 503 and the admin retries.
 */
@ApplicationScoped
public class AdminTokenVerification {

    static final String UNAVAILABLE = "The access token's revocation status cannot be checked right now; try again shortly";
    private static final Logger LOG = Logger.getLogger(AdminTokenVerification.class.getName());

    @Inject
    IssuedTokens issuedTokens;

    @Inject
    Clock clock;

    OutageLog outages = new OutageLog(LOG);

    @Produces
    @Singleton
    TokenVerifier verifier() {
        return this::verify;
    }

    private VerifiedAccessToken verify(String token) throws InvalidTokenException {
        try {
            return issuedTokens.active(token, clock.instant())
                    .orElseThrow(() -> new InvalidTokenException("not_active",
                            "The access token is not a live, unrevoked token of this issuer"));
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            outages.report(e);
            throw new TokenCheckUnavailableException(UNAVAILABLE);
        }
    }
}
