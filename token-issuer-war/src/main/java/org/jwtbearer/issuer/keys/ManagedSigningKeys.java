package org.jwtbearer.issuer.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * Signing keys the issuer makes, keeps in its database and rotates without downtime: a next key is published
 * before it signs, and a retired key stays published until every token it signed has expired.
 *
 * <p>Every node runs the same steps against the shared {@link SigningKeyStore}; the store lets one node win each
 * change, and the others re-read and find the work done. So the keys settle into one current and one next key
 * whichever nodes start or rotate at the same time.
 */
final class ManagedSigningKeys {

    private static final Logger LOG = Logger.getLogger(ManagedSigningKeys.class.getName());
    /** Each attempt either finds the keys settled or makes one change; a few are plenty even under races. */
    private static final int MAX_ATTEMPTS = 8;
    /** What a client that registers no lifespan gets (ClientDefinition's default). */
    static final Duration DEFAULT_LIFESPAN = Duration.ofSeconds(1800);

    /**
     * @param algorithm        the algorithm of the keys made from now on
     * @param rotationPeriod   automatic rotation after the current key signed this long; zero for manual only
     * @param publishBeforeUse the least time a next key is published before a rotation makes it sign
     * @param retireMargin     added to the longest token lifespan when a key retires: the time other nodes may
     *                         still sign with it before they re-read, and the resource servers' clock skew
     */
    record Policy(String algorithm, Duration rotationPeriod, Duration publishBeforeUse, Duration retireMargin) {
    }

    private final SigningKeyStore store;
    private final SecretBox box;
    private final Clock clock;
    private final Policy policy;
    /** Opened private keys by kid: opening means decrypting and parsing, which is not needed on every re-read. */
    private final Map<String, SigningKey> opened = new ConcurrentHashMap<>();

    ManagedSigningKeys(SigningKeyStore store, SecretBox box, Clock clock, Policy policy) {
        this.store = store;
        this.box = box;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * At start-up: keys this node cannot open (the encryption key changed) are replaced — a current one is
     * retired, still published for the tokens it signed, a next one deleted — and a missing current or next
     * key is made.
     */
    KeyRing start() {
        return settle(true);
    }

    /**
     * A re-read: purges retired keys past their time, rotates when the automatic period is up, and fills in a
     * missing key. A current key that does not open is not replaced here — a node whose encryption key differs
     * from the others' would otherwise replace their keys in turn — it is reported, and this node cannot sign.
     */
    KeyRing read() {
        return settle(false);
    }

    /**
     * Makes the next key current, retires the current one and adds a fresh next key.
     *
     * @param force rotate even when the next key has been published for less than the policy's time (then
     *              resource servers holding an older JWKS refuse the new tokens until they fetch it again)
     */
    RotationOutcome rotate(boolean force) {
        settle(false);
        Instant now = clock.instant();
        List<StoredSigningKey> keys = store.all();
        Optional<StoredSigningKey> current = inState(keys, KeyState.CURRENT);
        Optional<StoredSigningKey> next = inState(keys, KeyState.NEXT);
        if (current.isEmpty() || next.isEmpty()) {
            return new RotationOutcome.Refused("There is no current and next key to rotate; try again");
        }
        Instant publishedAt = Instant.ofEpochSecond(next.get().createdAt());
        Instant usableFrom = publishedAt.plus(policy.publishBeforeUse());
        if (!force && now.isBefore(usableFrom)) {
            return new RotationOutcome.Refused("The next key " + next.get().kid() + " was published at " + publishedAt
                    + "; resource servers may not hold it before " + usableFrom
                    + ". Rotate then, or add force=true to rotate now anyway");
        }
        try {
            SigningKeyMaterial.open(next.get(), box);
        } catch (IllegalArgumentException e) {
            return new RotationOutcome.Refused("The next key " + next.get().kid()
                    + " cannot be opened with this node's jwtbearer.encryption-key; restart this node with the right key");
        }
        StoredSigningKey newNext = SigningKeyMaterial.generate(policy.algorithm(), KeyState.NEXT, now.getEpochSecond(), box);
        boolean rotated;
        try {
            rotated = store.rotate(current.get().kid(), next.get().kid(), now.getEpochSecond(), retireUntil(now).getEpochSecond(), newNext);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Rotation lost a race", e);
            rotated = false;
        }
        if (!rotated) {
            return new RotationOutcome.Refused("The keys changed while rotating (another rotation?); read them again");
        }
        LOG.info(() -> "Rotated the signing keys: " + next.get().kid() + " signs now, " + current.get().kid()
                + " is retired, " + newNext.kid() + " is the next key");
        return new RotationOutcome.Rotated(current.get().kid(), next.get().kid(), newNext.kid(), settle(false));
    }

    /**
     * Takes a key out of publication now, for a key that must not be trusted any longer (leaked, say): a retired
     * key is deleted — the tokens it signed stop verifying — and a next key is deleted and replaced by a fresh
     * one. The current key is refused: rotate first, then withdraw it.
     */
    WithdrawalOutcome withdraw(String kid) {
        settle(false);
        Optional<StoredSigningKey> key = store.all().stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (key.isEmpty()) {
            return new WithdrawalOutcome.Unknown();
        }
        boolean deleted = switch (key.get().state()) {
            case CURRENT -> false;
            case NEXT -> store.deleteNext(kid);
            case RETIRED -> store.deleteRetired(kid);
        };
        if (key.get().state() == KeyState.CURRENT) {
            return new WithdrawalOutcome.Refused("The key " + kid + " signs the access tokens now: rotate first "
                    + "(POST /admin/signing-keys/rotate?force=true), then withdraw it");
        }
        if (!deleted) {
            return new WithdrawalOutcome.Refused("The keys changed meanwhile (a rotation?); read them again");
        }
        LOG.warning(() -> "Withdrew the " + key.get().state().name().toLowerCase(java.util.Locale.ROOT) + " signing key " + kid
                + " from publication; tokens it signed no longer verify");
        return new WithdrawalOutcome.Withdrawn(settle(false));
    }

    private KeyRing settle(boolean repair) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            List<StoredSigningKey> keys = store.all();
            boolean changed;
            try {
                changed = step(keys, now, repair);
            } catch (RuntimeException e) {
                // Another node made the same change first (a unique key refused ours): read what it did.
                LOG.log(Level.FINE, "A signing key change lost a race; reading the keys again", e);
                changed = true;
            }
            if (!changed) {
                return ring(keys);
            }
        }
        throw new IllegalStateException("The signing keys did not settle after " + MAX_ATTEMPTS + " attempts");
    }

    /** Makes the first change the keys need, if any; true when it tried one. */
    private boolean step(List<StoredSigningKey> keys, Instant now, boolean repair) {
        long seconds = now.getEpochSecond();
        if (keys.stream().anyMatch(k -> k.state() == KeyState.RETIRED && k.retireUntil() <= seconds)) {
            store.purgeRetired(seconds);
            return true;
        }
        Optional<StoredSigningKey> current = inState(keys, KeyState.CURRENT);
        Optional<StoredSigningKey> next = inState(keys, KeyState.NEXT);
        if (repair && current.isPresent() && !opens(current.get())) {
            LOG.severe(() -> "The current signing key " + current.get().kid() + " cannot be opened with this jwtbearer.encryption-key"
                    + " (was the key changed?). Retiring it: it stays published until " + retireUntil(now)
                    + " for the tokens it signed, and another key signs from now on");
            store.retire(current.get().kid(), retireUntil(now).getEpochSecond());
            return true;
        }
        if (repair && next.isPresent() && !opens(next.get())) {
            LOG.severe(() -> "The next signing key " + next.get().kid() + " cannot be opened with this jwtbearer.encryption-key"
                    + " (was the key changed?). Replacing it");
            store.deleteNext(next.get().kid());
            return true;
        }
        if (current.isEmpty()) {
            if (next.isPresent()) {
                LOG.warning(() -> "No current signing key: the next key " + next.get().kid() + " signs from now on");
                store.promote(next.get().kid(), seconds);
            } else {
                StoredSigningKey made = SigningKeyMaterial.generate(policy.algorithm(), KeyState.CURRENT, seconds, box);
                store.insert(made);
                LOG.info(() -> "Made the signing key " + made.kid() + " (" + made.algorithm() + ")");
            }
            return true;
        }
        if (next.isEmpty()) {
            StoredSigningKey made = SigningKeyMaterial.generate(policy.algorithm(), KeyState.NEXT, seconds, box);
            store.insert(made);
            LOG.info(() -> "Published the next signing key " + made.kid() + " (" + made.algorithm() + ")");
            return true;
        }
        if (rotationDue(current.get(), next.get(), now)) {
            LOG.info(() -> "The signing key " + current.get().kid() + " has signed for " + policy.rotationPeriod().toDays()
                    + " day(s): rotating");
            rotate(current.get(), next.get(), now);
            return true;
        }
        return false;
    }

    /** The period is up, and the next key has been published long enough (it may have been replaced lately). */
    private boolean rotationDue(StoredSigningKey current, StoredSigningKey next, Instant now) {
        if (policy.rotationPeriod().isZero() || current.activatedAt() == null) {
            return false;
        }
        return !Instant.ofEpochSecond(current.activatedAt()).plus(policy.rotationPeriod()).isAfter(now)
                && !Instant.ofEpochSecond(next.createdAt()).plus(policy.publishBeforeUse()).isAfter(now);
    }

    private void rotate(StoredSigningKey current, StoredSigningKey next, Instant now) {
        StoredSigningKey newNext = SigningKeyMaterial.generate(policy.algorithm(), KeyState.NEXT, now.getEpochSecond(), box);
        store.rotate(current.kid(), next.kid(), now.getEpochSecond(), retireUntil(now).getEpochSecond(), newNext);
    }

    /** Until every token the retiring key signed has expired, on every node, and the skew resource servers allow. */
    private Instant retireUntil(Instant now) {
        Duration longest = store.longestAccessTokenLifespan().stream()
                .mapToObj(Duration::ofSeconds).findFirst().orElse(DEFAULT_LIFESPAN);
        return now.plus(longest).plus(policy.retireMargin());
    }

    private boolean opens(StoredSigningKey key) {
        try {
            open(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private SigningKey open(StoredSigningKey key) {
        SigningKey cached = opened.get(key.kid());
        if (cached != null) {
            return cached;
        }
        SigningKey fresh = SigningKeyMaterial.open(key, box);
        opened.put(key.kid(), fresh);
        return fresh;
    }

    private KeyRing ring(List<StoredSigningKey> keys) {
        List<PublishedKey> published = new ArrayList<>();
        SigningKey signing = null;
        String failure = "There is no current signing key";
        for (StoredSigningKey key : keys) {
            published.add(new PublishedKey(SigningKeyMaterial.verifierKey(key), key.state(), key.algorithm(),
                    Instant.ofEpochSecond(key.createdAt()),
                    key.activatedAt() == null ? null : Instant.ofEpochSecond(key.activatedAt()),
                    key.retireUntil() == null ? null : Instant.ofEpochSecond(key.retireUntil())));
            if (key.state() == KeyState.CURRENT) {
                try {
                    signing = open(key);
                } catch (IllegalArgumentException e) {
                    failure = "The current signing key " + key.kid() + " cannot be opened with this node's "
                            + "jwtbearer.encryption-key; every node must have the same one";
                    LOG.severe(failure);
                }
            }
        }
        opened.keySet().retainAll(keys.stream().filter(k -> k.state() != KeyState.RETIRED).map(StoredSigningKey::kid).toList());
        return KeyRing.of(signing, failure, published);
    }

    private static Optional<StoredSigningKey> inState(List<StoredSigningKey> keys, KeyState state) {
        return keys.stream().filter(k -> k.state() == state).findFirst();
    }
}
