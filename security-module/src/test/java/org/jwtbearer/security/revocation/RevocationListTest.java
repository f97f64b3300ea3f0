package org.jwtbearer.security.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestClock;

/** Fetching the revocation list: lazily, incrementally, with a cool-down, through outages, within a size bound. */
class RevocationListTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final long EXP = NOW.getEpochSecond() + 1800;
    private static final Duration MAX_AGE = Duration.ofSeconds(15);
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock(NOW);
    private final ScriptedRevocations issuer = new ScriptedRevocations();

    private RevocationList list(int maxEntries) {
        return new RevocationList(issuer, maxEntries, MAX_AGE, INTERVAL, Duration.ofSeconds(1), clock, Runnable::run);
    }

    private static boolean revoked(RevocationList list, String jti) {
        return list.fresh().orElseThrow().isRevoked(RevocationRules.jtiHash(jti));
    }

    @Test
    void freshWhenFirstUsedThenTheWholeListIsFetchedAndNothingBefore() {
        issuer.revoke("jti-1", EXP);
        RevocationList list = list(100);

        list.refreshIfDue();
        assertEquals(0, issuer.fetches(), "lazily: the scheduler fetches nothing before the first token");

        assertTrue(revoked(list, "jti-1"));
        assertFalse(revoked(list, "jti-2"));
        assertEquals(List.of(Optional.empty()), issuer.asked, "one fetch, of the whole list");
    }

    @Test
    void freshWhenRefreshIntervalPassedThenOnlyTheChangesSinceTheCursorAreFetched() {
        RevocationList list = list(100);
        list.fresh();
        issuer.revoke("jti-1", EXP);

        clock.advance(INTERVAL.minusSeconds(1));
        assertFalse(revoked(list, "jti-1"), "within the interval the list held is used");
        assertEquals(1, issuer.fetches());

        clock.advance(Duration.ofSeconds(1));
        list.fresh();
        assertTrue(revoked(list, "jti-1"));
        assertEquals(2, issuer.fetches());
        assertEquals(Optional.of("1"), issuer.asked.get(1), "since the cursor of the first answer");
    }

    @Test
    void refreshIfDueWhenUsedThenTheSchedulerKeepsTheListFreshWithoutRequests() {
        RevocationList list = list(100);
        list.fresh();
        issuer.revoke("jti-1", EXP);

        clock.advance(INTERVAL);
        list.refreshIfDue();
        list.refreshIfDue();

        assertEquals(2, issuer.fetches(), "one fetch per interval however often the scheduler asks");
        assertTrue(revoked(list, "jti-1"));
    }

    @Test
    void freshWhenTheIssuerIsDownThenTheListHeldIsUsedUntilItsMaxAgeAndThenNone() {
        issuer.revoke("jti-1", EXP);
        RevocationList list = list(100);
        list.fresh();
        issuer.down = true;

        clock.advance(MAX_AGE.minusSeconds(1));
        assertTrue(revoked(list, "jti-1"), "the list held bridges a short outage");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), list.fresh(), "older than the max-age: no list to check against");

        issuer.down = false;
        clock.advance(INTERVAL);
        assertTrue(revoked(list, "jti-1"), "back as soon as a fetch succeeds");
    }

    @Test
    void freshWhenNeverFetchedAndTheIssuerIsDownThenNoListAndOneFetchPerCooldown() {
        issuer.down = true;
        RevocationList list = list(100);

        for (int i = 0; i < 20; i++) {
            assertEquals(Optional.empty(), list.fresh());
        }
        assertEquals(1, issuer.fetches(), "a flood of requests during an outage costs one fetch per cool-down");

        clock.advance(INTERVAL);
        list.fresh();
        assertEquals(2, issuer.fetches());
    }

    @Test
    void freshWhenTheWholeListExceedsMaxEntriesThenItIsNotTaken() {
        issuer.revoke("jti-1", EXP);
        issuer.revoke("jti-2", EXP);
        issuer.user("sys-1", NOW.getEpochSecond(), EXP);

        assertEquals(Optional.empty(), list(2).fresh(), "three entries do not fit in two: none is held, the list counts as not fetched");
        assertTrue(list(3).fresh().isPresent());
    }

    @Test
    void freshWhenChangesWouldExceedMaxEntriesThenTheyAreNotTakenAndAskedForAgainFromTheSameCursor() {
        issuer.revoke("jti-1", EXP);
        RevocationList list = list(2);
        list.fresh();
        issuer.revoke("jti-2", EXP);
        issuer.revoke("jti-3", EXP);

        clock.advance(INTERVAL);
        assertFalse(revoked(list, "jti-2"), "not taken");
        clock.advance(INTERVAL);
        list.fresh();

        assertEquals(issuer.asked.get(1), issuer.asked.get(2), "the cursor did not move past changes it did not take");
        assertEquals(1, list.size());
        clock.advance(MAX_AGE);
        assertEquals(Optional.empty(), list.fresh(), "and the list ages as in an outage");
    }

    @Test
    void freshWhenEntriesExpireThenTheyAreDropped() {
        issuer.revoke("short", NOW.getEpochSecond() + 10);
        issuer.revoke("long", EXP);
        RevocationList list = list(100);
        list.fresh();
        assertEquals(2, list.size());

        clock.advance(Duration.ofSeconds(10));
        list.refreshIfDue();

        assertEquals(1, list.size(), "an entry goes with the token it concerns");
        assertTrue(revoked(list, "long"));
    }

    @Test
    void freshWhenUserNotBeforeMovesThenTheLaterInstantIsHeld() {
        issuer.user("sys-1", 100, EXP);
        RevocationList list = list(100);
        list.fresh();
        issuer.user("sys-1", 200, EXP);
        issuer.client("client-a", 150, EXP);

        clock.advance(INTERVAL);
        Revocations held = list.fresh().orElseThrow();

        assertEquals(200, held.notBefore(null, "sys-1").orElseThrow());
        assertEquals(200, held.notBefore("client-a", "sys-1").orElseThrow(), "the later of client's and user's");
        assertEquals(150, held.notBefore("client-a", "sys-2").orElseThrow());
        assertTrue(held.notBefore("client-b", "sys-2").isEmpty());
    }
}
