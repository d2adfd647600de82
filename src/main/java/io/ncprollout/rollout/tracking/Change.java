package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One write of a rollout, stored in one transaction: its new state, what the thread must say about it (into the
 * outbox, sent after the commit) and, for an ending, the audit record. Nothing of it is said before it is stored.
 *
 * @param next    the rollout's new state, journal phase and thread
 * @param lease   the lease it is written under: the write happens only if the lease is still this one
 * @param notices what the thread must say, in order
 * @param audit   the audit record written with it, if any
 * @param at      when it was decided: the notices are due from then
 */
public record Change(TrackedRollout next, Lease lease, List<Notice> notices, Optional<AuditEvent> audit, Instant at) {
    public Change {
        Objects.requireNonNull(next, "next == null");
        Objects.requireNonNull(lease, "lease == null");
        notices = List.copyOf(notices);
        Objects.requireNonNull(audit, "audit == null");
        Objects.requireNonNull(at, "at == null");
    }

    /** A change that says nothing and records nothing. */
    public static Change quiet(TrackedRollout next, Lease lease, Instant at) {
        return new Change(next, lease, List.of(), Optional.empty(), at);
    }
}
