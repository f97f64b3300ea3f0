package org.jwtbearer.issuer.replay;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.support.Sha256;

/**
 * Remembers the jtis each client has used, until the assertion they came in can no longer be accepted.
 * Called last in the grant, after every other check passed, so a rejected or forged assertion never burns
 * a jti.
 */
@ApplicationScoped
public class ReplayStore {

    private static final Logger LOG = Logger.getLogger(ReplayStore.class.getName());
    private static final long PURGE_INTERVAL_SECONDS = 60;

    @Inject
    UsedAssertionWriter writer;

    private final AtomicLong nextPurge = new AtomicLong();

    /**
     * Records the jti as used by the client.
     *
     * @return true when this is the first use; false when the jti was used before (a replay)
     * @throws IllegalStateException when the store cannot be reached and the answer is unknown
     */
    public boolean firstUse(String clientId, String jti, Instant keepUntil, Instant now) {
        purgeIfDue(now);
        String jtiHash = hash(jti);
        try {
            return writer.insertIfAbsent(clientId, jtiHash, keepUntil.getEpochSecond());
        } catch (RuntimeException insertFailed) {
            // Lost a race on the unique key, or the database failed. A unique-key violation surfaces differently
            // per JPA provider and JTA wrapper; whether the row exists now is the one portable way to tell.
            if (writer.exists(clientId, jtiHash)) {
                return false;
            }
            throw new IllegalStateException("the replay store is unavailable", insertFailed);
        }
    }

    private void purgeIfDue(Instant now) {
        long due = nextPurge.get();
        long seconds = now.getEpochSecond();
        if (seconds >= due && nextPurge.compareAndSet(due, seconds + PURGE_INTERVAL_SECONDS)) {
            try {
                int purged = writer.purgeExpired(seconds);
                LOG.log(Level.FINE, "Purged {0} expired jti record(s)", purged);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Purging expired jti records failed; will retry", e);
            }
        }
    }

    static String hash(String jti) {
        return Sha256.hex(jti, 32);
    }
}
