package org.jwtbearer.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jwtbearer.it.fixtures.Fixtures;

/**
 * Steady traffic on every node given: token requests (fresh assertions) and Table API reads, every outcome kept,
 * so that what the nodes answered before, during and after a database outage can be judged afterwards.
 */
public final class OutageLoad implements AutoCloseable {

    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /** Starts the traffic at once: a token thread and a Table API thread per node. */
    public OutageLoad(List<ServerNode> nodes, ClusterCalls calls, String tableToken) {
        for (ServerNode node : nodes) {
            threads.add(loop(node.name() + "-token", () -> {
                String assertion = calls.assertion(Fixtures.USER_ITIL);
                exchanges.add(Exchange.send(node.name(), "token", assertion, calls.tokenRequest(node, assertion)));
            }));
            threads.add(loop(node.name() + "-table", () ->
                    exchanges.add(Exchange.send(node.name(), "table", null, calls.listRequest(node, tableToken)))));
        }
        threads.forEach(Thread::start);
    }

    /** Every outcome so far; requests made alongside the load may be added to be judged with it. */
    public Queue<Exchange> exchanges() {
        return exchanges;
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
