package org.jwtbearer.issuer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.config.EncryptionKey;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.config.TestSettings;
import org.jwtbearer.database.testing.MutableClock;
import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.database.testing.CapturedLog;

/** Two issuer nodes sharing one key store: what each signs with and publishes, and when it sees the other's change. */
class IssuerSigningKeysTest {

    private static final Duration CACHE = Duration.ofSeconds(10);

    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final SecretBox box = SecretBox.generated();

    static IssuerSettings settings(Duration cacheTime) {
        return TestSettings.with("jwtbearer.registry.cache-seconds", Long.toString(cacheTime.toSeconds()));
    }

    private IssuerSigningKeys node() {
        IssuerSigningKeys keys = new IssuerSigningKeys();
        keys.settings = settings(CACHE);
        keys.store = store;
        keys.box = box;
        keys.clock = clock;
        keys.load();
        return keys;
    }

    @Test
    void loadWhenThisNodeJustMadeItsEncryptionKeyButTheDatabaseHoldsKeysThenRefusesToStart() {
        node();
        IssuerSigningKeys joining = new IssuerSigningKeys();
        joining.settings = settings(CACHE);
        joining.store = store;
        joining.box = SecretBox.generated();
        joining.encryptionKey = new EncryptionKey(joining.box, true, "/data/encryption.key");
        joining.clock = clock;
        List<String> before = store.all().stream().map(StoredSigningKey::kid).toList();

        IllegalStateException refused = assertThrows(IllegalStateException.class, joining::load);

        assertTrue(refused.getMessage().contains("set jwtbearer.encryption-key to the key the other nodes use"), refused.getMessage());
        assertEquals(before, store.all().stream().map(StoredSigningKey::kid).toList(), "the cluster's keys are left alone");
    }

    @Test
    void loadWhenThisNodeJustMadeItsEncryptionKeyOnAnEmptyDatabaseThenStarts() {
        IssuerSigningKeys first = new IssuerSigningKeys();
        first.settings = settings(CACHE);
        first.store = store;
        first.box = box;
        first.encryptionKey = new EncryptionKey(box, true, "/data/encryption.key");
        first.clock = clock;
        first.load();
        assertEquals(2, store.all().size(), "a current and a next key");
    }

    @Test
    void rotateWhenOneNodeRotatesThenOtherNodeSignsWithNewKeyOnlyAfterCacheTime() {
        IssuerSigningKeys a = node();
        IssuerSigningKeys b = node();
        String before = b.current().kid();
        clock.advance(Duration.ofSeconds(600).plus(CACHE));
        b.keys();

        assertInstanceOf(RotationOutcome.Rotated.class, a.rotate(false));
        String after = a.current().kid();
        assertNotEquals(before, after);

        clock.advance(CACHE.minusSeconds(1));
        b.keys();
        assertEquals(before, b.current().kid(), "within the cache time a node may still sign with the old key");
        assertTrue(a.published().stream().anyMatch(k -> k.kid().equals(before)),
                "which is why the old key stays published");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(after, b.current().kid());
        assertEquals(a.publishedJwkSet(), b.publishedJwkSet());
    }

    @Test
    void rotateWhenNextKeyPublishedForLessThanPublishTimePlusCacheTimeThenRefused() {
        IssuerSigningKeys a = node();
        clock.advance(Duration.ofSeconds(600).plus(CACHE).minusSeconds(1));

        assertInstanceOf(RotationOutcome.Refused.class, a.rotate(false));
    }

    @Test
    void settingsWhenGeneratedKeyAlgorithmIsNotRs256Ps256OrEs256ThenRefused() {
        for (String algorithm : List.of("HS256", "none", "ES512", "rs256")) {
            assertThrows(IllegalStateException.class, () -> TestSettings.with("jwtbearer.signing.algorithm", algorithm), algorithm);
        }
    }

    @Test
    void rotateWhenKeysComeFromKeystoreThenRefused() {
        IssuerSigningKeys keystore = new IssuerSigningKeys();

        RotationOutcome.Refused refused = assertInstanceOf(RotationOutcome.Refused.class, keystore.rotate(true));

        assertTrue(refused.reason().contains("jwtbearer.signing.keystore"), refused.reason());
    }

    @Test
    void keysWhenDatabaseUnreachableOnReReadThenKeysKeptAndOneLineWithoutStackTrace() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        IssuerSigningKeys keys = new IssuerSigningKeys();
        keys.settings = settings(CACHE);
        keys.store = new InMemorySigningKeyStore() {
            @Override
            public synchronized List<StoredSigningKey> all() {
                if (down.get()) {
                    throw new jakarta.persistence.PersistenceException(new java.sql.SQLException("Connection refused\nhint", "08001"));
                }
                return super.all();
            }
        };
        keys.box = box;
        keys.clock = clock;
        keys.load();
        String kid = keys.current().kid();

        down.set(true);
        clock.advance(CACHE);
        try (CapturedLog log = new CapturedLog(IssuerSigningKeys.class)) {
            assertEquals(kid, keys.current().kid());
            assertEquals(1, log.records.size());
            assertEquals(null, log.records.get(0).getThrown());
            assertTrue(log.records.get(0).getMessage().endsWith("database unavailable: java.sql.SQLException: Connection refused"),
                    log.records.get(0).getMessage());
        }
    }
}
