package org.jwtbearer.issuer.admin;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jwtbearer.issuer.token.IssuedTokens;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenVerifier;

/**
 * The verifier the bearer mechanism uses in the issuer itself, for the admin API: a live, unrevoked access
 * token of this very issuer, checked against its own published keys in memory rather than fetched over HTTP
 * from itself. Admin callers use ordinary access tokens; the {@code admin} role in their {@code groups} is
 * what the web.xml constraint asks for.
 */
@ApplicationScoped
public class AdminTokenVerification {

    @Inject
    IssuedTokens issuedTokens;

    @Inject
    Clock clock;

    @Produces
    @Singleton
    TokenVerifier verifier() {
        return token -> issuedTokens.active(token, clock.instant())
                .orElseThrow(() -> new InvalidTokenException("not_active",
                        "The access token is not a live, unrevoked token of this issuer"));
    }
}
