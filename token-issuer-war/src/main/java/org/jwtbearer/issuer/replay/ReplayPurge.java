package org.jwtbearer.issuer.replay;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.database.outage.OutageLog;

/**
 * Deletes expired jti records once a minute, on the server's managed scheduler — never on a request
 * thread, where a large delete would show up as a latency spike. Every node purges; the deletes are
 * idempotent, so several nodes purging at once is harmless.
 */
@ApplicationScoped
public class ReplayPurge {

    private static final Logger LOG = Logger.getLogger(ReplayPurge.class.getName());
    private static final OutageLog OUTAGES = new OutageLog(LOG);
    static final long INTERVAL_SECONDS = 60;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    UsedAssertionTable table;

    @Inject
    Clock clock;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = scheduler.scheduleWithFixedDelay(this::purge, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    void purge() {
        try {
            int purged = table.purgeExpired(clock.instant().getEpochSecond());
            LOG.log(Level.FINE, "Purged {0} expired jti record(s)", purged);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                OUTAGES.report(e); // the database is away: one line now and then, no stack trace
            } else {
                LOG.log(Level.WARNING, "Purging expired jti records failed; will retry", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
