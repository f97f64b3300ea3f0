package org.jwtbearer.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.CapturedLog;

class DatabaseReadinessTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final FakeDataSource database = new FakeDataSource();
    private final DatabaseReadiness check = new DatabaseReadiness("jwtbearer-issuer-database", database.build(),
            new BoundedCall(executor, LIMIT));

    @AfterEach
    void stop() {
        if (database.hang != null) {
            database.hang.countDown();
        }
        executor.shutdownNow();
    }

    private static void assertAnswer(HealthCheckResponse response, HealthCheckResponse.Status status, String database) {
        assertEquals("jwtbearer-issuer-database", response.getName());
        assertEquals(status, response.getStatus());
        assertEquals(Map.of("database", database), response.getData().orElseThrow());
    }

    @Test
    void callWhenConnectionValidThenUpAndConnectionReturned() {
        assertAnswer(check.call(), HealthCheckResponse.Status.UP, "reachable");
        assertEquals(DatabaseReadiness.VALIDATION_SECONDS, database.validationTimeout);
        assertEquals(1, database.closed.get(), "the connection goes back to the pool");
    }

    @Test
    void callWhenConnectionNotValidThenDown() {
        database.valid = false;
        assertAnswer(check.call(), HealthCheckResponse.Status.DOWN, "unreachable");
        assertEquals(1, database.closed.get());
    }

    @Test
    void callWhenConnectionRefusedThenDownWithoutTheCause() {
        database.refusal = new SQLException("Connection to db.internal:5432 refused", "08001");
        assertAnswer(check.call(), HealthCheckResponse.Status.DOWN, "unreachable");
    }

    @Test
    void callWhenDatabaseHangsThenDownWithinTheLimitAndNoSecondBorrowWhileItHangs() {
        database.hang = new CountDownLatch(1);
        long start = System.nanoTime();
        assertAnswer(check.call(), HealthCheckResponse.Status.DOWN, "unreachable");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < LIMIT.toMillis() + 1000);

        assertAnswer(check.call(), HealthCheckResponse.Status.DOWN, "unreachable");
        assertEquals(1, database.borrowed.get(), "one thread waits on the dead database, not one per probe");
    }

    @Test
    void callWhenReachabilityChangesThenOneLinePerChange() {
        try (CapturedLog log = new CapturedLog(DatabaseReadiness.class)) {
            check.call();
            database.refusal = new SQLException("Connection refused", "08001");
            check.call();
            check.call();
            check.call();
            database.refusal = null;
            check.call();
            check.call();

            assertEquals(1, log.at(Level.WARNING).size(), "one line when it went down");
            assertTrue(log.at(Level.WARNING).get(0).getMessage().contains("java.sql.SQLException: Connection refused"),
                    log.at(Level.WARNING).get(0).getMessage());
            assertEquals(1, log.at(Level.INFO).size(), "one line when it came back");
        }
    }
}
