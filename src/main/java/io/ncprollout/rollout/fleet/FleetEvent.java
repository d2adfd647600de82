package io.ncprollout.rollout.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the fleet's thread says once, in order: stored with the change that decided it, said after.
 *
 * @param type   what happened
 * @param member the index of the cluster it is about, or -1
 * @param at     when it was decided
 * @param by     who did it (Pause, Resume, Stop), or empty
 */
public record FleetEvent(Type type, int member, Instant at, String by) {
    public enum Type {
        /** A cluster's operation started (its thread is linked). */
        STARTED,
        /** A cluster's operation ended (completed or not). */
        ENDED,
        /** A cluster was skipped when its turn came. */
        SKIPPED,
        /** It waits for an approval (the approvers are mentioned). */
        APPROVAL_ASKED,
        /** Approved: it starts. */
        APPROVED,
        PAUSED,
        RESUMED,
        /** The fleet stops (the requester is mentioned, once). */
        STOPPING,
        /** Nothing of the fleet runs any more: its summary. */
        FINISHED
    }

    public FleetEvent {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(by, "by == null");
    }
}
