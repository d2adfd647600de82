package io.ncprollout.rollout.tracking;

import java.time.Duration;

/**
 * Pure: how long to wait before the next poll of one rollout, given its failed reads in a row.
 *
 * <pre>
 * failures   0         1          2          3          …   n
 * delay      interval  2×interval 4×interval 8×interval     min(interval × 2^n, maxDelay)
 * </pre>
 */
public final class PollBackOff {
    private final Duration interval;
    private final Duration maxDelay;

    public PollBackOff(Duration interval, Duration maxDelay) {
        if (maxDelay.compareTo(interval) < 0) {
            throw new IllegalArgumentException("maxDelay must not be shorter than interval");
        }
        this.interval = interval;
        this.maxDelay = maxDelay;
    }

    public Duration delayAfter(int failures) {
        if (failures <= 0) {
            return interval;
        }
        int shift = Math.min(failures, 20);
        Duration delay = interval.multipliedBy(1L << shift);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
