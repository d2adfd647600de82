package io.ncprollout.rollout.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a poller polls.
 *
 * @param backOff   the delay after each poll, longer after failed reads
 * @param startedAt when this process started: a rollout started before it is announced as resumed on its first poll
 */
public record PollSchedule(PollBackOff backOff, Instant startedAt) {
    /** The longest wait between two polls of a failing read is at least this. */
    static final Duration MIN_MAX_BACK_OFF = Duration.ofMinutes(2);

    public PollSchedule {
        Objects.requireNonNull(backOff, "backOff == null");
        Objects.requireNonNull(startedAt, "startedAt == null");
    }

    /**
     * Polls every {@code interval}, backing off after failed reads up to 8 intervals or 2 minutes, whichever is longer.
     *
     * @param startedAt when this process started
     */
    public static PollSchedule every(Duration interval, Instant startedAt) {
        Duration eight = interval.multipliedBy(8);
        Duration max = eight.compareTo(MIN_MAX_BACK_OFF) > 0 ? eight : MIN_MAX_BACK_OFF;
        return new PollSchedule(new PollBackOff(interval, max), startedAt);
    }
}
