package io.ncprollout.ncp;

import java.time.Duration;

/**
 * A global cap on the rate of NCP requests: a token bucket of {@code burst} tokens refilled at
 * {@code permitsPerSecond}. Pure arithmetic on the times it is given (a monotonic nanosecond reading); it
 * never sleeps: {@link #reserve(long)} books the next free slot and says how long the caller must wait for it,
 * and the caller's {@link Sleeper} does the waiting. Thread-safe; callers are served in the order they reserve.
 *
 * <p>Kept as the time at which the bucket would next be full ("theoretical arrival time", GCRA):
 * <pre>
 * interval = 1 s / permitsPerSecond          tolerance = (burst - 1) × interval
 * reserve(now):  slot = max(tat, now)
 *                wait = max(0, slot - tolerance - now)
 *                tat  = slot + interval
 * </pre>
 * With {@code burst = 1} requests are spaced at least {@code interval} apart, so no window of one second
 * holds more than {@code permitsPerSecond} of them (plus the one on its closing edge).
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final long toleranceNanos;
    private final boolean unlimited;
    private long tat;
    private boolean started;

    /**
     * @throws IllegalArgumentException if {@code permitsPerSecond} is not positive and finite, or {@code burst < 1}
     */
    public RateLimiter(double permitsPerSecond, int burst) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive and finite: " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / permitsPerSecond));
        this.toleranceNanos = (burst - 1) * intervalNanos;
        this.unlimited = false;
    }

    private RateLimiter() {
        this.intervalNanos = 0;
        this.toleranceNanos = 0;
        this.unlimited = true;
    }

    /** A limiter that never asks anyone to wait. */
    public static RateLimiter unlimited() {
        return new RateLimiter();
    }

    /**
     * Books one request at {@code nowNanos} (a monotonic reading such as {@link System#nanoTime()}).
     *
     * @return how long to wait before sending it; zero when a token is free now
     */
    public synchronized Duration reserve(long nowNanos) {
        if (unlimited) {
            return Duration.ZERO;
        }
        long slot = !started || nowNanos - tat > 0 ? nowNanos : tat;
        started = true;
        long wait = Math.max(0, slot - toleranceNanos - nowNanos);
        tat = slot + intervalNanos;
        return Duration.ofNanos(wait);
    }
}
