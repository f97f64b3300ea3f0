package org.jwtbearer.it.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jwtbearer.it.fixtures.Fixtures;

/**
 * Two WildFly nodes on one PostgreSQL database, as a production cluster runs: one issuer identity and one
 * encryption key, each node's resource API trusting its own node's JWKS and fetching its own node's revocation
 * list — so a revocation made through one node reaches the other's resource API only through the database.
 *
 * <p>Settings each node gets (system properties): {@code jwtbearer.datasource.url},
 * {@code jwtbearer.encryption-key}, {@code jwtbearer.bootstrap}, {@code jwtbearer.registry.cache-seconds=2},
 * {@code jwtbearer.issuer}, {@code jwtbearer.data-dir}, the three {@code mp.jwt.verify.*} for its own port, and
 * {@code jwtbearer.revocations.*} (its own node, the fixtures' resource-server client, a list used for at most
 * {@value #REVOCATIONS_MAX_AGE_SECONDS} s and failing closed as by default: while the database is away the list
 * cannot be fetched, and the Table API answers 503 either way, from the check or from its own database).
 */
public final class TwoNodeCluster {

    /** The cluster's one public identity. Never contacted: each node's resource API uses its own node's URLs. */
    public static final String ISSUER = "https://jwtbearer-cluster.test";
    /** What assertions name as their audience: the token endpoint under the shared identifier, valid on both nodes. */
    public static final String TOKEN_AUDIENCE = ISSUER + "/oauth_token.do";
    public static final int CACHE_SECONDS = 2;
    public static final int REVOCATIONS_MAX_AGE_SECONDS = Fixtures.REVOCATIONS_MAX_AGE_SECONDS;

    private final ServerNode a;
    private final ServerNode b;

    private TwoNodeCluster(ServerNode a, ServerNode b) {
        this.a = a;
        this.b = b;
    }

    /** Both nodes, made with a fresh shared encryption key; nothing runs yet. */
    public static TwoNodeCluster create() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encryptionKey = Base64.getEncoder().encodeToString(key);
        ServerNode a = ServerNode.create("cluster-a", ServerNode.POSTGRESQL, 200, settings("cluster-a", 200, encryptionKey));
        ServerNode b = ServerNode.create("cluster-b", ServerNode.POSTGRESQL, 300, settings("cluster-b", 300, encryptionKey));
        return new TwoNodeCluster(a, b);
    }

    public ServerNode a() {
        return a;
    }

    public ServerNode b() {
        return b;
    }

    public List<ServerNode> nodes() {
        return List.of(a, b);
    }

    /**
     * Starts both nodes at the same moment, so that their schema migrations and registry imports race on the
     * shared database. When either fails, both are stopped.
     */
    public void startTogether() throws InterruptedException {
        ServerNode[] nodes = {a, b};
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

    public void startNodesLeftDown() {
        for (ServerNode node : nodes()) {
            if (!node.isRunning()) {
                System.out.println("[ClusterIT] " + node.name() + " was left down by an earlier test; starting it");
                node.start();
            }
        }
    }

    public void stop() {
        ServerNode.stopAll(a, b);
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
        settings.put("jwtbearer.revocations.url", own + "/oauth2/revocations");
        settings.put("jwtbearer.revocations.client-id", Fixtures.RESOURCE_SERVER_CLIENT);
        settings.put("jwtbearer.revocations.client-secret", Fixtures.RESOURCE_SERVER_SECRET);
        settings.put("jwtbearer.revocations.max-age", String.valueOf(REVOCATIONS_MAX_AGE_SECONDS));
        return settings;
    }
}
