package org.jwtbearer.incident.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.CapturedLog;
import org.jwtbearer.database.testing.MutableClock;
import org.jwtbearer.database.testing.OutageChains;
import org.jwtbearer.database.outage.OutageLog;

/** Learning a caller is best effort: a failed write, the database being down included, never fails the request. */
class UserDirectoryTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final KnownUser ABEL = new KnownUser("abel.tuter", "0123456789abcdef0123456789abcdef", "Abel Tuter");

    private final AtomicInteger writes = new AtomicInteger();
    private volatile RuntimeException failure;
    private final UserDirectory directory = new UserDirectory();

    {
        directory.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        directory.outages = new OutageLog(Logger.getLogger(UserDirectory.class.getName()), Duration.ofSeconds(10), new MutableClock(NOW));
        directory.writer = new UserDirectoryWriter() {
            @Override
            public boolean save(KnownUser user, Instant now) {
                writes.incrementAndGet();
                if (failure != null) {
                    throw failure;
                }
                return true;
            }
        };
    }

    @Test
    void learnWhenDatabaseUnreachableThenNoFailureOneLineAndRetriedNextTime() {
        failure = OutageChains.wildFlyRefused();
        try (CapturedLog log = new CapturedLog(UserDirectory.class)) {
            directory.learn(ABEL);
            directory.learn(ABEL);

            assertEquals(2, writes.get(), "not remembered as written, so tried again");
            assertEquals(1, log.at(Level.WARNING).size(), "one line for the outage");
            assertNull(log.at(Level.WARNING).get(0).getThrown());
            assertTrue(log.at(Level.WARNING).get(0).getMessage().startsWith("Database unavailable: "));
        }
        failure = null;
        directory.learn(ABEL);
        directory.learn(ABEL);
        assertEquals(3, writes.get(), "written once the database is back, then remembered");
    }

    @Test
    void learnWhenWriteFailsOtherwiseThenNoFailureAndOneLineWithoutStackTrace() {
        failure = new IllegalStateException("bug\nsecond line");
        try (CapturedLog log = new CapturedLog(UserDirectory.class)) {
            directory.learn(ABEL);

            assertEquals(1, log.at(Level.WARNING).size());
            assertNull(log.at(Level.WARNING).get(0).getThrown());
            assertEquals("Could not record user abel.tuter: java.lang.IllegalStateException: bug", log.at(Level.WARNING).get(0).getMessage());
        }
    }
}
