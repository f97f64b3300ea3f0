package org.jwtbearer.issuer.config;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jwtbearer.issuer.support.SecretBox;

/** Produces the settings and the clock every request reads once (records and clocks are not proxied: singletons). */
@ApplicationScoped
public class IssuerConfiguration {

    private static final Logger LOG = Logger.getLogger(IssuerConfiguration.class.getName());

    @Inject
    Config config;

    @Produces
    @Singleton
    IssuerSettings settings() {
        return IssuerSettings.from(config);
    }

    /** Without {@code jwtbearer.encryption-key}, what is sealed in this run cannot be opened after a restart. */
    @Produces
    @Singleton
    SecretBox secretBox(IssuerSettings settings) {
        if (settings.encryptionKey().isEmpty()) {
            LOG.warning("jwtbearer.encryption-key is not set: values encrypted at rest can only be read back by this run");
            return SecretBox.generated();
        }
        return SecretBox.fromBase64(settings.encryptionKey().get());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
