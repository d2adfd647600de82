package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.RolloutPoller;
import java.time.Duration;
import java.time.Instant;

/**
 * Told what {@link RolloutPoller} does, for metrics and liveness; implemented outside {@code rollout}.
 * Called synchronously on the poller's thread: it must be quick and must not throw (an exception is logged
 * and ignored, it never stops a poll).
 */
public interface PollListener {
    /** Ignores everything. */
    PollListener NONE = new PollListener() {
    };

    /** A {@link RolloutPoller#pollOnce()} began at {@code now}, whether or not any rollout was due. */
    default void cycleStarted(Instant now) {
    }

    /**
     * One rollout was polled; {@code after} is its state once the observation was applied.
     *
     * @param lag how late the poll ran against its schedule ({@link Duration#ZERO} for a rollout's first poll)
     */
    default void polled(Rollout after, Duration lag) {
    }
}
