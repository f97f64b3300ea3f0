package org.jwtbearer.issuer.support;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded in-memory cache whose entries live a fixed time: how the registry is served from memory while
 * a change made on another node still reaches every node within that time.
 *
 * <p>When full, the cache is emptied rather than evicting one by one: a flood of lookups for ids that do not
 * exist (every answer is cached, absent ones too) cannot grow memory, and costs only re-reads afterwards.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long timeToLiveMillis;
    private final int maxEntries;
    private final Clock clock;

    public ExpiringCache(Duration timeToLive, int maxEntries, Clock clock) {
        this.timeToLiveMillis = timeToLive.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * The cached value, or {@code load}'s answer, cached for the time to live unless it is null. A zero time
     * to live caches nothing.
     */
    public V get(K key, Function<K, V> load) {
        long now = clock.millis();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAtMillis() > now) {
            return entry.value();
        }
        V value = load.apply(key);
        if (value != null && timeToLiveMillis > 0) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + timeToLiveMillis));
        }
        return value;
    }

    public void clear() {
        entries.clear();
    }
}
