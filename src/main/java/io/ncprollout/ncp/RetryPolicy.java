package io.ncprollout.ncp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often and how long to wait before repeating a failed <em>read</em>. Pure: no clock, no random
 * source, no sleeping; the caller passes the random number and does the waiting.
 *
 * <p>Full-jitter exponential back-off, capped; a server's {@code Retry-After} wins when present:
 *
 * <pre>
 * attempt:   1 ──fail──▶ wait U(0, base)      ──▶ 2 ──fail──▶ wait U(0, 2·base) ──▶ 3 ──fail──▶ …
 * ceiling(n) = min(maxDelay, baseDelay · 2^(n-1))     n = failed attempts so far (1, 2, 3, …)
 * delay(n)   = ceiling(n) · random01                  random01 ∈ [0, 1)
 * delay(n)   = min(Retry-After, 60 s)                 when the server sent Retry-After
 *
 * default (4 attempts, 500 ms base, 8 s cap): ceilings 0.5 s, 1 s, 2 s, then give up
 * </pre>
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param baseDelay   ceiling of the first wait, positive
 * @param maxDelay    largest ceiling, at least {@code baseDelay}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    /** Upper bound on a server-advised {@code Retry-After}, so a bad header cannot stall a rollout. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay == null");
        Objects.requireNonNull(maxDelay, "maxDelay == null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
        }
    }

    /** 4 attempts, 500 ms base, 8 s cap. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** A policy that never retries. */
    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));
    }

    /** Whether another attempt is allowed after {@code failedAttempts} failures. */
    public boolean canRetry(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /**
     * The wait before the next attempt.
     *
     * @param failedAttempts failures so far, at least 1
     * @param random01       a uniform random number in [0, 1)
     * @param retryAfter     the server's {@code Retry-After}, which takes precedence (capped at
     *                       {@link #MAX_RETRY_AFTER}, floored at zero)
     * @throws IllegalArgumentException if {@code failedAttempts < 1} or {@code random01} is outside [0, 1]
     */
    public Duration delayBeforeRetry(int failedAttempts, double random01, Optional<Duration> retryAfter) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        if (!(random01 >= 0.0 && random01 <= 1.0)) {
            throw new IllegalArgumentException("random01 must be in [0, 1]: " + random01);
        }
        if (retryAfter.isPresent()) {
            Duration advised = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return advised.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : advised;
        }
        return Duration.ofMillis((long) (ceiling(failedAttempts).toMillis() * random01));
    }

    private Duration ceiling(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30); // 2^30 · base already exceeds any sane cap
        Duration raw = baseDelay.multipliedBy(1L << doublings);
        return raw.compareTo(maxDelay) > 0 ? maxDelay : raw;
    }
}
