package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtbearer.issuer.client.ClientRegistry;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.client.SecretHash;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.config.TestSettings;
import org.jwtbearer.issuer.replay.ReplayStore;

/**
 * Client-id enumeration by timing: every refusal of a presented secret does the same work — exactly one
 * PBKDF2 check against a hash of the current cost — whether the client is unknown, inactive, without a
 * secret, locked out, or known with a wrong secret. Counted, not timed, so the proof does not depend on the
 * machine. Removing the stand-in check from any of those paths fails its row.
 */
class ClientAuthenticationCostTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String KNOWN = "known-client";
    private static final String INACTIVE = "inactive-client";
    private static final String NO_SECRET = "public-client";
    private static final int CURRENT_COST = iterations(SecretHash.hash("any"));

    private final List<String> checkedAgainst = new ArrayList<>();
    private final ClientAuthenticator authenticator = authenticator();

    private ClientAuthenticator authenticator() {
        Map<String, RegisteredClient> registered = Map.of(
                KNOWN, renamed(TestClients.confidential("right-secret"), KNOWN, true),
                INACTIVE, renamed(TestClients.confidential("right-secret"), INACTIVE, false),
                NO_SECRET, renamed(TestClients.registered(), NO_SECRET, true));
        ClientRegistry clients = new ClientRegistry() {
            @Override
            public Optional<RegisteredClient> find(String clientId) {
                return Optional.ofNullable(registered.get(clientId));
            }
        };
        ClientAuthenticator authenticator = TestClients.authenticator(clients, new ReplayStore(), TestClients.keys(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        SecretVerifier secrets = new SecretVerifier();
        secrets.settings = TestSettings.with();
        secrets.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        secrets.createCache();
        secrets.slowCheck = (presented, storedHash) -> {
            checkedAgainst.add(storedHash);
            return SecretHash.matches(presented, storedHash);
        };
        authenticator.secrets = secrets;
        return authenticator;
    }

    private static RegisteredClient renamed(RegisteredClient c, String clientId, boolean active) {
        return new RegisteredClient(clientId, c.name(), c.secretHash(), c.publicClient(), c.userField(), c.acceptedIssuers(),
                c.acceptedAudiences(), c.maxAssertionLifetime(), c.clockSkew(), c.requireJti(), c.accessTokenLifespan(),
                c.scopes(), c.algorithms(), c.keys(), c.claimValidations(), active, Optional.empty(), Optional.empty());
    }

    private static ClientCredentials secret(String clientId, String secret) {
        return new ClientCredentials(Optional.of(clientId), Optional.of(secret), ClientCredentials.Method.CLIENT_SECRET_BASIC);
    }

    private static int iterations(String storedHash) {
        return Integer.parseInt(storedHash.split("\\$")[1]);
    }

    private void authenticate(ClientCredentials credentials) {
        RegisteredClient client = authenticator.find(credentials);
        authenticator.verify(client, credentials, NOW);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("unknown client", (Consumer<ClientAuthenticationCostTest>) t -> {
                }, secret("no-such-client", "guess"), "client_unknown"),
                Arguments.of("known client, wrong secret", (Consumer<ClientAuthenticationCostTest>) t -> {
                }, secret(KNOWN, "guess"), "client_secret_mismatch"),
                Arguments.of("inactive client", (Consumer<ClientAuthenticationCostTest>) t -> {
                }, secret(INACTIVE, "right-secret"), "client_inactive"),
                Arguments.of("client without a secret", (Consumer<ClientAuthenticationCostTest>) t -> {
                }, secret(NO_SECRET, "guess"), "client_has_no_secret"),
                Arguments.of("locked-out client", (Consumer<ClientAuthenticationCostTest>) t -> {
                    for (int i = 0; i < IssuerSettings.DEFAULT_CLIENT_AUTH_MAX_FAILURES; i++) {
                        t.authenticator.throttle.failed(KNOWN, NOW);
                    }
                }, secret(KNOWN, "right-secret"), "client_throttled"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusalOfAPresentedSecretCostsExactlyOneCheckAtTheCurrentCost(String name, Consumer<ClientAuthenticationCostTest> given,
                                                                       ClientCredentials credentials, String reason) {
        given.accept(this);

        OAuthException refused = assertThrows(OAuthException.class, () -> authenticate(credentials));

        assertEquals(reason, refused.reason());
        assertEquals(ClientAuthenticator.FAILED, refused.description(), "the same words for every refusal");
        assertEquals(1, checkedAgainst.size(), name + ": one slow check, no more, no less");
        assertEquals(CURRENT_COST, iterations(checkedAgainst.get(0)), name + ": at the cost a stored secret has");
    }

    @Test
    void refusalWhenNoSecretPresentedThenNothingToPayFor() {
        ClientCredentials none = new ClientCredentials(Optional.of("no-such-client"), Optional.empty(), ClientCredentials.Method.NONE);

        assertEquals("client_unknown", assertThrows(OAuthException.class, () -> authenticate(none)).reason());
        assertEquals(List.of(), checkedAgainst);
    }
}
