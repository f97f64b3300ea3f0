package org.jwtbearer.security.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values remembered per token hash until their own expiry, at most {@code maxEntries} of them. When full,
 * expired entries are swept first (at most once a second, the sweep walks the whole map), then the least
 * recently used entry gives way. Every operation takes the one monitor: they are all a few map steps.
 */
public final class ExpiringTokenCache<V> {

    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final int maxEntries;
    private final LinkedHashMap<String, Entry<V>> entries;
    private Instant nextSweep = Instant.MIN;

    public ExpiringTokenCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache needs room for at least one entry");
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > ExpiringTokenCache.this.maxEntries;
            }
        };
    }

    /** The value under {@code key}, unless it expired by {@code now}. */
    public synchronized Optional<V> get(String key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expiresAt())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Remembers {@code value} until {@code expiresAt}; a value already expired at {@code now} is not stored. */
    public synchronized void put(String key, V value, Instant expiresAt, Instant now) {
        if (!now.isBefore(expiresAt)) {
            return;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(key) && !now.isBefore(nextSweep)) {
            nextSweep = now.plus(SWEEP_INTERVAL);
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
        }
        entries.put(key, new Entry<>(value, expiresAt));
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }
}
