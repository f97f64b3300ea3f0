package org.jwtbearer.issuer.revocation;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.security.revocation.RevocationRules;

import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.database.outage.OutageLog;

/**
 * The access tokens revoked before their expiry, in the issuer's database: a revocation made on one node is
 * seen at once by every node, because each check is a database read (no cache: a revoked token must not stay
 * active anywhere for a cache's lifetime). Rows go once their token has expired.
 */
@ApplicationScoped
public class RevokedTokens {

    private static final Logger LOG = Logger.getLogger(RevokedTokens.class.getName());
    private static final OutageLog OUTAGES = new OutageLog(LOG);
    private static final long PURGE_INTERVAL_SECONDS = 60;

    @Inject
    RevokedTokenWriter writer;

    private final AtomicLong nextPurge = new AtomicLong();

    /** Records the token with this jti as revoked until {@code expiresAt}. */
    public void revoke(String jti, String clientId, Instant expiresAt, Instant now) {
        purgeIfDue(now);
        String hash = hash(jti);
        try {
            writer.insertIfAbsent(hash, clientId, expiresAt.getEpochSecond(), now.toEpochMilli());
        } catch (RuntimeException insertFailed) {
            // Two revocations of one token racing: the other one's row is what we wanted.
            if (!writer.exists(hash)) {
                throw insertFailed;
            }
        }
    }

    public boolean isRevoked(String jti) {
        return writer.exists(hash(jti));
    }

    private void purgeIfDue(Instant now) {
        long due = nextPurge.get();
        long seconds = now.getEpochSecond();
        if (seconds >= due && nextPurge.compareAndSet(due, seconds + PURGE_INTERVAL_SECONDS)) {
            try {
                int purged = writer.purgeExpired(seconds);
                LOG.log(Level.FINE, "Purged {0} revoked token(s) and not-before instant(s) past their expiry", purged);
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.isCause(e)) {
                    OUTAGES.report(e); // the database is away: one line now and then, no stack trace
                } else {
                    LOG.log(Level.WARNING, "Purging revoked tokens failed; will retry", e);
                }
            }
        }
    }

    /** What resource servers compare with a token's {@code jti}: the SHA-256 of its UTF-8 bytes, lowercase hex. */
    public static String hash(String jti) {
        return RevocationRules.jtiHash(jti);
    }
}
