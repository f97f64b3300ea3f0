package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.client.SecretHash;
import org.jwtbearer.issuer.config.TestSettings;
import org.jwtbearer.database.testing.MutableClock;

/** A remembered match must never let a wrong or replaced secret through. */
class SecretVerifierTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private SecretVerifier verifier() {
        SecretVerifier verifier = new SecretVerifier();
        verifier.settings = TestSettings.with();
        verifier.clock = clock;
        verifier.createCache();
        return verifier;
    }

    @Test
    void matchesWhenRightSecretThenTrueAndAWrongOneAfterItStillFalse() {
        SecretVerifier verifier = verifier();
        String stored = SecretHash.hash("right");

        assertTrue(verifier.matches("right", stored));
        assertTrue(verifier.matches("right", stored), "remembered");
        assertFalse(verifier.matches("wrong", stored));
    }

    @Test
    void matchesWhenTheClientsSecretWasReplacedThenTheOldSecretNoLongerMatches() {
        SecretVerifier verifier = verifier();
        assertTrue(verifier.matches("old", SecretHash.hash("old")));

        assertFalse(verifier.matches("old", SecretHash.hash("new")), "the remembered match belongs to the old stored hash");
    }

    @Test
    void matchesWhenRememberedForLongerThanAnHourThenHashedAgainAndStillRight() {
        SecretVerifier verifier = verifier();
        String stored = SecretHash.hash("right");
        assertTrue(verifier.matches("right", stored));

        clock.advance(SecretVerifier.REMEMBER_MATCH.plus(Duration.ofSeconds(1)));

        assertTrue(verifier.matches("right", stored));
        assertFalse(verifier.matches("wrong", stored));
    }
}
