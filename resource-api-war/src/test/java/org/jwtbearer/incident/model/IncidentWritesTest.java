package org.jwtbearer.incident.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

class IncidentWritesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    /** An attempt that loses the race a given number of times (or throws something else), then writes. */
    private static final class ScriptedAttempt extends IncidentWriteAttempt {
        private final RuntimeException failure;
        private int failuresLeft;
        int calls;

        ScriptedAttempt(int failures, RuntimeException failure) {
            this.failuresLeft = failures;
            this.failure = failure;
        }

        @Override
        public WriteOutcome update(String sysId, Optional<String> readScope, Predicate<Incident> precondition,
                                   IncidentChange change, String updatedBy, Instant now) {
            return next();
        }

        @Override
        public WriteOutcome delete(String sysId, Optional<String> readScope, Predicate<Incident> precondition) {
            return next();
        }

        private WriteOutcome next() {
            calls++;
            if (failuresLeft-- > 0) {
                throw failure;
            }
            return new WriteOutcome.Written(new Incident());
        }
    }

    private static IncidentWrites writes(ScriptedAttempt attempt) {
        IncidentWrites writes = new IncidentWrites();
        writes.attempt = attempt;
        return writes;
    }

    private static WriteOutcome update(IncidentWrites writes) {
        return writes.update("x", Optional.empty(), i -> true, IncidentChange.none(), "beth.anglin", NOW);
    }

    @Test
    void updateWhenRaceLostThenRetriedUntilWritten() {
        ScriptedAttempt attempt = new ScriptedAttempt(3, new OptimisticLockException());

        assertInstanceOf(WriteOutcome.Written.class, update(writes(attempt)));
        assertEquals(4, attempt.calls);
    }

    @Test
    void deleteWhenRaceLostThenRetriedUntilWritten() {
        ScriptedAttempt attempt = new ScriptedAttempt(1, new OptimisticLockException());

        assertInstanceOf(WriteOutcome.Written.class, writes(attempt).delete("x", Optional.empty(), i -> true));
        assertEquals(2, attempt.calls);
    }

    @Test
    void updateWhenEveryAttemptLosesThenConflictAfterBoundedAttempts() {
        ScriptedAttempt attempt = new ScriptedAttempt(Integer.MAX_VALUE, new OptimisticLockException());

        WriteOutcome outcome = update(writes(attempt));

        assertEquals(new WriteOutcome.Conflict(IncidentWrites.MAX_ATTEMPTS), outcome);
        assertEquals(IncidentWrites.MAX_ATTEMPTS, attempt.calls);
    }

    @Test
    void updateWhenFailureIsNoRaceThenNotRetried() {
        PersistenceException broken = new PersistenceException("disk full");
        ScriptedAttempt attempt = new ScriptedAttempt(1, broken);

        assertSame(broken, assertThrows(PersistenceException.class, () -> update(writes(attempt))));
        assertEquals(1, attempt.calls);
    }

    @Test
    void lostRaceWhenWrappedByInterceptorOrSerializationFailureThenTrue() {
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new OptimisticLockException());
        assertTrue(IncidentWrites.lostRace(new TransactionalException("rolled back", atCommit)));
        assertTrue(IncidentWrites.lostRace(new PersistenceException(new SQLException("could not serialize", "40001"))));
        assertTrue(IncidentWrites.lostRace(new PersistenceException(new SQLException("deadlock detected", "40P01"))));
        assertFalse(IncidentWrites.lostRace(new PersistenceException(new SQLException("unique violation", "23505"))));
        assertFalse(IncidentWrites.lostRace(new IllegalStateException()));
    }
}
