package org.jwtbearer.issuer.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.config.EncryptionKey;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * The key the issuer signs access tokens with, and the public keys it publishes.
 *
 * <p>By default the issuer manages its keys itself ({@link ManagedSigningKeys}): kept in its database, the private
 * keys sealed under {@code jwtbearer.encryption-key}, rotated on request or every
 * {@code jwtbearer.signing.rotation-days}. Each node re-reads them at most every {@code jwtbearer.registry.cache-seconds},
 * so all nodes agree within that time. With {@code jwtbearer.signing.keystore} set, the keys come from that file
 * instead ({@link KeystoreSigningKeys}) and only the operator rotates them.
 */
@ApplicationScoped
public class IssuerSigningKeys {

    private static final Logger LOG = Logger.getLogger(IssuerSigningKeys.class.getName());
    /** Resource servers allow this much clock skew by default ({@code mp.jwt.verify.clock.skew}). */
    static final Duration RESOURCE_SERVER_SKEW = Duration.ofSeconds(60);

    @Inject
    IssuerSettings settings;

    @Inject
    SigningKeyStore store;

    @Inject
    SecretBox box;

    /** Null in unit tests that make keys without one. */
    @Inject
    EncryptionKey encryptionKey;

    @Inject
    Clock clock;

    private ManagedSigningKeys managed;
    private volatile KeyRing ring;
    private volatile long nextReadMillis;
    private final AtomicBoolean reading = new AtomicBoolean();

    /** Keys are settled when the application starts, not on the first token request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        keys();
    }

    @PostConstruct
    void load() {
        if (settings.signingKeystore().isPresent()) {
            ring = KeystoreSigningKeys.load(settings);
            LOG.info(() -> "Signing access tokens with key " + ring.signing().kid() + " (" + ring.signing().algorithm()
                    + ") of " + settings.signingKeystore().get());
            return;
        }
        refuseKeysSealedBeforeThisKeyExisted();
        managed = new ManagedSigningKeys(store, box, clock, new ManagedSigningKeys.Policy(
                settings.signingAlgorithm().orElse("RS256"), settings.signingRotation(),
                settings.publishBeforeUse().plus(settings.registryCacheTime()),
                settings.registryCacheTime().plus(RESOURCE_SERVER_SKEW)));
        ring = managed.start();
        nextReadMillis = clock.millis() + settings.registryCacheTime().toMillis();
        LOG.info(() -> "Signing access tokens with managed key " + ring.requireSigning().kid() + " ("
                + ring.requireSigning().algorithm() + "); publishing " + ring.keys().size() + " key(s)");
    }

    /**
     * A node that has just made its own encryption key, on a database whose signing keys another key sealed, is a
     * node that joined a cluster without the cluster's key: replacing the keys it cannot open (what a changed key
     * leads to) would leave the other nodes unable to sign. It does not start.
     */
    private void refuseKeysSealedBeforeThisKeyExisted() {
        if (encryptionKey == null || !encryptionKey.madeAtThisStart()) {
            return;
        }
        boolean sealedByAnother = store.all().stream().anyMatch(k -> k.state() != KeyState.RETIRED);
        if (sealedByAnother) {
            throw new IllegalStateException("The database holds signing keys sealed with another encryption key, and this node"
                    + " has just made its own (" + encryptionKey.source() + "): set jwtbearer.encryption-key to the key the other"
                    + " nodes use, the same on every node");
        }
    }

    /** The key new access tokens are signed with. */
    public SigningKey current() {
        return keys().requireSigning();
    }

    /** The keys a resource server may see tokens signed with: current, next and retired. */
    public List<VerifierKey> published() {
        return keys().verifierKeys();
    }

    /** {@link #published()} as a JWK Set document, for {@code /oauth2/jwks}. */
    public String publishedJwkSet() {
        return keys().jwks();
    }

    /** Whether the issuer rotates its keys itself (false with a keystore: the operator does). */
    public boolean managed() {
        return managed != null;
    }

    /**
     * The keys now, re-read from the database when the cache time is up. One thread re-reads while the others
     * go on with the keys they have; a failed re-read keeps them and is retried after the cache time.
     */
    public KeyRing keys() {
        if (managed != null && clock.millis() >= nextReadMillis && reading.compareAndSet(false, true)) {
            try {
                ring = managed.read();
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.isCause(e)) {
                    // Once per cache time while the database is down: one line, the stack trace would say nothing more.
                    LOG.warning(() -> "Re-reading the signing keys failed, going on with the ones read before; database unavailable: "
                            + DatabaseUnavailable.summary(e));
                } else {
                    LOG.log(Level.WARNING, "Re-reading the signing keys failed; going on with the ones read before", e);
                }
            } finally {
                nextReadMillis = clock.millis() + settings.registryCacheTime().toMillis();
                reading.set(false);
            }
        }
        return ring;
    }

    /** Withdraws a retired or next key from publication now (see {@link ManagedSigningKeys#withdraw}); refused with a keystore. */
    public WithdrawalOutcome withdraw(String kid) {
        if (managed == null) {
            return new WithdrawalOutcome.Refused("The signing keys come from jwtbearer.signing.keystore: withdraw a key by "
                    + "removing it from jwtbearer.signing.next-key-alias or previous-key-alias");
        }
        synchronized (this) {
            WithdrawalOutcome outcome = managed.withdraw(kid);
            if (outcome instanceof WithdrawalOutcome.Withdrawn withdrawn) {
                ring = withdrawn.keys();
                nextReadMillis = clock.millis() + settings.registryCacheTime().toMillis();
            }
            return outcome;
        }
    }

    /** Rotates now (see {@link ManagedSigningKeys#rotate}); refused with a keystore. */
    public RotationOutcome rotate(boolean force) {
        if (managed == null) {
            return new RotationOutcome.Refused("The signing keys come from jwtbearer.signing.keystore: rotate them by "
                    + "changing jwtbearer.signing.key-alias, next-key-alias and previous-key-alias");
        }
        synchronized (this) {
            RotationOutcome outcome = managed.rotate(force);
            if (outcome instanceof RotationOutcome.Rotated rotated) {
                ring = rotated.keys();
                nextReadMillis = clock.millis() + settings.registryCacheTime().toMillis();
            }
            return outcome;
        }
    }
}
