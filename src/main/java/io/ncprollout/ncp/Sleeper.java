package io.ncprollout.ncp;

import java.time.Duration;

/**
 * Waits between retries. Production passes {@link #SYSTEM}; tests pass a fake that records the
 * requested delays and advances a clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Blocks for {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
