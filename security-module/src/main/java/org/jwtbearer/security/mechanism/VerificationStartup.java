package org.jwtbearer.security.mechanism;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;

/**
 * Builds the application's verifier while the application starts, so that a setting that cannot work (a key
 * location that cannot be read, a private key where the public one belongs, two key settings at once) fails the
 * deployment with a message naming the setting — as MicroProfile JWT requires — instead of answering every
 * request with an error later.
 */
@ApplicationScoped
public class VerificationStartup {

    @Inject
    BearerVerification verification;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            verification.realm();
        } catch (RuntimeException e) {
            // The container may wrap what the bean's initialisation threw; the settings' own message is the useful one.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
                    throw new DeploymentException("Bearer token settings: " + cause.getMessage(), e);
                }
            }
            throw e;
        }
    }
}
