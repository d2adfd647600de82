package io.ncprollout.rollout.tracking;

import java.util.Objects;

/**
 * A rollout and the lease under which this replica may write it.
 *
 * @param tracked the rollout as stored
 * @param lease   this replica's lease on it
 */
public record LeasedRollout(TrackedRollout tracked, Lease lease) {
    public LeasedRollout {
        Objects.requireNonNull(tracked, "tracked == null");
        Objects.requireNonNull(lease, "lease == null");
    }

    public String id() {
        return tracked.id();
    }
}
