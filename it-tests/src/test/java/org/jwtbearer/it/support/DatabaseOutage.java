package org.jwtbearer.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.jwtbearer.it.support.ClusterReport.describe;
import static org.jwtbearer.it.support.ClusterReport.firstFew;
import static org.jwtbearer.it.support.ClusterReport.report;
import static org.jwtbearer.it.support.UnavailableAnswers.tableUnavailableProblem;
import static org.jwtbearer.it.support.UnavailableAnswers.tokenUnavailableProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.jwtbearer.it.fixtures.Fixtures;

/**
 * PostgreSQL stopped under load and started again. While the database is down each node's health and answers are
 * checked at once; after its return every node must answer again within 10 s, without a restart.
 */
public final class DatabaseOutage {

    private static final Duration RECOVERY = Duration.ofSeconds(10);

    private final List<ServerNode> nodes;
    private final ClusterCalls calls;
    private final String tableToken;
    private long down;
    private long upRequested;
    private long up;
    private Duration stopTook = Duration.ZERO;
    private Duration startTook = Duration.ZERO;

    /** @param tableToken a token the Table API accepts, for the checks made while the database is down and after */
    public DatabaseOutage(List<ServerNode> nodes, ClusterCalls calls, String tableToken) {
        this.nodes = nodes;
        this.calls = calls;
        this.tableToken = tableToken;
    }

    /**
     * When the database stopped and came back ({@link System#nanoTime()}), and how long the script took: what
     * tells the load's requests apart, before, during and after the outage.
     *
     * @param upRequested when the database was asked to start again: the end of the outage as the load saw it
     * @param up          when it accepted connections again
     */
    public record Timeline(long down, long upRequested, long up, Duration stopTook, Duration startTook) {
    }

    /**
     * The outage under {@code load}, the recovery, then 2 s more of load so that it also meets the recovered
     * nodes. The database is started again whatever failed while it was down.
     */
    public Timeline runUnder(OutageLoad load) throws Throwable {
        outage(load);
        recovery();
        sleep(2000);
        return new Timeline(down, upRequested, up, stopTook, startTook);
    }

    private void outage(OutageLoad load) throws Throwable {
        boolean stopped = false;
        Throwable failure = null;
        try {
            sleep(2000);
            assertTrue(load.exchanges().stream().anyMatch(e -> e.status() == 200), "the load runs: " + firstFew(load.exchanges().stream()));
            stopTook = Postgres.stop();
            stopped = true;
            down = System.nanoTime();

            for (ServerNode node : nodes) {
                Poll.Result<ServerNode.Health> ready = Poll.until(Duration.ofSeconds(15), Duration.ofMillis(250), node::readiness, ServerNode.Health::down);
                report(node.name() + " readiness DOWN after the database stopped", ready);
                assertTrue(ready.met(), node.name() + ": readiness is DOWN (503) while the database is down: " + ready.describe());
                ServerNode.Health live = node.liveness();
                assertTrue(live.up(), node.name() + ": liveness stays UP while the database is down: " + live);

                String assertion = calls.assertion(Fixtures.USER_ITIL);
                Exchange token = Exchange.send(node.name(), "token", assertion, calls.tokenRequest(node, assertion));
                assertEquals(null, tokenUnavailableProblem(token), node.name() + " token endpoint: " + token);
                Exchange table = Exchange.send(node.name(), "table", null, calls.listRequest(node, tableToken));
                assertEquals(null, tableUnavailableProblem(table), node.name() + " Table API: " + table);
                load.exchanges().add(token);
                load.exchanges().add(table);
            }
            long until = down + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                sleep(100);
            }
        } catch (Throwable e) {
            failure = e;
        }
        if (stopped) {
            upRequested = System.nanoTime();
            try {
                startTook = Postgres.start();
            } catch (Throwable e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            up = System.nanoTime();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void recovery() {
        long deadline = up + RECOVERY.toNanos();
        for (ServerNode node : nodes) {
            Poll.Result<HttpResponse<String>> token = Poll.until(remaining(deadline), Duration.ofMillis(200),
                    () -> quietly(() -> calls.requestToken(node, calls.assertion(Fixtures.USER_ITIL))), r -> r != null && r.statusCode() == 200);
            assertTrue(token.met(), node.name() + " issues tokens within " + RECOVERY.toSeconds() + " s of the database's return: " + describe(token));
            Poll.Result<HttpResponse<String>> table = Poll.until(remaining(deadline), Duration.ofMillis(200),
                    () -> quietly(() -> calls.listIncidents(node, tableToken)), r -> r != null && r.statusCode() == 200);
            assertTrue(table.met(), node.name() + "'s Table API answers within " + RECOVERY.toSeconds() + " s of the database's return: " + describe(table));
            Poll.Result<ServerNode.Health> ready = Poll.until(remaining(deadline), Duration.ofMillis(200), node::readiness, ServerNode.Health::up);
            assertTrue(ready.met(), node.name() + " readiness UP again within " + RECOVERY.toSeconds() + " s: " + ready.describe());
            System.out.printf("[ClusterIT] %s answered again %d ms after the database was back%n", node.name(),
                    (System.nanoTime() - up) / 1_000_000);
        }
    }

    /** A node that is not answering yet throws; while waiting for it that is just another "not yet". */
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
