package org.jwtbearer.security.mechanism;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jwtbearer.security.token.TokenVerifier;

/**
 * Builds the application's verifier while the application starts, so that a setting that cannot work (a key
 * location that cannot be read, a private key where the public one belongs, two key settings at once) fails the
 * deployment with a message naming the setting — as MicroProfile JWT requires — instead of answering every
 * request with an error later.
 */
@ApplicationScoped
public class VerificationStartup {

    @Inject
    Config config;

    @Inject
    Instance<TokenVerifier> applicationVerifier;

    /**
     * Only reads and checks the settings: the verifier itself is built on first use, since at this point not every
     * server has the application's resources (its managed scheduler) ready yet.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (applicationVerifier.isResolvable()) {
            return; // the application verifies tokens its own way; the settings are not read
        }
        try {
            BearerVerification.settings(config);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new DeploymentException("Bearer token settings: " + e.getMessage(), e);
        }
    }
}
