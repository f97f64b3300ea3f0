package org.jwtbearer.issuer.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The database's rules for signing keys, in memory: one row per kid, at most one current and one next key
 * (the unique key on {@code live_state}), conditional updates, and all-or-nothing rotation. Shared by several
 * {@link ManagedSigningKeys} it stands for the database several nodes share.
 */
class InMemorySigningKeyStore implements SigningKeyStore {

    final Map<String, StoredSigningKey> rows = new LinkedHashMap<>();
    long longestLifespan = 1800;
    /** Runs before the next insert, once: what another node does between our read and our write. */
    Runnable beforeNextInsert;
    /** Runs before the next rotation, once. */
    Runnable beforeNextRotate;
    int inserts;

    @Override
    public synchronized List<StoredSigningKey> all() {
        return new ArrayList<>(rows.values());
    }

    @Override
    public synchronized void insert(StoredSigningKey key) {
        if (beforeNextInsert != null) {
            Runnable other = beforeNextInsert;
            beforeNextInsert = null;
            other.run();
        }
        if (rows.containsKey(key.kid()) || key.state() == KeyState.RETIRED
                || rows.values().stream().anyMatch(k -> k.state() == key.state())) {
            throw new IllegalStateException("unique constraint violated by " + key.kid() + " " + key.state());
        }
        rows.put(key.kid(), key);
        inserts++;
    }

    @Override
    public synchronized boolean promote(String kid, long now) {
        StoredSigningKey key = rows.get(kid);
        if (key == null || key.state() != KeyState.NEXT || inState(KeyState.CURRENT)) {
            return false;
        }
        rows.put(kid, with(key, KeyState.CURRENT, key.sealedPrivateKey(), now, null));
        return true;
    }

    @Override
    public synchronized boolean retire(String kid, long retireUntil) {
        StoredSigningKey key = rows.get(kid);
        if (key == null || key.state() != KeyState.CURRENT) {
            return false;
        }
        rows.put(kid, with(key, KeyState.RETIRED, null, key.activatedAt(), retireUntil));
        return true;
    }

    @Override
    public synchronized boolean deleteNext(String kid) {
        StoredSigningKey key = rows.get(kid);
        if (key == null || key.state() != KeyState.NEXT) {
            return false;
        }
        rows.remove(kid);
        return true;
    }

    @Override
    public synchronized boolean deleteRetired(String kid) {
        StoredSigningKey key = rows.get(kid);
        if (key == null || key.state() != KeyState.RETIRED) {
            return false;
        }
        rows.remove(kid);
        return true;
    }

    @Override
    public synchronized boolean rotate(String currentKid, String nextKid, long now, long retireUntil, StoredSigningKey newNext) {
        if (beforeNextRotate != null) {
            Runnable other = beforeNextRotate;
            beforeNextRotate = null;
            other.run();
        }
        Map<String, StoredSigningKey> before = new LinkedHashMap<>(rows);
        if (!retire(currentKid, retireUntil) || !promote(nextKid, now)) {
            rows.clear();
            rows.putAll(before);
            return false;
        }
        try {
            insert(newNext);
        } catch (RuntimeException e) {
            rows.clear();
            rows.putAll(before);
            throw e;
        }
        return true;
    }

    @Override
    public synchronized int purgeRetired(long now) {
        List<String> expired = rows.values().stream()
                .filter(k -> k.state() == KeyState.RETIRED && k.retireUntil() <= now).map(StoredSigningKey::kid).toList();
        expired.forEach(rows::remove);
        return expired.size();
    }

    @Override
    public OptionalLong longestAccessTokenLifespan() {
        return OptionalLong.of(longestLifespan);
    }

    synchronized StoredSigningKey find(KeyState state) {
        return rows.values().stream().filter(k -> k.state() == state).findFirst().orElse(null);
    }

    private boolean inState(KeyState state) {
        return rows.values().stream().anyMatch(k -> k.state() == state);
    }

    private static StoredSigningKey with(StoredSigningKey key, KeyState state, String sealed, Long activatedAt, Long retireUntil) {
        return new StoredSigningKey(key.kid(), state, key.algorithm(), key.publicKey(), sealed, key.createdAt(), activatedAt, retireUntil);
    }
}
