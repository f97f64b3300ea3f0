package org.jwtbearer.incident.model;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * Updates and deletes incidents without ever losing a concurrent write. An update names only some fields, so
 * when another transaction changed the row first (the optimistic lock fails), the update is simply tried
 * again on the row as it now is, in a fresh transaction: two PATCHes of different fields both land, and a
 * precondition is checked against what the other write left. After {@link #MAX_ATTEMPTS} lost races the
 * answer is {@link WriteOutcome.Conflict}, with nothing written.
 *
 * <p>Every lost optimistic race means another write committed, so when at most {@code MAX_ATTEMPTS} writers
 * race for one incident, each of them gets through.
 */
@ApplicationScoped
public class IncidentWrites {

    static final int MAX_ATTEMPTS = 10;

    private static final Logger LOG = Logger.getLogger(IncidentWrites.class.getName());

    @Inject
    IncidentWriteAttempt attempt;

    /**
     * Applies {@code change} to the incident, if it exists within {@code readScope} and {@code precondition}
     * holds for it as stored. {@code now} is the request's one clock reading, used on every attempt.
     */
    public WriteOutcome update(String sysId, Optional<String> readScope, Predicate<Incident> precondition,
                               IncidentChange change, String updatedBy, Instant now) {
        return withRetries(() -> attempt.update(sysId, readScope, precondition, change, updatedBy, now));
    }

    public WriteOutcome delete(String sysId, Optional<String> readScope, Predicate<Incident> precondition) {
        return withRetries(() -> attempt.delete(sysId, readScope, precondition));
    }

    private WriteOutcome withRetries(Supplier<WriteOutcome> write) {
        for (int tried = 1; ; tried++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                if (tried == MAX_ATTEMPTS) {
                    LOG.warning(() -> "Gave up a write after " + MAX_ATTEMPTS + " lost races: " + e);
                    return new WriteOutcome.Conflict(tried);
                }
                pause(tried);
            }
        }
    }

    /**
     * Whether the write failed because another transaction got to the row first: the optimistic lock, a lock
     * wait that timed out, or the database's own serialization failure or deadlock (SQLSTATE class 40),
     * however the persistence provider and the transaction interceptor wrapped it.
     */
    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause, growing with each lost race, so the writers that lost do not collide again in step. */
    private static void pause(int tried) {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, 2L * tried + 1) * 1_000_000L);
    }
}
