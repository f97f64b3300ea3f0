package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.client.ClientRegistry;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.client.SecretHash;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.config.TestSettings;
import org.jwtbearer.issuer.replay.ReplayStore;

/** Attack catalogue #29: repeated failures lock a client out for a growing, capped time; no sleeping, a moved clock. */
class ClientAuthThrottleTest {

    private static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");
    private static final String ID = "client-a";

    private static IssuerSettings settings(int maxFailures, long maxLockoutSeconds) {
        return TestSettings.with("jwtbearer.client-auth.max-failures", Integer.toString(maxFailures),
                "jwtbearer.client-auth.max-lockout-seconds", Long.toString(maxLockoutSeconds));
    }

    private static boolean lockedOut(ClientAuthThrottle throttle, Instant at) {
        return throttle.lockedOut(ID, at);
    }

    @Test
    void failedWhenBelowLimitThenNotLockedAndAtLimitLockedForOneSecond() {
        ClientAuthThrottle throttle = TestClients.throttle(settings(5, 60));
        for (int i = 0; i < 4; i++) {
            throttle.failed(ID, T0);
        }
        assertTrue(!lockedOut(throttle, T0));
        throttle.failed(ID, T0);
        assertTrue(lockedOut(throttle, T0));
        assertTrue(lockedOut(throttle, T0.plusMillis(999)));
        assertTrue(!lockedOut(throttle, T0.plusSeconds(1)));
    }

    @Test
    void failedWhenBeyondLimitThenLockoutDoublesUpToTheCap() {
        ClientAuthThrottle throttle = TestClients.throttle(settings(2, 5));
        assertEquals(Duration.ofSeconds(1), throttle.lockout(0));
        assertEquals(Duration.ofSeconds(2), throttle.lockout(1));
        assertEquals(Duration.ofSeconds(4), throttle.lockout(2));
        assertEquals(Duration.ofSeconds(5), throttle.lockout(3));
        assertEquals(Duration.ofSeconds(5), throttle.lockout(1000));

        Instant t = T0;
        throttle.failed(ID, t);
        throttle.failed(ID, t);
        t = t.plusSeconds(1);
        throttle.failed(ID, t);
        assertTrue(lockedOut(throttle, t.plusMillis(1999)));
        assertTrue(!lockedOut(throttle, t.plusSeconds(2)));
    }

    @Test
    void succeededThenStreakEnds() {
        ClientAuthThrottle throttle = TestClients.throttle(settings(2, 60));
        throttle.failed(ID, T0);
        throttle.succeeded(ID);
        throttle.failed(ID, T0);
        assertTrue(!lockedOut(throttle, T0));
    }

    @Test
    void failedWhenLastFailureLongAgoThenStreakStartsAgain() {
        ClientAuthThrottle throttle = TestClients.throttle(settings(2, 60));
        throttle.failed(ID, T0);
        Instant later = T0.plus(ClientAuthThrottle.FORGET_AFTER).plusSeconds(1);
        throttle.failed(ID, later);
        assertTrue(!lockedOut(throttle, later));
    }

    @Test
    void failedWhenMaxFailuresZeroThenNeverLocked() {
        ClientAuthThrottle throttle = TestClients.throttle(settings(0, 60));
        for (int i = 0; i < 100; i++) {
            throttle.failed(ID, T0);
        }
        assertTrue(!lockedOut(throttle, T0));
    }

    @Test
    void failedForManyClientsThenMemoryStaysBounded() {
        ClientAuthThrottle throttle = TestClients.throttle(settings(5, 60));
        for (int i = 0; i < ClientAuthThrottle.MAX_ENTRIES * 2; i++) {
            throttle.failed("client-" + i, T0);
        }
        assertTrue(throttle.size() <= ClientAuthThrottle.MAX_ENTRIES);
    }

    /** Through the authenticator: once locked out, even the right secret is refused, and not even checked. */
    @Test
    void authenticatorWhenLockedOutThenRightSecretRefusedUnchecked() {
        RegisteredClient client = TestClients.confidential("right-secret");
        AtomicInteger checks = new AtomicInteger();
        ClientAuthenticator authenticator = TestClients.authenticator(new ClientRegistry(), new ReplayStore(), TestClients.keys(),
                java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
        authenticator.secrets = new SecretVerifier() {
            @Override
            public boolean matches(String presented, String storedHash) {
                checks.incrementAndGet();
                return SecretHash.matches(presented, storedHash);
            }
        };
        ClientCredentials wrong = new ClientCredentials(Optional.of(client.clientId()), Optional.of("guess"),
                ClientCredentials.Method.CLIENT_SECRET_POST);
        ClientCredentials right = new ClientCredentials(Optional.of(client.clientId()), Optional.of("right-secret"),
                ClientCredentials.Method.CLIENT_SECRET_POST);
        for (int i = 0; i < IssuerSettings.DEFAULT_CLIENT_AUTH_MAX_FAILURES; i++) {
            assertEquals("client_secret_mismatch",
                    assertThrows(OAuthException.class, () -> authenticator.verify(client, wrong, T0)).reason());
        }
        int checksBefore = checks.get();

        OAuthException e = assertThrows(OAuthException.class, () -> authenticator.verify(client, right, T0));
        assertEquals("client_throttled", e.reason());
        assertEquals(ClientAuthenticator.FAILED, e.description());
        assertEquals(checksBefore, checks.get(), "a locked-out client's secret is not checked");

        assertDoesNotThrow(() -> authenticator.verify(client, right, T0.plusSeconds(1)));
        assertEquals("client_secret_mismatch",
                assertThrows(OAuthException.class, () -> authenticator.verify(client, wrong, T0.plusSeconds(1))).reason(),
                "a success ends the streak");
    }
}
