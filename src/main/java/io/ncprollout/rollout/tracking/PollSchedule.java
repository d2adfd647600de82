package io.ncprollout.rollout.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * When a poller polls.
 *
 * @param backOff   the delay after each poll, longer after failed reads
 * @param startedAt when this process started: a rollout started before it is announced as resumed on its first poll
 */
public record PollSchedule(PollBackOff backOff, Instant startedAt) {
    public PollSchedule {
        Objects.requireNonNull(backOff, "backOff == null");
        Objects.requireNonNull(startedAt, "startedAt == null");
    }
}
