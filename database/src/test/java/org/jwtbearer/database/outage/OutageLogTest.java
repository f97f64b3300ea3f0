package org.jwtbearer.database.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.OutageChains;
import org.jwtbearer.database.testing.CapturedLog;
import org.jwtbearer.database.testing.MutableClock;

/** One line, no stack trace, at most one per interval, and the held-back count in the next. */
class OutageLogTest {

    private static final String LOGGER = OutageLogTest.class.getName() + ".outages";

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final CapturedLog log = new CapturedLog(LOGGER);
    private final OutageLog outages = new OutageLog(Logger.getLogger(LOGGER), Duration.ofSeconds(10), clock);

    @AfterEach
    void detach() {
        log.close();
    }

    @Test
    void reportWhenFirstThenOneWarningLineWithoutStackTrace() {
        outages.report(OutageChains.wildFlyRefused());

        assertEquals(1, log.records.size());
        LogRecord line = log.records.get(0);
        assertEquals(Level.WARNING, line.getLevel());
        assertNull(line.getThrown(), "no stack trace");
        assertEquals("Database unavailable: java.sql.SQLException: Connection to localhost:5432 refused. "
                + "Check that the hostname and port are correct", line.getMessage());
        assertFalse(line.getMessage().contains("\n"));
    }

    @Test
    void reportWhenFloodWithinIntervalThenOneLine() {
        for (int i = 0; i < 1000; i++) {
            outages.report(OutageChains.payaraRefused());
            clock.advance(Duration.ofMillis(9));
        }
        assertEquals(1, log.records.size());
    }

    @Test
    void reportWhenIntervalPassedThenNextLineCountsTheHeldBack() {
        outages.report(OutageChains.wildFlyRefused());
        outages.report(OutageChains.wildFlyRefused());
        outages.report(OutageChains.wildFlyRefused());
        clock.advance(Duration.ofSeconds(10));
        outages.report(OutageChains.wildFlyRefused());

        assertEquals(2, log.records.size());
        assertTrue(log.records.get(1).getMessage().endsWith(" (2 more since the last report)"), log.records.get(1).getMessage());
        clock.advance(Duration.ofSeconds(10));
        outages.report(OutageChains.wildFlyRefused());
        assertFalse(log.records.get(2).getMessage().contains("more since"), "the count starts again");
    }
}
