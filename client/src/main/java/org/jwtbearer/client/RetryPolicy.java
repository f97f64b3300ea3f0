package org.jwtbearer.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a token request is tried when the endpoint fails (5xx) or cannot be reached: exponential backoff
 * with full jitter, so many clients that failed together do not come back together. 4xx answers are never
 * retried. A {@code Retry-After} the endpoint sends is honoured up to {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max");
        }
    }

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} failed ones (1-based). */
    Duration backoffAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
        }
        long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(ceiling, maxBackoff.toMillis());
        return Duration.ofMillis(capped == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
    }
}
