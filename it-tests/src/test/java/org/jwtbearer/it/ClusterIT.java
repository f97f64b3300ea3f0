package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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
import org.jwtbearer.it.support.Exchange;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.ItEnvironment;
import org.jwtbearer.it.support.Poll;
import org.jwtbearer.it.support.Postgres;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.ServerNode;
import org.jwtbearer.it.support.ServerNodeDiagnostics;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.Pem;

/**
 * Two WildFly nodes sharing one PostgreSQL database, as a production cluster runs: started at the same moment
 * (so the schema migration and the registry import race), one issuer identity and one encryption key, each
 * node's resource API trusting its own node's JWKS and asking its own node's introspection about revocations.
 * Over HTTP: the replay check holds across nodes, tokens and registry changes cross from one node to the
 * other within the registry cache time, a node restarted or killed loses nothing that was answered, and a
 * database outage is answered with 503s (no token issued unrecorded, no stack trace) and recovered from
 * without restarting anything.
 *
 * <p>Settings each node gets (system properties): {@code jwtbearer.datasource.url},
 * {@code jwtbearer.encryption-key}, {@code jwtbearer.bootstrap}, {@code jwtbearer.registry.cache-seconds=2},
 * {@code jwtbearer.issuer}, {@code jwtbearer.data-dir}, the three {@code mp.jwt.verify.*} for its own port, and
 * {@code jwtbearer.introspection.*} (its own node, the confidential fixture client, answers cached 1 s,
 * fail-open so that a database outage reaches the Table API as the API's own 503 rather than as a 401 from
 * the revocation check).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PrintLastResponseOnFailure.class)
class ClusterIT {

    /** The cluster's one public identity. Never contacted: each node's resource API uses its own node's URLs. */
    private static final String ISSUER = "https://jwtbearer-cluster.test";
    /** What assertions name as their audience: the token endpoint under the shared identifier, valid on both nodes. */
    private static final String TOKEN_AUDIENCE = ISSUER + "/oauth_token.do";
    private static final int CACHE_SECONDS = 2;
    private static final int INTROSPECTION_CACHE_SECONDS = 1;
    /** The documented bound (the registry cache time) plus room for the requests themselves. */
    private static final Duration PROPAGATION = Duration.ofSeconds(CACHE_SECONDS + 3);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(240);

    private static final String REPLAY = "The assertion was already used (jti replay)";
    private static final String NOT_VERIFIED = "The assertion could not be verified";

    private static ServerNode a;
    private static ServerNode b;
    private static SigningKey fixtureKey;

    @RegisterExtension
    static final ServerNodeDiagnostics DIAGNOSTICS = new ServerNodeDiagnostics(() -> Arrays.asList(a, b));

    @BeforeAll
    static void startBothNodesAtTheSameTime() throws Exception {
        fixtureKey = Fixtures.key(Fixtures.KEY_CERT);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encryptionKey = Base64.getEncoder().encodeToString(key);
        a = ServerNode.create("cluster-a", ServerNode.POSTGRESQL, 200, settings("cluster-a", 200, encryptionKey));
        b = ServerNode.create("cluster-b", ServerNode.POSTGRESQL, 300, settings("cluster-b", 300, encryptionKey));
        startTogether(a, b);
    }

    @AfterAll
    static void stopBothNodes() {
        ServerNode.stopAll(a, b);
    }

    /** A test that failed half-way (a node killed, say) does not take the following ones down with it. */
    @BeforeEach
    void bothNodesRunning() {
        for (ServerNode node : nodes()) {
            if (!node.isRunning()) {
                System.out.println("[ClusterIT] " + node.name() + " was left down by an earlier test; starting it");
                node.start();
            }
        }
    }

    private static Map<String, String> settings(String name, int portOffset, String encryptionKey) {
        String own = "http://localhost:" + (8080 + portOffset);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("jwtbearer.datasource.url", ItEnvironment.postgresUrl(ItEnvironment.clusterDatabase()));
        settings.put("jwtbearer.encryption-key", encryptionKey);
        settings.put("jwtbearer.bootstrap", ItEnvironment.bootstrapFile().toString());
        settings.put("jwtbearer.registry.cache-seconds", String.valueOf(CACHE_SECONDS));
        settings.put("jwtbearer.issuer", ISSUER);
        settings.put("jwtbearer.data-dir", ServerNode.directoryOf(name).resolve("jwtbearer-data").toString());
        settings.put("mp.jwt.verify.publickey.location", own + "/oauth2/jwks");
        settings.put("mp.jwt.verify.issuer", ISSUER);
        settings.put("mp.jwt.verify.audiences", ISSUER + "/api");
        settings.put("jwtbearer.introspection.url", own + "/oauth2/introspect");
        settings.put("jwtbearer.introspection.client-id", Fixtures.CONFIDENTIAL_CLIENT);
        settings.put("jwtbearer.introspection.client-secret", Fixtures.CLIENT_SECRET);
        settings.put("jwtbearer.introspection.cache-seconds", String.valueOf(INTROSPECTION_CACHE_SECONDS));
        settings.put("jwtbearer.introspection.fail-open", "true");
        return settings;
    }

    private static void startTogether(ServerNode... nodes) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.length);
        try {
            CyclicBarrier together = new CyclicBarrier(nodes.length);
            List<Future<ServerNode>> started = new ArrayList<>();
            for (ServerNode node : nodes) {
                started.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return node.start();
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<ServerNode> future : started) {
                try {
                    future.get(ItEnvironment.nodeStartTimeoutSeconds() + 60L, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    failures.add(e);
                }
            }
            if (!failures.isEmpty()) {
                ServerNode.stopAll(nodes);
                AssertionError error = new AssertionError("the cluster did not start: " + failures.get(0).getMessage());
                failures.forEach(error::addSuppressed);
                throw error;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void whenBothNodesStartTogetherThenTheyShareOneKeySetAndOneRegistry() {
        List<String> kidsA = jwksKids(a);
        List<String> kidsB = jwksKids(b);
        assertEquals(kidsA, kidsB, "both nodes publish the same signing keys, in the same order");
        assertTrue(kidsA.size() >= 2, "a current and a next key at least: " + kidsA);

        String admin = accessToken(a, Fixtures.USER_ADMIN);
        List<String> currentAndNext = new ArrayList<>();
        for (ServerNode node : nodes()) {
            JsonArray keys = signingKeys(node, admin);
            assertEquals(1, count(keys, "CURRENT"), node.name() + ": exactly one current key after the race: " + keys);
            assertEquals(1, count(keys, "NEXT"), node.name() + ": exactly one next key after the race: " + keys);
            currentAndNext.add(kidIn(keys, "CURRENT") + " / " + kidIn(keys, "NEXT"));
        }
        assertEquals(currentAndNext.get(0), currentAndNext.get(1), "both nodes name the same current and next key");
        String current = kidIn(signingKeys(a, admin), "CURRENT");
        assertEquals(current, kid(accessToken(a, Fixtures.USER_ITIL)));
        assertEquals(current, kid(accessToken(b, Fixtures.USER_ITIL)));

        List<String> fixtureClients = List.of(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.PUBLIC_CLIENT, Fixtures.RULES_CLIENT,
                Fixtures.OTHER_SCOPE_CLIENT, Fixtures.INACTIVE_CLIENT, Fixtures.PRIVATE_KEY_JWT_CLIENT, Fixtures.HMAC_CLIENT,
                Fixtures.JWKS_URI_CLIENT);
        List<String> fixtureUsers = List.of(Fixtures.USER_ITIL, Fixtures.USER_NO_ROLES, Fixtures.USER_INACTIVE, Fixtures.USER_ADMIN);
        for (ServerNode node : nodes()) {
            List<String> clients = listed(node, admin, "clients", "client_id");
            List<String> users = listed(node, admin, "users", "user_name");
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
        String assertion = assertion(Fixtures.USER_ITIL);

        List<Exchange> answers = inParallel(20, i -> {
            ServerNode node = i % 2 == 0 ? a : b;
            return Exchange.send(node.name(), "token", "#" + i, tokenRequest(node, assertion));
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
        String fromA = accessToken(a, Fixtures.USER_ITIL);
        String fromB = accessToken(b, Fixtures.USER_ITIL);
        assertEquals(ISSUER, Tokens.claims(fromA).getString("iss"));
        assertEquals(ISSUER, Tokens.claims(fromB).getString("iss"));

        HttpResponse<String> atB = listIncidents(b, fromA);
        assertEquals(200, atB.statusCode(), "A's token at B's Table API: " + atB.body());
        assertNotNull(Http.json(atB).getJsonArray("result"));

        HttpResponse<String> atA = listIncidents(a, fromB);
        assertEquals(200, atA.statusCode(), "B's token at A's Table API: " + atA.body());
        assertNotNull(Http.json(atA).getJsonArray("result"));
    }

    @Test
    @Order(4)
    void whenSigningKeyRotatedThroughOneNodeThenTheOtherSignsWithTheNewKeyWithinTheCacheTime() {
        String admin = accessToken(a, Fixtures.USER_ADMIN);
        JsonArray before = signingKeys(a, admin);
        String oldCurrent = kidIn(before, "CURRENT");
        String oldNext = kidIn(before, "NEXT");
        String beforeA = accessToken(a, Fixtures.USER_ITIL);
        String beforeB = accessToken(b, Fixtures.USER_ITIL);
        assertEquals(oldCurrent, kid(beforeA));
        assertEquals(oldCurrent, kid(beforeB));

        HttpResponse<String> rotated = admin(a, admin, "POST", "signing-keys/rotate?force=true", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newCurrent = Http.json(rotated).getJsonObject("result").getString("current");
        assertEquals(oldNext, newCurrent, "the published next key becomes the current one");

        String afterA = accessToken(a, Fixtures.USER_ITIL);
        assertEquals(newCurrent, kid(afterA), "the node that rotated signs with the new key at once");
        Poll.Result<String> afterB = Poll.until(PROPAGATION, POLL, () -> accessToken(b, Fixtures.USER_ITIL), t -> newCurrent.equals(kid(t)));
        report("signing-key rotation through A reached B's token endpoint", afterB);
        assertTrue(afterB.met(), "B signs with the new key within the cache time: " + afterB.describe());

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("A before", beforeA);
        tokens.put("B before", beforeB);
        tokens.put("A after", afterA);
        tokens.put("B after", afterB.last());
        tokens.forEach((label, token) -> {
            for (ServerNode node : nodes()) {
                HttpResponse<String> response = listIncidents(node, token);
                assertEquals(200, response.statusCode(), "token " + label + " (kid " + kid(token) + ") at " + node.name() + ": " + response.body());
            }
        });
        String jwksB = Http.get(b.baseUrl() + "/oauth2/jwks").body();
        assertTrue(jwksB.contains(oldCurrent) && jwksB.contains(newCurrent), "B publishes the retired and the new key: " + jwksB);
    }

    @Test
    @Order(5)
    void whenClientDeactivatedThroughOneNodeThenTheOtherRefusesItWithinTheCacheTime() {
        String admin = accessToken(a, Fixtures.USER_ADMIN);
        TestKey key = TestKey.generate();
        String clientId = createClient(admin, Map.of("k1", key));
        try {
            // B looks the client up now, so a stale copy in its cache is what the change has to overcome.
            Poll.Result<HttpResponse<String>> known = Poll.until(PROPAGATION, POLL, () -> tokenFor(b, clientId, "k1", key), r -> r.statusCode() == 200);
            assertTrue(known.met(), "B accepts the client created through A: " + describe(known));

            assertEquals(200, admin(a, admin, "PATCH", "clients/" + clientId, "{\"active\":false}").statusCode());
            assertRefused(tokenFor(a, clientId, "k1", key), NOT_VERIFIED, "A, which made the change, at once");
            Poll.Result<HttpResponse<String>> refused = Poll.until(PROPAGATION, POLL, () -> tokenFor(b, clientId, "k1", key), r -> r.statusCode() != 200);
            report("client deactivated through A reached B", refused);
            assertTrue(refused.met(), "B refuses the deactivated client within the cache time: " + describe(refused));
            assertRefused(refused.last(), NOT_VERIFIED, "B");
            for (int i = 0; i < 3; i++) {
                assertRefused(tokenFor(b, clientId, "k1", key), NOT_VERIFIED, "B, and it stays so");
            }

            assertEquals(200, admin(a, admin, "PATCH", "clients/" + clientId, "{\"active\":true}").statusCode());
            Poll.Result<HttpResponse<String>> back = Poll.until(PROPAGATION, POLL, () -> tokenFor(b, clientId, "k1", key), r -> r.statusCode() == 200);
            report("client reactivated through A reached B", back);
            assertTrue(back.met(), "B accepts the reactivated client within the cache time: " + describe(back));
        } finally {
            deleteClient(admin, clientId);
        }
    }

    @Test
    @Order(6)
    void whenVerifierKeyRemovedThroughOneNodeThenTheOtherRefusesItWithinTheCacheTime() {
        String admin = accessToken(a, Fixtures.USER_ADMIN);
        TestKey removed = TestKey.generate();
        TestKey kept = TestKey.generate();
        Map<String, TestKey> keys = new LinkedHashMap<>();
        keys.put("removed", removed);
        keys.put("kept", kept);
        String clientId = createClient(admin, keys);
        try {
            Poll.Result<HttpResponse<String>> known = Poll.until(PROPAGATION, POLL, () -> tokenFor(b, clientId, "removed", removed), r -> r.statusCode() == 200);
            assertTrue(known.met(), "B accepts the key before it is removed: " + describe(known));
            assertEquals(200, tokenFor(b, clientId, "kept", kept).statusCode());

            HttpResponse<String> deleted = admin(a, admin, "DELETE", "clients/" + clientId + "/keys/removed", null);
            assertEquals(204, deleted.statusCode(), deleted.body());
            assertRefused(tokenFor(a, clientId, "removed", removed), NOT_VERIFIED, "A, which removed the key, at once");
            Poll.Result<HttpResponse<String>> refused = Poll.until(PROPAGATION, POLL, () -> tokenFor(b, clientId, "removed", removed), r -> r.statusCode() != 200);
            report("verifier key removed through A reached B", refused);
            assertTrue(refused.met(), "B refuses the removed key within the cache time: " + describe(refused));
            assertRefused(refused.last(), NOT_VERIFIED, "B");
            assertEquals(200, tokenFor(b, clientId, "kept", kept).statusCode(), "the client's other key still works on B");
        } finally {
            deleteClient(admin, clientId);
        }
    }

    @Test
    @Order(7)
    void whenTokenRevokedThroughOneNodeThenTheOtherNodesIntrospectionAndTableApiRefuseIt() {
        String token = accessToken(a, Fixtures.USER_ITIL);
        HttpResponse<String> live = introspect(b, token);
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(Http.json(live).getBoolean("active"), "B's introspection: the token is live before the revocation: " + live.body());
        // Both resource APIs verify (and remember) the token before it is revoked.
        assertEquals(200, listIncidents(b, token).statusCode());
        assertEquals(200, listIncidents(a, token).statusCode());

        HttpResponse<String> revoked = Http.postForm(a.baseUrl() + "/oauth2/revoke", Map.of("token", token), confidential());
        assertEquals(200, revoked.statusCode(), revoked.body());

        Poll.Result<HttpResponse<String>> inactive = Poll.until(PROPAGATION, POLL, () -> introspect(b, token),
                r -> r.statusCode() == 200 && !Http.json(r).getBoolean("active", true));
        report("revocation through A reached B's introspection", inactive);
        assertTrue(inactive.met(), "B's introspection says inactive within the cache time: " + describe(inactive));
        assertEquals(Set.of("active"), Http.json(inactive.last()).keySet(), "an inactive token is described by nothing else");

        Duration tableBound = PROPAGATION.plusSeconds(INTROSPECTION_CACHE_SECONDS);
        for (ServerNode node : nodes()) {
            Poll.Result<HttpResponse<String>> refused = Poll.until(tableBound, POLL, () -> listIncidents(node, token), r -> r.statusCode() != 200);
            report("revocation through A reached " + node.name() + "'s Table API", refused);
            assertTrue(refused.met(), node.name() + "'s Table API refuses the revoked token within " + tableBound.toSeconds() + " s: " + describe(refused));
            assertEquals(401, refused.last().statusCode(), refused.last().body());
            assertTrue(refused.last().headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                    refused.last().headers().map().toString());
        }
    }

    @Test
    @Order(8)
    void whenNodeRestartedThenUsedAssertionsStayUsedAndIssuedTokensStayValid() {
        String usedAtA = assertion(Fixtures.USER_ITIL);
        String usedAtB = assertion(Fixtures.USER_ITIL);
        HttpResponse<String> issued = requestToken(a, usedAtA);
        assertEquals(200, issued.statusCode(), issued.body());
        String token = Http.json(issued).getString("access_token");
        assertEquals(200, requestToken(b, usedAtB).statusCode());

        a.stop();
        assertEquals(200, requestToken(b, assertion(Fixtures.USER_ITIL)).statusCode(), "B issues tokens while A is down");
        assertEquals(200, listIncidents(b, token).statusCode(), "B's Table API serves A's token while A is down");
        a.start();

        assertRefused(requestToken(a, usedAtA), REPLAY, "A, after its restart, for the assertion it accepted before");
        assertRefused(requestToken(b, usedAtA), REPLAY, "B, for the assertion A accepted before its restart");
        assertRefused(requestToken(a, usedAtB), REPLAY, "A, after its restart, for the assertion B accepted before");
        for (ServerNode node : nodes()) {
            HttpResponse<String> response = listIncidents(node, token);
            assertEquals(200, response.statusCode(), "the token issued before A's restart at " + node.name() + ": " + response.body());
        }
    }

    @Test
    @Order(9)
    void whenNodeKilledDuringConcurrentCreatesThenEveryAnsweredCreateIsStoredOnceAndTheOtherNodeAnsweredEverything() throws Exception {
        String token = accessToken(b, Fixtures.USER_ITIL);
        String marker = "cluster-kill-" + UUID.randomUUID().toString().substring(0, 8);
        int total = 200;
        int killAfter = 60;
        List<Exchange> outcomes = new ArrayList<>();
        AtomicLong killedAt = new AtomicLong();
        try {
            CountDownLatch sent = new CountDownLatch(killAfter);
            Thread killer = new Thread(() -> {
                try {
                    if (sent.await(120, TimeUnit.SECONDS)) {
                        killedAt.set(System.nanoTime());
                        a.kill();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cluster-killer");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                killer.start();
                List<Future<Exchange>> futures = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    int index = i;
                    ServerNode node = i % 2 == 0 ? a : b;
                    String body = Json.createObjectBuilder().add("short_description", marker + " #" + index).build().toString();
                    futures.add(pool.submit(() -> {
                        sent.countDown();
                        return Exchange.send(node.name(), "create", String.valueOf(index), Exchange.json("POST",
                                incidentsUrl(node) + "?sysparm_fields=sys_id,number,short_description", body, REQUEST_TIMEOUT,
                                "Authorization", Http.bearer(token)));
                    }));
                }
                for (Future<Exchange> future : futures) {
                    outcomes.add(future.get(120, TimeUnit.SECONDS));
                }
                killer.join(60_000);
            } finally {
                pool.shutdownNow();
                killer.interrupt();
            }
            assertTrue(killedAt.get() != 0 && !a.isRunning(), "A was killed after " + killAfter + " requests had been sent");

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

            Map<String, JsonObject> answered = new HashMap<>();
            for (Exchange created : outcomes.stream().filter(e -> e.status() == 201).toList()) {
                answered.put(created.tag(), created.json().getJsonObject("result"));
            }
            List<JsonObject> storedViaB = incidentsMarked(b, token, marker);
            checkStored(marker, storedViaB, answered, lostAtA, total);
        } finally {
            if (!a.isRunning()) {
                a.start();
            }
        }
        List<JsonObject> storedViaA = incidentsMarked(a, token, marker);
        List<JsonObject> storedViaB = incidentsMarked(b, token, marker);
        assertEquals(sysIds(storedViaB), sysIds(storedViaA), "A, restarted, reads the same records as B");
    }

    private static void checkStored(String marker, List<JsonObject> stored, Map<String, JsonObject> answered, List<Exchange> lostAtA, int total) {
        Map<String, List<JsonObject>> byIndex = stored.stream().collect(Collectors.groupingBy(r -> {
            String description = r.getString("short_description");
            assertTrue(description.startsWith(marker + " #"), description);
            return description.substring((marker + " #").length());
        }));
        Map<String, Integer> duplicates = byIndex.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
        assertEquals(Map.of(), duplicates, "no create is stored twice");
        List<String> missing = new ArrayList<>();
        answered.forEach((index, record) -> {
            List<JsonObject> found = byIndex.getOrDefault(index, List.of());
            if (found.size() != 1 || !found.get(0).getString("sys_id").equals(record.getString("sys_id"))
                    || !found.get(0).getString("number").equals(record.getString("number"))) {
                missing.add("#" + index + " answered " + record + ", stored " + found);
            }
        });
        assertEquals(List.of(), missing, "every create answered 201 is in the table, as answered");
        Set<String> lost = lostAtA.stream().map(Exchange::tag).collect(Collectors.toSet());
        List<String> unexplained = byIndex.keySet().stream().filter(i -> !answered.containsKey(i) && !lost.contains(i)).toList();
        assertEquals(List.of(), unexplained, "a stored record not answered 201 can only be a create whose answer died with A");
        assertTrue(byIndex.keySet().stream().allMatch(i -> Integer.parseInt(i) >= 0 && Integer.parseInt(i) < total), byIndex.keySet().toString());
        List<String> numbers = stored.stream().map(r -> r.getString("number")).toList();
        assertEquals(numbers.size(), new HashSet<>(numbers).size(), "incident numbers are unique: " + numbers);
        System.out.printf("[ClusterIT] kill during creates: %d records stored, %d answered 201, %d committed although A's answer was lost%n",
                stored.size(), answered.size(), stored.size() - answered.size());
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
        String tableToken = accessToken(a, Fixtures.USER_ITIL);
        Timeline timeline = new Timeline();
        Load load = new Load(tableToken);
        try {
            outage(load, timeline, tableToken);
            recovery(timeline, tableToken);
            sleep(2000);
        } finally {
            load.close();
        }

        List<Exchange> all = new ArrayList<>(load.exchanges);
        System.out.printf("[ClusterIT] database outage: %d requests under load; stop took %d ms, start %d ms%n",
                all.size(), timeline.stopTook.toMillis(), timeline.startTook.toMillis());
        assertEquals(List.of(), firstFew(all.stream().filter(e -> !e.answered())), "both nodes answered every request");
        assertEquals(List.of(), firstFew(all.stream().filter(e -> e.status() >= 500 && e.status() != 503)), "no 500 or other server error than 503");
        assertEquals(List.of(), firstFew(all.stream().filter(e -> e.answered() && STACK_TRACE.matcher(String.valueOf(e.body())).find())),
                "no answer shows a stack trace or an exception");
        assertEquals(List.of(), firstFew(all.stream().filter(e -> e.answered() && e.status() != 200 && e.status() != 503)),
                "a token or Table API request is answered 200 or 503, nothing else");

        List<Exchange> during = all.stream().filter(e -> e.within(timeline.down, timeline.upRequested)).toList();
        for (ServerNode node : nodes()) {
            List<Exchange> tokens = during.stream().filter(e -> e.target().equals(node.name()) && e.kind().equals("token")).toList();
            List<Exchange> tables = during.stream().filter(e -> e.target().equals(node.name()) && e.kind().equals("table")).toList();
            assertFalse(tokens.isEmpty(), "the load met the outage at " + node.name() + "'s token endpoint");
            assertFalse(tables.isEmpty(), "the load met the outage at " + node.name() + "'s Table API");
            assertEquals(List.of(), firstFew(tokens.stream().filter(e -> tokenUnavailableProblem(e) != null).map(e -> tokenUnavailableProblem(e) + ": " + e)),
                    node.name() + ": every token request made while the database was down");
            assertEquals(List.of(), firstFew(tables.stream().filter(e -> tableUnavailableProblem(e) != null).map(e -> tableUnavailableProblem(e) + ": " + e)),
                    node.name() + ": every Table API request made while the database was down");
            assertTrue(all.stream().anyMatch(e -> e.target().equals(node.name()) && e.kind().equals("token") && e.status() == 200
                    && e.endedNanos() < timeline.down), node.name() + " issued tokens under load before the outage");
            assertTrue(all.stream().anyMatch(e -> e.target().equals(node.name()) && e.kind().equals("token") && e.status() == 200
                    && e.startedNanos() > timeline.up), node.name() + " issued tokens under load after the recovery");
        }

        List<Exchange> issued = all.stream().filter(e -> e.kind().equals("token") && e.status() == 200).toList();
        List<String> notRecorded = new ArrayList<>();
        for (Exchange exchange : issued) {
            ServerNode other = exchange.target().equals(a.name()) ? b : a;
            HttpResponse<String> replayed = requestToken(other, exchange.tag());
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

    private static void outage(Load load, Timeline timeline, String tableToken) throws Throwable {
        boolean stopped = false;
        Throwable failure = null;
        try {
            sleep(2000);
            assertTrue(load.exchanges.stream().anyMatch(e -> e.status() == 200), "the load runs: " + firstFew(load.exchanges.stream()));
            timeline.stopTook = Postgres.stop();
            stopped = true;
            timeline.down = System.nanoTime();

            for (ServerNode node : nodes()) {
                Poll.Result<ServerNode.Health> ready = Poll.until(Duration.ofSeconds(15), Duration.ofMillis(250), node::readiness, ServerNode.Health::down);
                report(node.name() + " readiness DOWN after the database stopped", ready);
                assertTrue(ready.met(), node.name() + ": readiness is DOWN (503) while the database is down: " + ready.describe());
                ServerNode.Health live = node.liveness();
                assertTrue(live.up(), node.name() + ": liveness stays UP while the database is down: " + live);

                String assertion = assertion(Fixtures.USER_ITIL);
                Exchange token = Exchange.send(node.name(), "token", assertion, tokenRequest(node, assertion));
                assertEquals(null, tokenUnavailableProblem(token), node.name() + " token endpoint: " + token);
                Exchange table = Exchange.send(node.name(), "table", null, listRequest(node, tableToken));
                assertEquals(null, tableUnavailableProblem(table), node.name() + " Table API: " + table);
                load.exchanges.add(token);
                load.exchanges.add(table);
            }
            long until = timeline.down + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                sleep(100);
            }
        } catch (Throwable e) {
            failure = e;
        }
        if (stopped) {
            timeline.upRequested = System.nanoTime();
            try {
                timeline.startTook = Postgres.start();
            } catch (Throwable e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            timeline.up = System.nanoTime();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void recovery(Timeline timeline, String tableToken) {
        long deadline = timeline.up + RECOVERY.toNanos();
        for (ServerNode node : nodes()) {
            Poll.Result<HttpResponse<String>> token = Poll.until(remaining(deadline), Duration.ofMillis(200),
                    () -> quietly(() -> requestToken(node, assertion(Fixtures.USER_ITIL))), r -> r != null && r.statusCode() == 200);
            assertTrue(token.met(), node.name() + " issues tokens within " + RECOVERY.toSeconds() + " s of the database's return: " + describe(token));
            Poll.Result<HttpResponse<String>> table = Poll.until(remaining(deadline), Duration.ofMillis(200),
                    () -> quietly(() -> listIncidents(node, tableToken)), r -> r != null && r.statusCode() == 200);
            assertTrue(table.met(), node.name() + "'s Table API answers within " + RECOVERY.toSeconds() + " s of the database's return: " + describe(table));
            Poll.Result<ServerNode.Health> ready = Poll.until(remaining(deadline), Duration.ofMillis(200), node::readiness, ServerNode.Health::up);
            assertTrue(ready.met(), node.name() + " readiness UP again within " + RECOVERY.toSeconds() + " s: " + ready.describe());
            System.out.printf("[ClusterIT] %s answered again %d ms after the database was back%n", node.name(),
                    (System.nanoTime() - timeline.up) / 1_000_000);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final java.util.regex.Pattern STACK_TRACE = java.util.regex.Pattern.compile(
            "\\bat (org|java|javax|jakarta|jdk|com|io|sun)\\.|Exception|Caused by:|\\tat ");

    /** Null when the answer is the token endpoint's 503 as documented, else what is wrong with it. */
    private static String tokenUnavailableProblem(Exchange e) {
        if (e.status() != 503) {
            return "not 503";
        }
        if (!"temporarily_unavailable".equals(e.jsonString("error"))) {
            return "error is not temporarily_unavailable";
        }
        String retryAfter = e.header("Retry-After").orElse(null);
        if (retryAfter == null) {
            return "no Retry-After";
        }
        if (!retryAfter.trim().matches("\\d+")) {
            try {
                ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException ex) {
                return "Retry-After is neither seconds nor an HTTP date: " + retryAfter;
            }
        }
        return null;
    }

    /** Null when the answer is the Table API's 503 in its envelope, else what is wrong with it. */
    private static String tableUnavailableProblem(Exchange e) {
        if (e.status() != 503) {
            return "not 503";
        }
        JsonObject body = e.json();
        if (body == null || !"failure".equals(body.getString("status", null))) {
            return "not the envelope with status failure";
        }
        JsonValue error = body.get("error");
        if (error == null || error.getValueType() != JsonValue.ValueType.OBJECT) {
            return "no error object";
        }
        JsonObject envelope = error.asJsonObject();
        if (envelope.getString("message", "").isBlank() || !envelope.containsKey("detail")) {
            return "error without message or detail";
        }
        return null;
    }

    /** When the database stopped and came back ({@link System#nanoTime()}), and how long the script took. */
    private static final class Timeline {
        long down;
        long upRequested;
        long up;
        Duration stopTook = Duration.ZERO;
        Duration startTook = Duration.ZERO;
    }

    /** Steady traffic on both nodes: token requests (fresh assertions) and Table API reads, every outcome kept. */
    private static final class Load implements AutoCloseable {

        final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Load(String tableToken) {
            for (ServerNode node : nodes()) {
                threads.add(loop(node.name() + "-token", () -> {
                    String assertion = assertion(Fixtures.USER_ITIL);
                    exchanges.add(Exchange.send(node.name(), "token", assertion, tokenRequest(node, assertion)));
                }));
                threads.add(loop(node.name() + "-table", () ->
                        exchanges.add(Exchange.send(node.name(), "table", null, listRequest(node, tableToken)))));
            }
            threads.forEach(Thread::start);
        }

        private Thread loop(String name, Runnable step) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        long now = System.nanoTime();
                        exchanges.add(new Exchange(name, "load", null, now, now, -1, null, null, "the load itself failed: " + e));
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "load-" + name);
            thread.setDaemon(true);
            return thread;
        }

        /** Stops the traffic: each thread finishes its request (at most the request timeout) and ends. */
        @Override
        public void close() {
            running.set(false);
            for (Thread thread : threads) {
                try {
                    thread.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (thread.isAlive()) {
                    thread.interrupt();
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<ServerNode> nodes() {
        return List.of(a, b);
    }

    /** A valid assertion of the confidential fixture client, for the cluster's token endpoint. */
    private static String assertion(String userName) {
        return JwtBearerAssertion.builder().issuer(Fixtures.CONFIDENTIAL_CLIENT).subject(userName).audience(TOKEN_AUDIENCE)
                .lifetime(ASSERTION_LIFETIME).build().sign(fixtureKey, Clock.systemUTC());
    }

    private static String[] confidential() {
        return new String[] {"Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET)};
    }

    private static HttpResponse<String> requestToken(ServerNode node, String assertion) {
        return Http.postForm(node.baseUrl() + "/oauth_token.do", Http.grant(assertion), confidential());
    }

    private static HttpRequest tokenRequest(ServerNode node, String assertion) {
        return Exchange.form(node.baseUrl() + "/oauth_token.do", Http.grant(assertion), REQUEST_TIMEOUT, confidential());
    }

    private static String accessToken(ServerNode node, String userName) {
        HttpResponse<String> response = requestToken(node, assertion(userName));
        assertEquals(200, response.statusCode(), node.name() + " token endpoint: " + response.body());
        return Http.json(response).getString("access_token");
    }

    private static String kid(String jwt) {
        return Tokens.header(jwt).getString("kid");
    }

    private static String incidentsUrl(ServerNode node) {
        return node.baseUrl() + "/api/now/table/incident";
    }

    private static String listUrl(ServerNode node) {
        return incidentsUrl(node) + "?sysparm_limit=1&sysparm_fields=number";
    }

    private static HttpResponse<String> listIncidents(ServerNode node, String token) {
        return Http.get(listUrl(node), "Authorization", Http.bearer(token));
    }

    private static HttpRequest listRequest(ServerNode node, String token) {
        return Exchange.get(listUrl(node), REQUEST_TIMEOUT, "Authorization", Http.bearer(token));
    }

    private static List<JsonObject> incidentsMarked(ServerNode node, String token, String marker) {
        String query = URLEncoder.encode("short_descriptionSTARTSWITH" + marker, StandardCharsets.UTF_8);
        HttpResponse<String> response = Http.get(incidentsUrl(node) + "?sysparm_query=" + query
                + "&sysparm_fields=sys_id,number,short_description&sysparm_limit=10000", "Authorization", Http.bearer(token));
        assertEquals(200, response.statusCode(), node.name() + ": " + response.body());
        return Http.json(response).getJsonArray("result").getValuesAs(JsonObject.class);
    }

    private static Set<String> sysIds(List<JsonObject> records) {
        return records.stream().map(r -> r.getString("sys_id")).collect(Collectors.toSet());
    }

    private static HttpResponse<String> introspect(ServerNode node, String token) {
        return Http.postForm(node.baseUrl() + "/oauth2/introspect", Map.of("token", token), confidential());
    }

    private static HttpResponse<String> admin(ServerNode node, String adminToken, String method, String path, String body) {
        return Http.json(method, node.baseUrl() + "/admin/" + path, body, "Authorization", Http.bearer(adminToken));
    }

    private static JsonArray signingKeys(ServerNode node, String adminToken) {
        HttpResponse<String> response = admin(node, adminToken, "GET", "signing-keys", null);
        assertEquals(200, response.statusCode(), node.name() + ": " + response.body());
        return Http.json(response).getJsonObject("result").getJsonArray("keys");
    }

    private static long count(JsonArray keys, String state) {
        return keys.getValuesAs(JsonObject.class).stream().filter(k -> k.getString("state").equals(state)).count();
    }

    private static String kidIn(JsonArray keys, String state) {
        return keys.getValuesAs(JsonObject.class).stream().filter(k -> k.getString("state").equals(state)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + state + " key: " + keys)).getString("kid");
    }

    private static List<String> jwksKids(ServerNode node) {
        HttpResponse<String> response = Http.get(node.baseUrl() + "/oauth2/jwks");
        assertEquals(200, response.statusCode(), node.name() + ": " + response.body());
        return Http.json(response).getJsonArray("keys").getValuesAs(JsonObject.class).stream().map(k -> k.getString("kid")).toList();
    }

    private static List<String> listed(ServerNode node, String adminToken, String collection, String member) {
        HttpResponse<String> response = admin(node, adminToken, "GET", collection + "?limit=1000", null);
        assertEquals(200, response.statusCode(), node.name() + ": " + response.body());
        return Http.json(response).getJsonArray("result").getValuesAs(JsonObject.class).stream().map(o -> o.getString(member)).toList();
    }

    /** A public client of its own, created through A, with these keys (kid → key). */
    private static String createClient(String adminToken, Map<String, TestKey> keys) {
        String clientId = "cluster-it-" + UUID.randomUUID().toString().substring(0, 8);
        var verifierKeys = Json.createArrayBuilder();
        keys.forEach((kid, key) -> verifierKeys.add(Json.createObjectBuilder().add("kid", kid).add("public_key", key.publicPem())));
        String body = Json.createObjectBuilder().add("client_id", clientId).add("public", true).add("user_field", "user_name")
                .add("verifier_keys", verifierKeys).build().toString();
        HttpResponse<String> created = admin(a, adminToken, "POST", "clients", body);
        assertEquals(201, created.statusCode(), created.body());
        return clientId;
    }

    private static void deleteClient(String adminToken, String clientId) {
        HttpResponse<String> deleted = admin(a, adminToken, "DELETE", "clients/" + clientId, null);
        if (deleted.statusCode() != 204) {
            System.err.println("[ClusterIT] could not delete client " + clientId + ": " + deleted.statusCode() + " " + deleted.body());
        }
    }

    /** A token request of a test client (public: the assertion alone speaks for it) at {@code node}. */
    private static HttpResponse<String> tokenFor(ServerNode node, String clientId, String kid, TestKey key) {
        String assertion = JwtBearerAssertion.builder().issuer(clientId).subject(Fixtures.USER_ITIL).audience(TOKEN_AUDIENCE)
                .lifetime(Duration.ofSeconds(120)).build().sign(key.signing(kid), Clock.systemUTC());
        return Http.postForm(node.baseUrl() + "/oauth_token.do", Http.grant(assertion));
    }

    private static void assertRefused(HttpResponse<String> response, String description, String where) {
        assertTrue(refusedWith(response.statusCode(), response.body(), description),
                where + ": expected 400 invalid_grant \"" + description + "\", got " + response.statusCode() + " " + response.body());
    }

    private static boolean refusedWith(Exchange exchange, String description) {
        return exchange.answered() && refusedWith(exchange.status(), exchange.body(), description);
    }

    private static boolean refusedWith(int status, String body, String description) {
        if (status != 400) {
            return false;
        }
        return "invalid_grant".equals(Exchange.member(body, "error")) && description.equals(Exchange.member(body, "error_description"));
    }

    private static <T> T quietly(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return null;
        }
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static void report(String what, Poll.Result<?> result) {
        System.out.printf("[ClusterIT] %s: %s in %d ms (%d attempts)%n", what, result.met() ? "yes" : "NO", result.took().toMillis(), result.attempts());
    }

    private static String describe(Poll.Result<HttpResponse<String>> result) {
        HttpResponse<String> last = result.last();
        return (result.met() ? "after " : "not within ") + result.took().toMillis() + " ms, " + result.attempts()
                + " attempts; last: " + (last == null ? "no answer" : last.statusCode() + " " + last.body());
    }

    private static List<String> firstFew(java.util.stream.Stream<?> items) {
        return items.limit(10).map(String::valueOf).toList();
    }

    private static String lines(List<Exchange> exchanges) {
        return exchanges.stream().map(Exchange::toString).collect(Collectors.joining("\n"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** Runs {@code count} tasks on as many threads, released together so that they really overlap. */
    private static <T> List<T> inParallel(int count, Function<Integer, T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CyclicBarrier start = new CyclicBarrier(count);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return task.apply(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A key pair made for one test, registered by its public key PEM. */
    private record TestKey(KeyPair pair) {

        static TestKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return new TestKey(generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String publicPem() {
            return Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
        }

        SigningKey signing(String kid) {
            return new SigningKey(pair.getPrivate(), kid, "RS256", null);
        }
    }
}
