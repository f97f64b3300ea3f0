package org.jwtbearer.issuer.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;
import org.jwtbearer.security.jose.KeySelector;
import org.jwtbearer.security.token.AccessTokenVerifier;

/**
 * The verifier the bearer mechanism uses in the issuer itself, for the admin API: the issuer's own
 * published keys (current, next and retired), read in memory rather than fetched over HTTP from itself,
 * and the issuer's own identifier and token audience. Admin callers use ordinary access tokens of this
 * issuer; the {@code admin} role in their {@code groups} is what the web.xml constraint asks for.
 */
@ApplicationScoped
public class AdminTokenVerification {

    /** Admin tokens are short-lived and minted by this very server: no clock skew is needed beyond a little. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Inject
    IssuerSettings settings;

    @Inject
    IssuerSigningKeys signingKeys;

    @Inject
    Clock clock;

    @Produces
    @Singleton
    AccessTokenVerifier verifier() {
        return new AccessTokenVerifier(
                (hints, alg) -> KeySelector.select(signingKeys.published(), hints, alg, clock.instant()),
                settings.issuer(), Set.of(settings.audience()), CLOCK_SKEW, clock);
    }
}
