package io.ncprollout.rollout.tracking;

import java.util.Objects;

/**
 * The right to write one rollout: who holds it, and which grant of it. Every write of a leased rollout is a
 * compare-and-set on both, so a replica whose lease moved on (it paused, its heartbeat stopped) writes nothing:
 * each new holder of a rollout gets a higher epoch.
 *
 * @param owner the replica's id
 * @param epoch the grant, starting at {@link #FIRST_EPOCH} when the rollout is claimed
 */
public record Lease(String owner, long epoch) {
    /** The epoch of the lease a claim takes with it. */
    public static final long FIRST_EPOCH = 1;

    public Lease {
        Objects.requireNonNull(owner, "owner == null");
    }
}
