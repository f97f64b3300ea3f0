package org.jwtbearer.it.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Asks again and again until an answer satisfies a condition or a deadline passes: never an unbounded wait. */
public final class Poll {

    private Poll() {
    }

    /**
     * @param met      whether the condition held before the deadline
     * @param last     the last answer (the one that met the condition, or the last before the deadline)
     * @param took     from the first attempt's start to the answer that met it (or to giving up)
     * @param attempts how many times it asked
     */
    public record Result<T>(boolean met, T last, Duration took, int attempts) {

        public String describe() {
            return (met ? "after " : "not within ") + took.toMillis() + " ms, " + attempts + " attempts; last: " + last;
        }
    }

    public static <T> Result<T> until(Duration deadline, Duration interval, Supplier<T> attempt, Predicate<T> condition) {
        long started = System.nanoTime();
        long end = started + deadline.toNanos();
        int attempts = 0;
        T last;
        while (true) {
            last = attempt.get();
            attempts++;
            long now = System.nanoTime();
            if (condition.test(last)) {
                return new Result<>(true, last, Duration.ofNanos(now - started), attempts);
            }
            if (now >= end) {
                return new Result<>(false, last, Duration.ofNanos(now - started), attempts);
            }
            try {
                Thread.sleep(Math.min(interval.toMillis(), Math.max(1, (end - now) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result<>(false, last, Duration.ofNanos(System.nanoTime() - started), attempts);
            }
        }
    }
}
