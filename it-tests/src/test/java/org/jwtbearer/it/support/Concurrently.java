package org.jwtbearer.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Work run on many threads at once, for the races a cluster has to survive. Every wait is bounded. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code count} tasks on as many threads, released together so that they really overlap. */
    public static <T> List<T> inParallel(int count, Function<Integer, T> task) throws Exception {
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

    /**
     * What came of {@link #killingMidway}.
     *
     * @param outcomes every request's outcome, in the order the requests were made
     * @param killSent whether the kill was sent; whether the node died is for the caller to check
     */
    public record Killed(List<Exchange> outcomes, boolean killSent) {
    }

    /**
     * Runs {@code total} requests on a pool of {@code threads} and kills {@code victim} (SIGKILL) once
     * {@code killAfter} of them have been sent, so that the kill lands while requests are in flight.
     *
     * @param request for each index, called on the caller's thread: the request, to be made on the pool
     */
    public static Killed killingMidway(ServerNode victim, int killAfter, int threads, int total,
                                       IntFunction<Callable<Exchange>> request) throws Exception {
        List<Exchange> outcomes = new ArrayList<>();
        AtomicBoolean killSent = new AtomicBoolean();
        CountDownLatch sent = new CountDownLatch(killAfter);
        Thread killer = new Thread(() -> {
            try {
                if (sent.await(120, TimeUnit.SECONDS)) {
                    killSent.set(true);
                    victim.kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cluster-killer");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            killer.start();
            List<Future<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Callable<Exchange> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    sent.countDown();
                    return call.call();
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
        return new Killed(outcomes, killSent.get());
    }
}
