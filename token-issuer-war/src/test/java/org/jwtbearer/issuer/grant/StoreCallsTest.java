package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.CapturedLog;
import org.jwtbearer.database.testing.MutableClock;
import org.jwtbearer.database.testing.OutageChains;
import org.jwtbearer.database.outage.OutageLog;

class StoreCallsTest {

    private static final String LOGGER = StoreCallsTest.class.getName();

    private final OutageLog outages = new OutageLog(Logger.getLogger(LOGGER), Duration.ofSeconds(10),
            new MutableClock(Instant.parse("2030-01-01T00:00:00Z")));

    @Test
    void callWhenAnswersThenTheAnswer() {
        assertEquals("answer", StoreCalls.call("x_unavailable", () -> "answer", outages));
    }

    @Test
    void callWhenOutageThenTemporarilyUnavailableAndOneLogLineWithoutStackTrace() {
        try (CapturedLog log = new CapturedLog(LOGGER)) {
            for (int i = 0; i < 3; i++) {
                OAuthException e = assertThrows(OAuthException.class, () -> StoreCalls.call("users_unavailable", () -> {
                    throw OutageChains.wildFlyRefused();
                }, outages));
                assertEquals(OAuthError.TEMPORARILY_UNAVAILABLE, e.error());
                assertEquals("users_unavailable", e.reason());
            }
            assertEquals(1, log.records.size());
            assertNull(log.records.get(0).getThrown());
            assertTrue(log.records.get(0).getMessage().startsWith("Database unavailable: java.sql.SQLException: Connection to localhost:5432 refused."));
        }
    }

    @Test
    void callWhenOtherFailureThenRethrownAsIs() {
        IllegalArgumentException bug = new IllegalArgumentException("bug");
        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> StoreCalls.call("x", () -> {
            throw bug;
        }, outages)));
    }
}
