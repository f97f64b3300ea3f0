package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtbearer.it.support.ClusterCalls.count;
import static org.jwtbearer.it.support.ClusterCalls.kidIn;
import static org.jwtbearer.it.support.ClusterCalls.sysIds;
import static org.jwtbearer.it.support.ClusterReport.describe;
import static org.jwtbearer.it.support.ClusterReport.firstFew;
import static org.jwtbearer.it.support.ClusterReport.lines;
import static org.jwtbearer.it.support.ClusterReport.report;
import static org.jwtbearer.it.support.StoredCreates.checkStored;
import static org.jwtbearer.it.support.TokenRefusals.assertRefused;
import static org.jwtbearer.it.support.TokenRefusals.refusedWith;
import static org.jwtbearer.it.support.Tokens.kid;
import static org.jwtbearer.it.support.TwoNodeCluster.REVOCATIONS_MAX_AGE_SECONDS;
import static org.jwtbearer.it.support.TwoNodeCluster.ISSUER;
import static org.jwtbearer.it.support.UnavailableAnswers.STACK_TRACE;
import static org.jwtbearer.it.support.UnavailableAnswers.tableUnavailableProblem;
import static org.jwtbearer.it.support.UnavailableAnswers.tokenUnavailableProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.ClusterCalls;
import org.jwtbearer.it.support.Concurrently;
import org.jwtbearer.it.support.DatabaseOutage;
import org.jwtbearer.it.support.Exchange;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.OutageLoad;
import org.jwtbearer.it.support.Poll;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.ServerNode;
import org.jwtbearer.it.support.ServerNodeDiagnostics;
import org.jwtbearer.it.support.StoredCreates;
import org.jwtbearer.it.support.TestKey;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.it.support.TwoNodeCluster;

/**
 * Two WildFly nodes sharing one PostgreSQL database, as a production cluster runs ({@link TwoNodeCluster}): started
 * at the same moment (so the schema migration and the registry import race), one issuer identity and one encryption
 * key. Over HTTP: the replay check holds across nodes, tokens and registry changes cross from one node to the
 * other within the registry cache time, a node restarted or killed loses nothing that was answered, and a
 * database outage is answered with 503s (no token issued unrecorded, no stack trace) and recovered from
 * without restarting anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PrintLastResponseOnFailure.class)
class ClusterIT {

    /** The documented bound (the registry cache time) plus room for the requests themselves. */
    private static final Duration PROPAGATION = Duration.ofSeconds(TwoNodeCluster.CACHE_SECONDS + 3);
    private static final Duration POLL = Duration.ofMillis(100);
    /** The revocation list's documented bound (its max-age) plus room for the requests themselves. */
    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(REVOCATIONS_MAX_AGE_SECONDS + 2);

    private static final String REPLAY = "The assertion was already used (jti replay)";
    private static final String NOT_VERIFIED = "The assertion could not be verified";

    private static TwoNodeCluster cluster;
    private static ServerNode a;
    private static ServerNode b;
    private static ClusterCalls calls;

    @RegisterExtension
    static final ServerNodeDiagnostics DIAGNOSTICS = new ServerNodeDiagnostics(() -> Arrays.asList(a, b));

    @BeforeAll
    static void startBothNodesAtTheSameTime() throws Exception {
        calls = new ClusterCalls(Fixtures.key(Fixtures.KEY_CERT));
        cluster = TwoNodeCluster.create();
        a = cluster.a();
        b = cluster.b();
        cluster.startTogether();
    }

    @AfterAll
    static void stopBothNodes() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    /** A test that failed half-way (a node killed, say) does not take the following ones down with it. */
    @BeforeEach
    void bothNodesRunning() {
        cluster.startNodesLeftDown();
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void whenBothNodesStartTogetherThenTheyShareOneKeySetAndOneRegistry() {
        List<String> kidsA = calls.jwksKids(a);
        List<String> kidsB = calls.jwksKids(b);
        assertEquals(kidsA, kidsB, "both nodes publish the same signing keys, in the same order");
        assertTrue(kidsA.size() >= 2, "a current and a next key at least: " + kidsA);

        String admin = calls.accessToken(a, Fixtures.USER_ADMIN);
        List<String> currentAndNext = new ArrayList<>();
        for (ServerNode node : cluster.nodes()) {
            JsonArray keys = calls.signingKeys(node, admin);
            assertEquals(1, count(keys, "CURRENT"), node.name() + ": exactly one current key after the race: " + keys);
            assertEquals(1, count(keys, "NEXT"), node.name() + ": exactly one next key after the race: " + keys);
            currentAndNext.add(kidIn(keys, "CURRENT") + " / " + kidIn(keys, "NEXT"));
        }
        assertEquals(currentAndNext.get(0), currentAndNext.get(1), "both nodes name the same current and next key");
        String current = kidIn(calls.signingKeys(a, admin), "CURRENT");
        assertEquals(current, kid(calls.accessToken(a, Fixtures.USER_ITIL)));
        assertEquals(current, kid(calls.accessToken(b, Fixtures.USER_ITIL)));

        List<String> fixtureClients = List.of(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.PUBLIC_CLIENT, Fixtures.RULES_CLIENT,
                Fixtures.OTHER_SCOPE_CLIENT, Fixtures.INACTIVE_CLIENT, Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.HMAC_CLIENT,
                Fixtures.JWKS_URI_CLIENT);
        List<String> fixtureUsers = List.of(Fixtures.USER_ITIL, Fixtures.USER_NO_ROLES, Fixtures.USER_INACTIVE, Fixtures.USER_ADMIN);
        for (ServerNode node : cluster.nodes()) {
            List<String> clients = calls.listed(node, admin, "clients", "client_id");
            List<String> users = calls.listed(node, admin, "users", "user_name");
            for (String client : fixtureClients) {
                assertEquals(1, clients.stream().filter(client::equals).count(), node.name() + ": client " + client + " once: " + clients);
            }
            for (String user : fixtureUsers) {
                assertEquals(1, users.stream().filter(user::equals).count(), node.name() + ": user " + user + " once: " + users);
            }
        }
    }

    @Test
    @Order(2)
    void whenOneAssertionIsSentTwentyTimesAtOnceToBothNodesThenExactlyOneToken() throws Exception {
        String assertion = calls.assertion(Fixtures.USER_ITIL);

        List<Exchange> answers = Concurrently.inParallel(20, i -> {
            ServerNode node = i % 2 == 0 ? a : b;
            return Exchange.send(node.name(), "token", "#" + i, calls.tokenRequest(node, assertion));
        });

        String all = lines(answers);
        List<Exchange> issued = answers.stream().filter(e -> e.status() == 200).toList();
        assertEquals(1, issued.size(), "exactly one token for one assertion, whichever node:\n" + all);
        assertNotNull(issued.get(0).jsonString("access_token"), all);
        long replays = answers.stream().filter(e -> refusedWith(e, REPLAY)).count();
        assertEquals(19, replays, "the other 19 are refused as replays (400 invalid_grant), never a server error:\n" + all);
        assertEquals(10, answers.stream().filter(e -> e.target().equals(a.name())).count(), "half went to A");
    }

    @Test
    @Order(3)
    void whenTokenIssuedByOneNodeThenTheOtherNodesTableApiAcceptsIt() {
        String fromA = calls.accessToken(a, Fixtures.USER_ITIL);
        String fromB = calls.accessToken(b, Fixtures.USER_ITIL);
        assertEquals(ISSUER, Tokens.claims(fromA).getString("iss"));
        assertEquals(ISSUER, Tokens.claims(fromB).getString("iss"));

        HttpResponse<String> atB = calls.listIncidents(b, fromA);
        assertEquals(200, atB.statusCode(), "A's token at B's Table API: " + atB.body());
        assertNotNull(Http.json(atB).getJsonArray("result"));

        HttpResponse<String> atA = calls.listIncidents(a, fromB);
        assertEquals(200, atA.statusCode(), "B's token at A's Table API: " + atA.body());
        assertNotNull(Http.json(atA).getJsonArray("result"));
    }

    @Test
    @Order(4)
    void whenSigningKeyRotatedThroughOneNodeThenTheOtherSignsWithTheNewKeyWithinTheCacheTime() {
        String admin = calls.accessToken(a, Fixtures.USER_ADMIN);
        JsonArray before = calls.signingKeys(a, admin);
        String oldCurrent = kidIn(before, "CURRENT");
        String oldNext = kidIn(before, "NEXT");
        String beforeA = calls.accessToken(a, Fixtures.USER_ITIL);
        String beforeB = calls.accessToken(b, Fixtures.USER_ITIL);
        assertEquals(oldCurrent, kid(beforeA));
        assertEquals(oldCurrent, kid(beforeB));

        HttpResponse<String> rotated = calls.admin(a, admin, "POST", "signing-keys/rotate?force=true", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newCurrent = Http.json(rotated).getJsonObject("result").getString("current");
        assertEquals(oldNext, newCurrent, "the published next key becomes the current one");

        String afterA = calls.accessToken(a, Fixtures.USER_ITIL);
        assertEquals(newCurrent, kid(afterA), "the node that rotated signs with the new key at once");
        Poll.Result<String> afterB = Poll.until(PROPAGATION, POLL, () -> calls.accessToken(b, Fixtures.USER_ITIL), t -> newCurrent.equals(kid(t)));
        report("signing-key rotation through A reached B's token endpoint", afterB);
        assertTrue(afterB.met(), "B signs with the new key within the cache time: " + afterB.describe());

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("A before", beforeA);
        tokens.put("B before", beforeB);
        tokens.put("A after", afterA);
        tokens.put("B after", afterB.last());
        tokens.forEach((label, token) -> {
            for (ServerNode node : cluster.nodes()) {
                HttpResponse<String> response = calls.listIncidents(node, token);
                assertEquals(200, response.statusCode(), "token " + label + " (kid " + kid(token) + ") at " + node.name() + ": " + response.body());
            }
        });
        String jwksB = Http.get(b.baseUrl() + "/oauth2/jwks").body();
        assertTrue(jwksB.contains(oldCurrent) && jwksB.contains(newCurrent), "B publishes the retired and the new key: " + jwksB);
    }

    @Test
    @Order(5)
    void whenClientDeactivatedThroughOneNodeThenTheOtherRefusesItWithinTheCacheTime() {
        String admin = calls.accessToken(a, Fixtures.USER_ADMIN);
        TestKey key = TestKey.generate();
        String clientId = calls.createClient(a, admin, Map.of("k1", key));
        try {
            // B looks the client up now, so a stale copy in its cache is what the change has to overcome.
            Poll.Result<HttpResponse<String>> known = Poll.until(PROPAGATION, POLL, () -> calls.tokenFor(b, clientId, "k1", key), r -> r.statusCode() == 200);
            assertTrue(known.met(), "B accepts the client created through A: " + describe(known));

            assertEquals(200, calls.admin(a, admin, "PATCH", "clients/" + clientId, "{\"active\":false}").statusCode());
            assertRefused(calls.tokenFor(a, clientId, "k1", key), NOT_VERIFIED, "A, which made the change, at once");
            Poll.Result<HttpResponse<String>> refused = Poll.until(PROPAGATION, POLL, () -> calls.tokenFor(b, clientId, "k1", key), r -> r.statusCode() != 200);
            report("client deactivated through A reached B", refused);
            assertTrue(refused.met(), "B refuses the deactivated client within the cache time: " + describe(refused));
            assertRefused(refused.last(), NOT_VERIFIED, "B");
            for (int i = 0; i < 3; i++) {
                assertRefused(calls.tokenFor(b, clientId, "k1", key), NOT_VERIFIED, "B, and it stays so");
            }

            assertEquals(200, calls.admin(a, admin, "PATCH", "clients/" + clientId, "{\"active\":true}").statusCode());
            Poll.Result<HttpResponse<String>> back = Poll.until(PROPAGATION, POLL, () -> calls.tokenFor(b, clientId, "k1", key), r -> r.statusCode() == 200);
            report("client reactivated through A reached B", back);
            assertTrue(back.met(), "B accepts the reactivated client within the cache time: " + describe(back));
        } finally {
            calls.deleteClient(a, admin, clientId);
        }
    }

    @Test
    @Order(6)
    void whenVerifierKeyRemovedThroughOneNodeThenTheOtherRefusesItWithinTheCacheTime() {
        String admin = calls.accessToken(a, Fixtures.USER_ADMIN);
        TestKey removed = TestKey.generate();
        TestKey kept = TestKey.generate();
        Map<String, TestKey> keys = new LinkedHashMap<>();
        keys.put("removed", removed);
        keys.put("kept", kept);
        String clientId = calls.createClient(a, admin, keys);
        try {
            Poll.Result<HttpResponse<String>> known = Poll.until(PROPAGATION, POLL, () -> calls.tokenFor(b, clientId, "removed", removed), r -> r.statusCode() == 200);
            assertTrue(known.met(), "B accepts the key before it is removed: " + describe(known));
            assertEquals(200, calls.tokenFor(b, clientId, "kept", kept).statusCode());

            HttpResponse<String> deleted = calls.admin(a, admin, "DELETE", "clients/" + clientId + "/keys/removed", null);
            assertEquals(204, deleted.statusCode(), deleted.body());
            assertRefused(calls.tokenFor(a, clientId, "removed", removed), NOT_VERIFIED, "A, which removed the key, at once");
            Poll.Result<HttpResponse<String>> refused = Poll.until(PROPAGATION, POLL, () -> calls.tokenFor(b, clientId, "removed", removed), r -> r.statusCode() != 200);
            report("verifier key removed through A reached B", refused);
            assertTrue(refused.met(), "B refuses the removed key within the cache time: " + describe(refused));
            assertRefused(refused.last(), NOT_VERIFIED, "B");
            assertEquals(200, calls.tokenFor(b, clientId, "kept", kept).statusCode(), "the client's other key still works on B");
        } finally {
            calls.deleteClient(a, admin, clientId);
        }
    }

    @Test
    @Order(7)
    void whenTokenRevokedThroughOneNodeThenTheOtherNodesIntrospectionAndTableApiRefuseIt() {
        String token = calls.accessToken(a, Fixtures.USER_ITIL);
        HttpResponse<String> live = calls.introspect(b, token);
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(Http.json(live).getBoolean("active"), "B's introspection: the token is live before the revocation: " + live.body());
        // Both resource APIs verify (and remember) the token before it is revoked.
        assertEquals(200, calls.listIncidents(b, token).statusCode());
        assertEquals(200, calls.listIncidents(a, token).statusCode());

        HttpResponse<String> revoked = calls.revoke(a, token);
        assertEquals(200, revoked.statusCode(), revoked.body());

        Poll.Result<HttpResponse<String>> inactive = Poll.until(PROPAGATION, POLL, () -> calls.introspect(b, token),
                r -> r.statusCode() == 200 && !Http.json(r).getBoolean("active", true));
        report("revocation through A reached B's introspection", inactive);
        assertTrue(inactive.met(), "B's introspection says inactive within the cache time: " + describe(inactive));
        assertEquals(Set.of("active"), Http.json(inactive.last()).keySet(), "an inactive token is described by nothing else");

        // Each node's Table API fetches its own node's revocation list: B learns of A's revocation through the database.
        for (ServerNode node : cluster.nodes()) {
            assertRefusedAtTableApi(node, token, "revocation through A");
        }
    }

    /** Both Table APIs refuse, within the revocation list's bound, the tokens a user held when deactivated through A. */
    @Test
    @Order(10)
    void whenUserDeactivatedThroughOneNodeThenBothTableApisRefuseTheTokensTheUserHeld() {
        String admin = calls.accessToken(a, Fixtures.USER_ADMIN);
        String userName = "cluster-it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = calls.admin(a, admin, "POST", "users",
                Json.createObjectBuilder().add("user_name", userName).add("roles", Json.createArrayBuilder().add("itil")).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        try {
            String token = calls.accessToken(a, userName);
            String otherUsersToken = calls.accessToken(a, Fixtures.USER_ITIL);
            for (ServerNode node : cluster.nodes()) {
                assertEquals(200, calls.listIncidents(node, token).statusCode(), node.name() + " before the deactivation");
            }

            HttpResponse<String> deactivated = calls.admin(a, admin, "PATCH", "users/" + userName, "{\"active\":false}");
            assertEquals(200, deactivated.statusCode(), deactivated.body());

            for (ServerNode node : cluster.nodes()) {
                assertRefusedAtTableApi(node, token, "deactivation of the user through A");
                assertEquals(200, calls.listIncidents(node, otherUsersToken).statusCode(), node.name() + ": another user's token still works");
            }
        } finally {
            HttpResponse<String> deleted = calls.admin(a, admin, "DELETE", "users/" + userName, null);
            if (deleted.statusCode() != 204) {
                System.err.println("[ClusterIT] could not delete user " + userName + ": " + deleted.statusCode() + " " + deleted.body());
            }
        }
    }

    private static void assertRefusedAtTableApi(ServerNode node, String token, String what) {
        Poll.Result<HttpResponse<String>> refused = Poll.until(REVOCATION_BOUND, POLL, () -> calls.listIncidents(node, token), r -> r.statusCode() != 200);
        report(what + " reached " + node.name() + "'s Table API", refused);
        assertTrue(refused.met(), node.name() + "'s Table API refuses the token within " + REVOCATION_BOUND.toSeconds() + " s: " + describe(refused));
        assertEquals(401, refused.last().statusCode(), refused.last().body());
        assertTrue(refused.last().headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                refused.last().headers().map().toString());
    }

    @Test
    @Order(8)
    void whenNodeRestartedThenUsedAssertionsStayUsedAndIssuedTokensStayValid() {
        String usedAtA = calls.assertion(Fixtures.USER_ITIL);
        String usedAtB = calls.assertion(Fixtures.USER_ITIL);
        HttpResponse<String> issued = calls.requestToken(a, usedAtA);
        assertEquals(200, issued.statusCode(), issued.body());
        String token = Http.json(issued).getString("access_token");
        assertEquals(200, calls.requestToken(b, usedAtB).statusCode());

        a.stop();
        assertEquals(200, calls.requestToken(b, calls.assertion(Fixtures.USER_ITIL)).statusCode(), "B issues tokens while A is down");
        assertEquals(200, calls.listIncidents(b, token).statusCode(), "B's Table API serves A's token while A is down");
        a.start();

        assertRefused(calls.requestToken(a, usedAtA), REPLAY, "A, after its restart, for the assertion it accepted before");
        assertRefused(calls.requestToken(b, usedAtA), REPLAY, "B, for the assertion A accepted before its restart");
        assertRefused(calls.requestToken(a, usedAtB), REPLAY, "A, after its restart, for the assertion B accepted before");
        for (ServerNode node : cluster.nodes()) {
            HttpResponse<String> response = calls.listIncidents(node, token);
            assertEquals(200, response.statusCode(), "the token issued before A's restart at " + node.name() + ": " + response.body());
        }
    }

    @Test
    @Order(9)
    void whenNodeKilledDuringConcurrentCreatesThenEveryAnsweredCreateIsStoredOnceAndTheOtherNodeAnsweredEverything() throws Exception {
        String token = calls.accessToken(b, Fixtures.USER_ITIL);
        String marker = "cluster-kill-" + UUID.randomUUID().toString().substring(0, 8);
        int total = 200;
        int killAfter = 60;
        try {
            Concurrently.Killed run = Concurrently.killingMidway(a, killAfter, 16, total, index -> {
                ServerNode node = index % 2 == 0 ? a : b;
                String body = Json.createObjectBuilder().add("short_description", marker + " #" + index).build().toString();
                return () -> Exchange.send(node.name(), "create", String.valueOf(index), calls.createIncidentRequest(node, token, body));
            });
            List<Exchange> outcomes = run.outcomes();
            assertTrue(run.killSent() && !a.isRunning(), "A was killed after " + killAfter + " requests had been sent");

            List<Exchange> toA = outcomes.stream().filter(e -> e.target().equals(a.name())).toList();
            List<Exchange> toB = outcomes.stream().filter(e -> e.target().equals(b.name())).toList();
            List<Exchange> createdAtA = toA.stream().filter(e -> e.status() == 201).toList();
            List<Exchange> lostAtA = toA.stream().filter(e -> !e.answered()).toList();
            System.out.printf("[ClusterIT] kill during creates: A answered %d x 201, %d without answer; B answered %d of %d with 201%n",
                    createdAtA.size(), lostAtA.size(), toB.stream().filter(e -> e.status() == 201).count(), toB.size());
            assertEquals(List.of(), toB.stream().filter(e -> e.status() != 201).map(Exchange::toString).toList(),
                    "B answered every create sent to it with 201 (no connection error, no 5xx)");
            assertEquals(List.of(), toA.stream().filter(e -> e.answered() && e.status() != 201).map(Exchange::toString).toList(),
                    "A answered 201 until it died");
            assertFalse(createdAtA.isEmpty(), "some creates went through A before the kill");
            assertFalse(lostAtA.isEmpty(), "the kill hit A while creates were going to it");

            Map<String, JsonObject> answered = StoredCreates.answered(outcomes);
            List<JsonObject> storedViaB = calls.incidentsMarked(b, token, marker);
            checkStored(marker, storedViaB, answered, lostAtA, total);
        } finally {
            if (!a.isRunning()) {
                a.start();
            }
        }
        List<JsonObject> storedViaA = calls.incidentsMarked(a, token, marker);
        List<JsonObject> storedViaB = calls.incidentsMarked(b, token, marker);
        assertEquals(sysIds(storedViaB), sysIds(storedViaA), "A, restarted, reads the same records as B");
    }

    /**
     * Last: PostgreSQL stopped under load on both nodes, then started again. While it is down every token
     * request is a 503 {@code temporarily_unavailable} with {@code Retry-After}, every Table API request a 503
     * in the API's envelope, readiness is DOWN and liveness UP; never a 500 or a stack trace. Every assertion
     * that got a token in the whole phase is refused as a replay afterwards (its jti was recorded). Within 10 s of
     * the database's return both nodes answer again, the same JVMs (no restart).
     */
    @Test
    @Order(100)
    void whenDatabaseIsDownThenBothNodesAnswer503WithoutUnrecordedTokensAndRecoverWithoutRestart() throws Throwable {
        long pidA = a.pid();
        long pidB = b.pid();
        String tableToken = calls.accessToken(a, Fixtures.USER_ITIL);
        DatabaseOutage outage = new DatabaseOutage(cluster.nodes(), calls, tableToken);
        OutageLoad load = new OutageLoad(cluster.nodes(), calls, tableToken);
        DatabaseOutage.Timeline timeline;
        try {
            timeline = outage.runUnder(load);
        } finally {
            load.close();
        }

        List<Exchange> all = new ArrayList<>(load.exchanges());
        System.out.printf("[ClusterIT] database outage: %d requests under load; stop took %d ms, start %d ms%n",
                all.size(), timeline.stopTook().toMillis(), timeline.startTook().toMillis());
        assertEquals(List.of(), firstFew(all.stream().filter(e -> !e.answered())), "both nodes answered every request");
        assertEquals(List.of(), firstFew(all.stream().filter(e -> e.status() >= 500 && e.status() != 503)), "no 500 or other server error than 503");
        assertEquals(List.of(), firstFew(all.stream().filter(e -> e.answered() && STACK_TRACE.matcher(String.valueOf(e.body())).find())),
                "no answer shows a stack trace or an exception");
        assertEquals(List.of(), firstFew(all.stream().filter(e -> e.answered() && e.status() != 200 && e.status() != 503)),
                "a token or Table API request is answered 200 or 503, nothing else");

        List<Exchange> during = all.stream().filter(e -> e.within(timeline.down(), timeline.upRequested())).toList();
        for (ServerNode node : cluster.nodes()) {
            List<Exchange> tokens = during.stream().filter(e -> e.target().equals(node.name()) && e.kind().equals("token")).toList();
            List<Exchange> tables = during.stream().filter(e -> e.target().equals(node.name()) && e.kind().equals("table")).toList();
            assertFalse(tokens.isEmpty(), "the load met the outage at " + node.name() + "'s token endpoint");
            assertFalse(tables.isEmpty(), "the load met the outage at " + node.name() + "'s Table API");
            assertEquals(List.of(), firstFew(tokens.stream().filter(e -> tokenUnavailableProblem(e) != null).map(e -> tokenUnavailableProblem(e) + ": " + e)),
                    node.name() + ": every token request made while the database was down");
            assertEquals(List.of(), firstFew(tables.stream().filter(e -> tableUnavailableProblem(e) != null).map(e -> tableUnavailableProblem(e) + ": " + e)),
                    node.name() + ": every Table API request made while the database was down");
            assertTrue(all.stream().anyMatch(e -> e.target().equals(node.name()) && e.kind().equals("token") && e.status() == 200
                    && e.endedNanos() < timeline.down()), node.name() + " issued tokens under load before the outage");
            assertTrue(all.stream().anyMatch(e -> e.target().equals(node.name()) && e.kind().equals("token") && e.status() == 200
                    && e.startedNanos() > timeline.up()), node.name() + " issued tokens under load after the recovery");
        }

        List<Exchange> issued = all.stream().filter(e -> e.kind().equals("token") && e.status() == 200).toList();
        List<String> notRecorded = new ArrayList<>();
        for (Exchange exchange : issued) {
            ServerNode other = exchange.target().equals(a.name()) ? b : a;
            HttpResponse<String> replayed = calls.requestToken(other, exchange.tag());
            if (!refusedWith(replayed.statusCode(), replayed.body(), REPLAY)) {
                notRecorded.add(exchange + " -> replayed at " + other.name() + ": " + replayed.statusCode() + " " + replayed.body());
            }
        }
        System.out.printf("[ClusterIT] database outage: %d tokens issued during the phase, each assertion replayed once%n", issued.size());
        assertEquals(List.of(), firstFew(notRecorded.stream()), "every assertion that got a token was recorded: its replay is refused");

        assertEquals(pidA, a.pid(), "A is the same JVM as before the outage");
        assertEquals(pidB, b.pid(), "B is the same JVM as before the outage");
        assertTrue(a.isRunning() && b.isRunning());
    }
}
