package org.jwtbearer.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedCallTest {

    private static final Duration LIMIT = Duration.ofMillis(200);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BoundedCall calls = new BoundedCall(executor, LIMIT);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void runWhenTaskAnswersThenItsAnswer() throws Exception {
        assertEquals("ok", calls.run(() -> "ok"));
        assertEquals("again", calls.run(() -> "again"));
    }

    @Test
    void runWhenTaskFailsThenExecutionExceptionWithItsFailure() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> calls.run(() -> {
            throw new java.sql.SQLException("refused", "08001");
        }));
        assertInstanceOf(java.sql.SQLException.class, e.getCause());
    }

    @Test
    void runWhenTaskHangsThenTimeoutWithinTheLimit() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        assertThrows(TimeoutException.class, () -> calls.run(() -> {
            never.await();
            return "late";
        }));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited < LIMIT.toMillis() + 1000, "waited " + waited + " ms");
        never.countDown();
    }

    @Test
    void runWhenPreviousStillHangsThenTimeoutAtOnceWithoutStartingAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        assertThrows(TimeoutException.class, () -> calls.run(() -> {
            started.incrementAndGet();
            awaitUninterruptibly(release);
            return "late";
        }));
        long start = System.nanoTime();
        assertThrows(TimeoutException.class, () -> calls.run(() -> {
            started.incrementAndGet();
            return "second";
        }));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < LIMIT.toMillis(), "did not wait");
        assertEquals(1, started.get());

        release.countDown();
        for (int i = 0; i < 100; i++) {
            try {
                assertEquals("third", calls.run(() -> "third"));
                return;
            } catch (TimeoutException stillRunning) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the first call never let go");
    }

    @Test
    void onOwnThreadsWhenCalledThenEachCallOnANewThreadOfTheFactory() throws Exception {
        AtomicInteger made = new AtomicInteger();
        BoundedCall own = BoundedCall.onOwnThreads(task -> {
            made.incrementAndGet();
            return new Thread(task, "probe-" + made.get());
        }, LIMIT);

        assertEquals("probe-1", own.run(() -> Thread.currentThread().getName()));
        assertEquals("probe-2", own.run(() -> Thread.currentThread().getName()));
    }

    @Test
    void runWhenExecutorRefusesThenExecutionExceptionAndNextCallRuns() throws Exception {
        BoundedCall refusing = new BoundedCall(task -> {
            throw new RejectedExecutionException("shut down");
        }, LIMIT);
        assertThrows(ExecutionException.class, () -> refusing.run(() -> "never"));
        ExecutionException again = assertThrows(ExecutionException.class, () -> refusing.run(() -> "never"));
        assertInstanceOf(RejectedExecutionException.class, again.getCause(), "refused again, not taken as still running");
    }

    /** Ignores interrupts, as a driver blocked in a socket read does. */
    static void awaitUninterruptibly(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException ignored) {
                // keep waiting
            }
        }
    }
}
