package org.jwtbearer.issuer.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.client.ClientRegistry;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.replay.ReplayStore;

/**
 * Checks the client's credentials: a secret, a {@code private_key_jwt} client assertion, or none. Credentials
 * that are present are always checked, even for a public client, and every failure is the same
 * {@code invalid_client} to the caller; the precise reason goes to the audit log.
 *
 * <p>A client assertion's jti is recorded only once the request it came with has succeeded
 * ({@link #recordUse}): a request refused for any other reason uses up nothing, so a refused request can be
 * retried with the same client assertion, and nobody can burn a client's jti with a request that fails. The
 * jti lives in the replay store under the client's id but in a namespace of its own, apart from the jtis of
 * grant assertions.
 *
 * <p>Failed checks of presented credentials count towards the client's lockout ({@link ClientAuthThrottle});
 * while locked out, its credentials are not even checked.
 */
@ApplicationScoped
public class ClientAuthenticator {

    public static final String FAILED = "Client authentication failed";
    /** Keeps client-assertion jtis apart from grant-assertion jtis of the same client in the replay store. */
    static final String CLIENT_ASSERTION_NAMESPACE = "client_assertion:";

    @Inject
    ClientRegistry clients;

    @Inject
    SecretVerifier secrets;

    @Inject
    ClientAssertionVerifier assertions;

    @Inject
    ReplayStore replayStore;

    @Inject
    ClientAuthThrottle throttle;

    @Inject
    Clock clock;

    /**
     * A client whose credentials checked out, and the client assertion jti still to be recorded when the
     * request succeeds (empty for the other methods).
     */
    public record Authenticated(RegisteredClient client, Optional<ClientAssertionVerifier.VerifiedClientAssertion> pending) {
    }

    /** The generic refusal of client authentication, with its precise reason for the audit log. */
    public static OAuthException failed(String reason) {
        return new OAuthException(OAuthError.INVALID_CLIENT, FAILED, reason);
    }

    /**
     * For the endpoints where a client must name and prove itself (introspection, revocation): a client
     * that presents no credential at all is refused, public or not. A client assertion's jti is recorded
     * here, as authentication is all such a request asks of the client.
     */
    public RegisteredClient authenticateNamed(ClientCredentials credentials) {
        credentials.clientId().orElseThrow(() -> failed("client_unnamed"));
        RegisteredClient client = find(credentials);
        if (credentials.method() == ClientCredentials.Method.NONE) {
            throw failed("client_credentials_missing");
        }
        authenticate(client, credentials);
        return client;
    }

    /**
     * The client the credentials name by id (present); unknown is {@code invalid_client}, after the same work a
     * known client's wrong secret takes.
     */
    public RegisteredClient find(ClientCredentials credentials) {
        String clientId = credentials.clientId().orElseThrow();
        return StoreCalls.call(JwtBearerGrant.CLIENT_REGISTRY_UNAVAILABLE, () -> clients.find(clientId))
                .orElseThrow(() -> unchecked(credentials, "client_unknown"));
    }

    /**
     * The refusal of credentials that are not checked against the client's own (there is nothing to check them
     * against, or the client is locked out). A secret among them costs what checking it would, so that the
     * time of the answer tells nothing about the client: {@link SecretVerifier#matchesNothing}.
     */
    private OAuthException unchecked(ClientCredentials credentials, String reason) {
        credentials.secret().ifPresent(secrets::matchesNothing);
        return failed(reason);
    }

    /** Checks the credentials presented for an already identified client, recording a client assertion's jti at once. */
    public void authenticate(RegisteredClient client, ClientCredentials credentials) {
        Instant now = clock.instant();
        recordUse(verify(client, credentials, now), now);
    }

    /**
     * Checks the credentials presented for an already identified client without using anything up; the
     * caller passes the result to {@link #recordUse} once its request has succeeded.
     */
    public Authenticated verify(RegisteredClient client, ClientCredentials credentials, Instant now) {
        if (!client.active()) {
            throw unchecked(credentials, "client_inactive");
        }
        if (credentials.assertion().isEmpty() && credentials.secret().isEmpty()) {
            if (client.requiresSecret()) {
                throw failed("client_secret_missing");
            }
            return new Authenticated(client, Optional.empty());
        }
        if (throttle.lockedOut(client.clientId(), now)) {
            throw unchecked(credentials, "client_throttled");
        }
        Authenticated authenticated;
        try {
            authenticated = new Authenticated(client, credentials.assertion().isPresent()
                    ? Optional.of(assertions.verify(client, credentials.assertion().get(), now))
                    : checkSecret(client, credentials));
        } catch (OAuthException e) {
            throttle.failed(client.clientId(), now);
            throw e;
        }
        throttle.succeeded(client.clientId());
        return authenticated;
    }

    private Optional<ClientAssertionVerifier.VerifiedClientAssertion> checkSecret(RegisteredClient client, ClientCredentials credentials) {
        String hash = client.secretHash().orElseThrow(() -> unchecked(credentials, "client_has_no_secret"));
        if (!secrets.matches(credentials.secret().get(), hash)) {
            throw failed("client_secret_mismatch");
        }
        return Optional.empty();
    }

    /** Records the client assertion's jti; a jti this client used before is a replay, {@code invalid_client}. */
    public void recordUse(Authenticated authenticated, Instant now) {
        if (authenticated.pending().isEmpty()) {
            return;
        }
        ClientAssertionVerifier.VerifiedClientAssertion used = authenticated.pending().get();
        boolean first;
        try {
            first = StoreCalls.call(JwtBearerGrant.REPLAY_STORE_UNAVAILABLE, () -> replayStore.firstUse(
                    authenticated.client().clientId(), CLIENT_ASSERTION_NAMESPACE + used.jti(), used.keepUntil()));
        } catch (IllegalStateException e) {
            throw new OAuthException(OAuthError.SERVER_ERROR, "The request could not be handled; try again", "replay_store_failed");
        }
        if (!first) {
            throttle.failed(authenticated.client().clientId(), now);
            throw failed("client_assertion_replayed");
        }
    }
}
