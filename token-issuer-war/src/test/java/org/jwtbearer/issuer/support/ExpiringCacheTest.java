package org.jwtbearer.issuer.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.MutableClock;

class ExpiringCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        loads.incrementAndGet();
        return key.equals("absent") ? null : key.toUpperCase();
    }

    @Test
    void getWhenFreshThenServedFromMemoryAndWhenExpiredThenLoadedAgain() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100, clock);
        assertEquals("A", cache.get("a", this::load));
        assertEquals("A", cache.get("a", this::load));
        assertEquals(1, loads.get());
        clock.advance(Duration.ofSeconds(11));
        cache.get("a", this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void getWhenLoadAnswersNullThenNothingCached() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100, clock);
        assertNull(cache.get("absent", this::load));
        assertNull(cache.get("absent", this::load));
        assertEquals(2, loads.get());
    }

    @Test
    void getWhenFullThenBoundedAndStillCorrect() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 3, clock);
        for (int i = 0; i < 10; i++) {
            assertEquals("K" + i, cache.get("k" + i, this::load));
        }
        assertEquals("K9", cache.get("k9", this::load));
        assertEquals(10, loads.get());
    }

    @Test
    void getWhenZeroTimeToLiveThenAlwaysLoaded() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ZERO, 100, clock);
        cache.get("a", this::load);
        cache.get("a", this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void clearThenLoadedAgain() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100, clock);
        cache.get("a", this::load);
        cache.clear();
        cache.get("a", this::load);
        assertEquals(2, loads.get());
    }
}
