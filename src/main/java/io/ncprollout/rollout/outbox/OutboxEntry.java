package io.ncprollout.rollout.outbox;

import io.ncprollout.rollout.tracking.Notice;
import java.time.Instant;
import java.util.Objects;

/**
 * A notice stored with the change that decided it, waiting to be said in the rollout's thread.
 *
 * @param seq       its place in the outbox: notices are said in this order
 * @param rolloutId the rollout it is about
 * @param notice    what to say
 * @param createdAt when it was decided
 * @param attempts  how many times sending it failed so far
 */
public record OutboxEntry(long seq, String rolloutId, Notice notice, Instant createdAt, int attempts) {
    public OutboxEntry {
        Objects.requireNonNull(rolloutId, "rolloutId == null");
        Objects.requireNonNull(notice, "notice == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
    }
}
