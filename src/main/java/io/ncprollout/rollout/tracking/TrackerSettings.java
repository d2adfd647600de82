package io.ncprollout.rollout.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * The times and counts that drive {@link RolloutTransitions}.
 *
 * @param pollInterval        how often an operation is polled ({@code ROLLOUT_POLL_INTERVAL})
 * @param stallAfter          no change for this long: one warning in the thread ({@code ROLLOUT_STALL_AFTER})
 * @param noChangeGrace       no change at all since the start for this long: say so instead of claiming success
 * @param giveUpAfter         no change for this long: stop watching, state {@link RolloutState#STALLED}
 *                            (or {@link RolloutState#UNCONFIRMED} if nothing ever changed)
 * @param unreachableAfter    consecutive failed reads before the thread says the NCP API is unreachable
 */
public record TrackerSettings(
        Duration pollInterval, Duration stallAfter, Duration noChangeGrace, Duration giveUpAfter, int unreachableAfter) {

    public TrackerSettings {
        Objects.requireNonNull(pollInterval, "pollInterval == null");
        Objects.requireNonNull(stallAfter, "stallAfter == null");
        Objects.requireNonNull(noChangeGrace, "noChangeGrace == null");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter == null");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        if (giveUpAfter.compareTo(stallAfter) <= 0) {
            throw new IllegalArgumentException("giveUpAfter must be longer than stallAfter");
        }
        if (unreachableAfter < 1) {
            throw new IllegalArgumentException("unreachableAfter must be at least 1");
        }
    }

    /**
     * Defaults derived from the poll interval and stall time: the no-change grace is five polls but at least
     * five minutes (or the stall time, when that is shorter), giving up takes six stall periods, and three failed
     * reads in a row count as unreachable.
     */
    public static TrackerSettings of(Duration pollInterval, Duration stallAfter) {
        Duration floor = stallAfter.compareTo(Duration.ofMinutes(5)) < 0 ? stallAfter : Duration.ofMinutes(5);
        Duration grace = pollInterval.multipliedBy(5);
        if (grace.compareTo(floor) < 0) {
            grace = floor;
        }
        return new TrackerSettings(pollInterval, stallAfter, grace, stallAfter.multipliedBy(6), 3);
    }
}
