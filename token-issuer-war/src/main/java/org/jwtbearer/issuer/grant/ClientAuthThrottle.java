package org.jwtbearer.issuer.grant;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.config.IssuerSettings;

/**
 * Slows down guessing a client's secret or forging its client assertions (attack catalogue #29): after
 * {@code jwtbearer.client-auth.max-failures} consecutive failed checks, the client's credentials are not
 * checked at all for a while — 1 s, then twice as long after every further failure, at most
 * {@code jwtbearer.client-auth.max-lockout-seconds}. A successful check ends the streak; so do 15 minutes
 * without a failure.
 *
 * <p>Kept in memory on each node: with n nodes an attacker gets n times the attempts, which still turns
 * unbounded guessing into a few per minute. Memory is bounded: only registered clients are counted (the
 * client is looked up first), and the table is capped.
 */
@ApplicationScoped
public class ClientAuthThrottle {

    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int MAX_ENTRIES = 10_000;

    @Inject
    IssuerSettings settings;

    private record Streak(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();
    private int maxFailures;
    private Duration maxLockout;

    @PostConstruct
    void readSettings() {
        maxFailures = settings.clientAuthMaxFailures();
        maxLockout = settings.clientAuthMaxLockout();
    }

    /** Whether the client is locked out at {@code now}: its credentials are then refused without being looked at. */
    public boolean lockedOut(String clientId, Instant now) {
        Streak streak = streaks.get(clientId);
        return streak != null && now.isBefore(streak.lockedUntil());
    }

    public void failed(String clientId, Instant now) {
        if (maxFailures == 0) {
            return;
        }
        if (streaks.size() >= MAX_ENTRIES && !streaks.containsKey(clientId)) {
            makeRoom(now);
        }
        streaks.compute(clientId, (id, previous) -> {
            int failures = previous == null || previous.lastFailure().plus(FORGET_AFTER).isBefore(now) ? 1 : previous.failures() + 1;
            Instant lockedUntil = failures < maxFailures ? Instant.MIN : now.plus(lockout(failures - maxFailures));
            return new Streak(failures, now, lockedUntil);
        });
    }

    public void succeeded(String clientId) {
        streaks.remove(clientId);
    }

    /** 1 s for the failure that reaches the limit, doubling with each one after it, capped. */
    Duration lockout(int failuresBeyondLimit) {
        if (failuresBeyondLimit >= 30) {
            return maxLockout;
        }
        Duration grown = FIRST_LOCKOUT.multipliedBy(1L << failuresBeyondLimit);
        return grown.compareTo(maxLockout) > 0 ? maxLockout : grown;
    }

    /** Drops streaks that lock nothing out now; if every entry still locks, forgets them all (a flood, not a guess). */
    private void makeRoom(Instant now) {
        streaks.values().removeIf(s -> !now.isBefore(s.lockedUntil()));
        if (streaks.size() >= MAX_ENTRIES) {
            streaks.clear();
        }
    }

    int size() {
        return streaks.size();
    }
}
