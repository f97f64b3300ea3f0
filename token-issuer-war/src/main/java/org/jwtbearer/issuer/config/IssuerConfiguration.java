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

    /**
     * The operator's key in production; without one, a key made once and kept in the data directory, so what is
     * sealed still opens after a restart. Every node of a cluster needs the same key: set it there.
     */
    @Produces
    @Singleton
    EncryptionKey encryptionKey(IssuerSettings settings) {
        if (settings.encryptionKey().isPresent()) {
            return new EncryptionKey(SecretBox.fromBase64(settings.encryptionKey().get()), false, "jwtbearer.encryption-key");
        }
        EncryptionKeyFile.Loaded kept = EncryptionKeyFile.loadOrCreate(settings.dataDirectory());
        LOG.info(() -> "jwtbearer.encryption-key is not set: sealing with the key " + (kept.created() ? "generated now in " : "kept in ")
                + kept.file() + " (owner-only; back it up with the database, and on several nodes set jwtbearer.encryption-key)");
        if (EncryptionKeyFile.readableByOthers(kept.file())) {
            LOG.warning(() -> "The encryption key file " + kept.file() + " is readable by other users: chmod 600 it");
        }
        return new EncryptionKey(kept.box(), kept.created(), kept.file().toString());
    }

    @Produces
    @Singleton
    SecretBox secretBox(EncryptionKey key) {
        return key.box();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
