package org.jwtbearer.security.revocation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jwtbearer.security.config.RevocationListSettings;

/**
 * The issuer's revocation list, kept fresh in the background the way {@code RemoteJwks} keeps the keys:
 *
 * <ul>
 *   <li><b>Lazily:</b> nothing is fetched until the first token is checked (in an EAR the issuer may not be
 *   deployed yet when this application starts); that first fetch is awaited, at most the timeout.</li>
 *   <li><b>Incrementally:</b> the first fetch takes the whole list, every later one the changes since the cursor of
 *   the last answer taken, every {@code refreshInterval} (a third of the max-age), from the scheduler's
 *   {@link #refreshIfDue()} or, without one, from the requests themselves.</li>
 *   <li><b>With a cool-down:</b> at most one fetch per refresh interval, whatever asks for it, and one at a time;
 *   no request waits for another's fetch except for the very first list.</li>
 *   <li><b>Bounded in age:</b> {@link #fresh()} gives the list only while it was fetched less than {@code maxAge}
 *   ago (counted from the start of the fetch, so that what it holds is at least that recent). A revocation made at
 *   the issuer is therefore seen by every check from {@code maxAge} after it on; when the issuer cannot be reached
 *   for that long, there is no list to check against and the caller decides (fail closed by default).</li>
 *   <li><b>Bounded in size:</b> at most {@code maxEntries} entries, each dropped at its {@code exp}; an answer that
 *   would hold more is not taken, and the list ages as in an outage.</li>
 * </ul>
 */
public final class RevocationList {

    private static final Logger LOG = Logger.getLogger(RevocationList.class.getName());
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private final RevocationSource source;
    private final Revocations held;
    private final Duration maxAge;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final Executor refresher;

    /** When the fetch whose answer was taken last started; MIN before the first. */
    private volatile Instant asOf = Instant.MIN;
    private volatile String cursor;
    private volatile boolean used;
    private final AtomicBoolean queued = new AtomicBoolean();

    private final Object gate = new Object();
    private CompletableFuture<Void> inFlight;       // guarded by gate
    private Instant lastAttempt = Instant.MIN;      // guarded by gate
    private boolean failing;                        // written by the one fetch in flight
    private Instant lastReported = Instant.MIN;     // written by the one fetch in flight

    public RevocationList(RevocationSource source, RevocationListSettings settings, Clock clock, Executor refresher) {
        this(source, settings.maxEntries(), settings.maxAge(), settings.refreshInterval(), settings.timeout(), clock, refresher);
    }

    RevocationList(RevocationSource source, int maxEntries, Duration maxAge, Duration interval, Duration timeout, Clock clock,
                   Executor refresher) {
        this.source = source;
        this.held = new Revocations(maxEntries);
        this.maxAge = maxAge;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        this.refresher = refresher;
    }

    /**
     * The list, when it was fetched less than the max-age ago — fetching first when it is older and no other fetch
     * is under way or was tried within the cool-down; empty when it cannot be had that fresh.
     */
    Optional<Revocations> fresh() {
        used = true;
        Instant now = clock.instant();
        if (isFresh(now)) {
            if (refreshDue(now)) {
                refreshInBackground(now);
            }
            return Optional.of(held);
        }
        fetch(now, asOf.equals(Instant.MIN));
        return isFresh(clock.instant()) ? Optional.of(held) : Optional.empty();
    }

    /** For a scheduler: fetches the changes when a refresh is due, on the calling thread; nothing before first use. */
    public void refreshIfDue() {
        if (!used) {
            return;
        }
        Instant now = clock.instant();
        if (refreshDue(now)) {
            fetch(now, false);
        }
    }

    /** How many entries are held. */
    public int size() {
        return held.size();
    }

    private boolean isFresh(Instant now) {
        return !asOf.equals(Instant.MIN) && now.isBefore(asOf.plus(maxAge));
    }

    private boolean refreshDue(Instant now) {
        return asOf.equals(Instant.MIN) || !now.isBefore(asOf.plus(interval));
    }

    /** Hands one refresh to the executor — one, not one per request noticing it is due. */
    private void refreshInBackground(Instant now) {
        synchronized (gate) {
            if (inFlight != null || lastAttempt.plus(interval).isAfter(now)) {
                return;
            }
        }
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(() -> {
                queued.set(false);
                refreshIfDue();
            });
        } catch (RejectedExecutionException e) {
            queued.set(false);
            LOG.log(Level.FINE, "Revocation list refresh not scheduled: {0}", e.getMessage());
        }
    }

    /**
     * Fetches on this thread when no other fetch is under way and the cool-down allows. When another one is under
     * way, waits for it only if {@code awaitOthers} (bounded by the timeout).
     */
    private void fetch(Instant now, boolean awaitOthers) {
        CompletableFuture<Void> mine;
        CompletableFuture<Void> theirs;
        synchronized (gate) {
            theirs = inFlight;
            if (theirs == null) {
                if (lastAttempt.plus(interval).isAfter(now)) {
                    return;
                }
                lastAttempt = now;
                inFlight = new CompletableFuture<>();
            }
            mine = inFlight;
        }
        if (theirs != null) {
            if (awaitOthers) {
                await(theirs);
            }
            return;
        }
        try {
            RevocationUpdate update = source.fetch(Optional.ofNullable(cursor));
            if (held.apply(update, clock.instant().getEpochSecond())) {
                cursor = update.cursor();
                asOf = now;
                recovered();
            } else {
                failed(now, "the list would hold more than its max-entries (" + update.size() + " entries in this answer)");
            }
        } catch (IOException | RuntimeException e) {
            failed(now, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (gate) {
                inFlight = null;
            }
            mine.complete(null);
        }
    }

    private void await(CompletableFuture<Void> fetch) {
        try {
            fetch.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the caller looks at what is held
        }
    }

    /** One line when fetching starts failing, then one a minute: an outage must not fill the log. */
    private void failed(Instant now, String problem) {
        if (!failing || !now.isBefore(lastReported.plus(REPORT_EVERY))) {
            lastReported = now;
            Instant until = asOf.equals(Instant.MIN) ? now : asOf.plus(maxAge);
            LOG.log(Level.WARNING, "Cannot fetch the revocation list from {0}: {1}; {2}", new Object[] {source, problem,
                    until.isAfter(now) ? "the list held is used until " + until : "there is no list recent enough to check tokens against"});
        }
        failing = true;
    }

    private void recovered() {
        if (failing) {
            LOG.log(Level.INFO, "Revocation list fetched again from {0} ({1} entries)", new Object[] {source, held.size()});
        }
        failing = false;
    }
}
