package io.ncprollout.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When and as whom a poller polls.
 *
 * @param backOff   the delay after each poll, longer after failed reads
 * @param owner     this replica's id in the store's leases (unique per process)
 * @param leaseFor  how long a lease lasts without renewal; another replica takes a rollout over after it
 * @param startedAt when this process started: a rollout started before it is announced as resumed on its first poll
 */
public record PollSchedule(PollBackOff backOff, String owner, Duration leaseFor, Instant startedAt) {
    public PollSchedule {
        Objects.requireNonNull(backOff, "backOff == null");
        Objects.requireNonNull(owner, "owner == null");
        Objects.requireNonNull(leaseFor, "leaseFor == null");
        Objects.requireNonNull(startedAt, "startedAt == null");
    }
}
