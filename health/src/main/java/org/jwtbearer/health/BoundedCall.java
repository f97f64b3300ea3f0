package org.jwtbearer.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a check on another thread and waits for it a bounded time, so a health probe answers within that time
 * even when the database hangs: borrowing a connection can block for the pool's whole blocking timeout, and a
 * connection attempt for the driver's, tens of seconds each.
 *
 * <p>At most one call is in flight. While one still hangs the next is not started but times out at once, so a
 * probe every few seconds cannot pile up threads blocked on a dead database.
 */
public final class BoundedCall {

    private final Executor executor;
    private final Duration limit;
    /** The call in flight, if any; each call clears only itself, however late its thread lets go. */
    private final AtomicReference<Object> inFlight = new AtomicReference<>();

    public BoundedCall(Executor executor, Duration limit) {
        this.executor = executor;
        this.limit = limit;
    }

    /**
     * Each call on a thread of its own from the server's managed thread factory. Not on the default managed
     * executor: on Payara that is one thread shared by every application, which a hanging check would block and
     * whose queue would make a check time out for nothing.
     */
    public static BoundedCall onOwnThreads(ThreadFactory threads, Duration limit) {
        return new BoundedCall(task -> threads.newThread(task).start(), limit);
    }

    /**
     * The task's result.
     *
     * @throws TimeoutException   when it did not finish within the limit, or the previous call is still running
     * @throws ExecutionException when it failed; the cause is its exception
     */
    public <T> T run(Callable<T> task) throws TimeoutException, ExecutionException, InterruptedException {
        Object call = new Object();
        if (!inFlight.compareAndSet(null, call)) {
            throw new TimeoutException("the previous check has not finished");
        }
        Runnable finished = () -> inFlight.compareAndSet(call, null);
        // Cleared before the answer is handed over, so the next call never sees this one as still running; and
        // after run() too, for a task cancelled before it started, whose callable never runs.
        FutureTask<T> future = new FutureTask<>(() -> {
            try {
                return task.call();
            } finally {
                finished.run();
            }
        });
        try {
            executor.execute(() -> {
                try {
                    future.run();
                } finally {
                    finished.run();
                }
            });
        } catch (RuntimeException rejected) {
            finished.run();
            throw new ExecutionException(rejected);
        }
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }
}
