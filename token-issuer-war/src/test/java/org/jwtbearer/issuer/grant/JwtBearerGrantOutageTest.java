package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.audit.AuditTrail;
import org.jwtbearer.database.testing.OutageChains;
import org.jwtbearer.security.assertion.JwtBearerAssertion;

/**
 * The grant while its database cannot be reached: {@code temporarily_unavailable} (503) with the store that
 * failed as the reason, nothing issued and no jti used up; a failure that is not an outage stays what it was.
 */
class JwtBearerGrantOutageTest {

    private static final Instant NOW = GrantHarness.NOW;
    private static final Clock CLOCK = GrantHarness.CLOCK;

    private final GrantHarness harness = new GrantHarness();

    private static String assertion() {
        return JwtBearerAssertion.builder().issuer(TestClients.CLIENT_ID).subject("abel.tuter").audience(TestClients.TOKEN_ENDPOINT)
                .build().sign(TestClients.signingKey(), CLOCK);
    }

    private OAuthException unavailable(ClientCredentials credentials, String reason) {
        OAuthException e = assertThrows(OAuthException.class, () -> harness.grant.handle(
                new TokenRequest(assertion(), credentials, Optional.empty(), NOW), new AuditTrail(NOW, "req", null)));
        assertEquals(OAuthError.TEMPORARILY_UNAVAILABLE, e.error());
        assertEquals(503, e.error().status());
        assertEquals("temporarily_unavailable", e.error().code());
        assertEquals(OAuthException.UNAVAILABLE_DESCRIPTION, e.description());
        assertEquals(reason, e.reason());
        assertTrue(harness.issuedFor.isEmpty(), "nothing may be issued");
        return e;
    }

    @Test
    void handleWhenReplayStoreUnreachableThenTemporarilyUnavailableAndNoToken() {
        harness.replayFailure = new IllegalStateException("the replay store is unavailable", OutageChains.driverRefused());
        unavailable(ClientCredentials.none(Optional.empty()), "replay_store_unavailable");
        assertTrue(harness.usedJtis.isEmpty());
    }

    @Test
    void handleWhenReplayStoreFailsOtherwiseThenServerErrorAndNoToken() {
        harness.replayFailure = new IllegalStateException("the replay store must be written outside any transaction");
        OAuthException e = assertThrows(OAuthException.class, () -> harness.grant.handle(new TokenRequest(assertion(),
                ClientCredentials.none(Optional.empty()), Optional.empty(), NOW), new AuditTrail(NOW, "req", null)));
        assertEquals(OAuthError.SERVER_ERROR, e.error());
        assertEquals("replay_store_failed", e.reason());
        assertTrue(harness.issuedFor.isEmpty());
    }

    @Test
    void handleWhenRegistryUnreachableByClientIdThenTemporarilyUnavailable() {
        harness.clientsFailure = OutageChains.wildFlyRefused();
        unavailable(ClientCredentials.none(Optional.of(TestClients.CLIENT_ID)), "client_registry_unavailable");
    }

    @Test
    void handleWhenRegistryUnreachableByIssuerThenTemporarilyUnavailable() {
        harness.clientsFailure = OutageChains.payaraRefused();
        unavailable(ClientCredentials.none(Optional.empty()), "client_registry_unavailable");
    }

    @Test
    void handleWhenUserDirectoryUnreachableThenTemporarilyUnavailableAndNoJtiUsed() {
        harness.usersFailure = OutageChains.wildFlyPoolExhausted();
        unavailable(ClientCredentials.none(Optional.empty()), "user_directory_unavailable");
        assertTrue(harness.usedJtis.isEmpty());
    }

    @Test
    void handleWhenClientAssertionCannotBeRecordedThenTemporarilyUnavailable() {
        harness.replayFailure = new IllegalStateException("the replay store is unavailable", OutageChains.driverRefused());
        String clientAssertion = JwtBearerAssertion.builder().issuer(TestClients.CLIENT_ID).subject(TestClients.CLIENT_ID)
                .audience(TestClients.TOKEN_ENDPOINT).build().sign(TestClients.signingKey(), CLOCK);
        unavailable(ClientCredentials.privateKeyJwt(TestClients.CLIENT_ID, ClientAssertion.parse(clientAssertion)),
                "replay_store_unavailable");
    }

    @Test
    void handleWhenClientAssertionStoreFailsOtherwiseThenServerError() {
        harness.replayFailure = new IllegalStateException("the replay store must be written outside any transaction");
        String clientAssertion = JwtBearerAssertion.builder().issuer(TestClients.CLIENT_ID).subject(TestClients.CLIENT_ID)
                .audience(TestClients.TOKEN_ENDPOINT).build().sign(TestClients.signingKey(), CLOCK);
        OAuthException e = assertThrows(OAuthException.class, () -> harness.grant.handle(new TokenRequest(assertion(),
                ClientCredentials.privateKeyJwt(TestClients.CLIENT_ID, ClientAssertion.parse(clientAssertion)), Optional.empty(), NOW),
                new AuditTrail(NOW, "req", null)));
        assertEquals(OAuthError.SERVER_ERROR, e.error());
        assertEquals("replay_store_failed", e.reason());
        assertTrue(harness.issuedFor.isEmpty());
    }

    @Test
    void handleWhenLookupFailsWithoutOutageThenFailureUnchanged() {
        PersistenceException bug = new PersistenceException("could not prepare statement",
                new java.sql.SQLException("relation \"jb_client\" does not exist", "42P01"));
        harness.clientsFailure = bug;
        PersistenceException thrown = assertThrows(PersistenceException.class, () -> harness.grant.handle(new TokenRequest(
                assertion(), ClientCredentials.none(Optional.of(TestClients.CLIENT_ID)), Optional.empty(), NOW),
                new AuditTrail(NOW, "req", null)));
        assertSame(bug, thrown);
    }
}
