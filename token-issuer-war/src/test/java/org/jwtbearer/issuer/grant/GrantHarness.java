package org.jwtbearer.issuer.grant;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jwtbearer.issuer.audit.AuditTrail;
import org.jwtbearer.issuer.client.ClientRegistry;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.client.UserField;
import org.jwtbearer.issuer.replay.ReplayStore;
import org.jwtbearer.issuer.token.AccessTokenIssuer;
import org.jwtbearer.issuer.user.User;
import org.jwtbearer.issuer.user.UserDirectory;

/**
 * The grant wired as the container wires it, over in-memory collaborators that record what reached them:
 * the jtis the replay store was asked to record and the users tokens were issued for.
 */
final class GrantHarness {

    static final Instant NOW = Instant.parse("2030-01-01T12:00:00.250Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final Map<String, RegisteredClient> clients = new HashMap<>();
    final Map<String, User> users = new HashMap<>();
    final List<String> usedJtis = new ArrayList<>();
    final List<String> issuedFor = new ArrayList<>();
    final JwtBearerGrant grant = new JwtBearerGrant();
    /** When set, what the registry, the user directory or the replay store throws instead of answering. */
    RuntimeException clientsFailure;
    RuntimeException usersFailure;
    RuntimeException replayFailure;

    GrantHarness() {
        clients.put(TestClients.CLIENT_ID, TestClients.registered());
        users.put("abel.tuter", new User("0123456789abcdef0123456789abcdef", "abel.tuter", "Abel Tuter", "abel@example.com", Set.of("itil"), true, false));
        users.put("gone", new User("fedcba9876543210fedcba9876543210", "gone", null, null, Set.of(), false, false));
        users.put("locked", new User("00000000000000000000000000000001", "locked", null, null, Set.of("itil"), true, true));
        grant.clients = new ClientRegistry() {
            @Override
            public Optional<RegisteredClient> find(String clientId) {
                failIfAsked(clientsFailure);
                return Optional.ofNullable(clients.get(clientId));
            }

            @Override
            public Optional<RegisteredClient> findByIssuer(String issuer) {
                return find(issuer);
            }
        };
        grant.users = new UserDirectory() {
            @Override
            public Optional<User> find(UserField field, String value) {
                failIfAsked(usersFailure);
                return Optional.ofNullable(users.get(value));
            }
        };
        grant.replayStore = new ReplayStore() {
            @Override
            public boolean firstUse(String clientId, String jti, Instant keepUntil) {
                failIfAsked(replayFailure);
                if (usedJtis.contains(clientId + "/" + jti)) {
                    return false;
                }
                usedJtis.add(clientId + "/" + jti);
                return true;
            }
        };
        grant.keys = TestClients.keys();
        grant.authenticator = TestClients.authenticator(grant.clients, grant.replayStore, grant.keys, CLOCK);
        grant.tokens = new AccessTokenIssuer() {
            @Override
            public IssuedToken issue(RegisteredClient client, User user, String scope, Instant now) {
                issuedFor.add(user.userName());
                return new IssuedToken("token-for-" + user.userName(), "jti", now.getEpochSecond() + 1800);
            }
        };
    }

    private static void failIfAsked(RuntimeException failure) {
        if (failure != null) {
            throw failure;
        }
    }

    TokenResult handle(TokenRequest request) {
        return grant.handle(request, new AuditTrail(NOW, "req", "127.0.0.1"));
    }
}
