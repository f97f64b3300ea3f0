package org.jwtbearer.database.outage;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes "the database is unavailable" to a log as one WARNING line without a stack trace, at most once per
 * interval. While the database is down every request fails the same way: a line per request, let alone a stack
 * trace, would bury everything else and cost the server more than the requests. The next line written says how
 * many reports were held back meanwhile.
 */
public final class OutageLog {

    public static final Duration INTERVAL = Duration.ofSeconds(10);

    private final Logger log;
    private final long intervalMillis;
    private final Clock clock;
    private final AtomicLong nextLineAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong heldBack = new AtomicLong();

    public OutageLog(Logger log) {
        this(log, INTERVAL, Clock.systemUTC());
    }

    public OutageLog(Logger log, Duration interval, Clock clock) {
        this.log = log;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    /** Logs the failure's {@linkplain DatabaseUnavailable#summary summary}, unless a line went out less than the interval ago. */
    public void report(Throwable failure) {
        long now = clock.millis();
        long due = nextLineAt.get();
        if (now < due || !nextLineAt.compareAndSet(due, now + intervalMillis)) {
            heldBack.incrementAndGet();
            return;
        }
        long held = heldBack.getAndSet(0);
        log.log(Level.WARNING, "Database unavailable: " + DatabaseUnavailable.summary(failure)
                + (held > 0 ? " (" + held + " more since the last report)" : ""));
    }
}
