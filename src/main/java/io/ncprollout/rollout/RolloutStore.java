package io.ncprollout.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to where rollouts are kept between polls and across restarts.
 *
 * <p>A cluster is held by at most one unfinished rollout at a time: {@link #claim} takes it atomically, also
 * across processes sharing one database, and it is freed when that rollout reaches a final state through
 * {@link #save} or is {@linkplain #release released}.
 *
 * <p>Several bot replicas on one database share the polling through leases: {@link #claimLeases} hands each
 * unfinished rollout to one owner at a time, for a while. Lease times are the {@code now} each caller passes,
 * so the replicas' clocks must agree to well within the lease length.
 *
 * <p>Every method may throw {@link StoreUnavailableException} when the storage cannot be read or written.
 */
public interface RolloutStore {

    /**
     * Records {@code rollout} as the one operation on its cluster, unless another unfinished one holds it.
     *
     * @return the unfinished rollout that already holds the cluster, or empty when {@code rollout} was recorded
     */
    Optional<TrackedRollout> claim(TrackedRollout rollout);

    /**
     * Replaces the stored state of a rollout already recorded. Saving it in a final state frees its cluster.
     *
     * @throws IllegalStateException when no rollout with that id was claimed (or it was released)
     */
    void save(TrackedRollout rollout);

    /** Forgets a claimed rollout that never reached NCP (its messages could not be posted), freeing the cluster. */
    void release(String id);

    /** The rollout with this id, finished or not, if it was claimed and not released. */
    Optional<TrackedRollout> find(String id);

    /** Every rollout not yet in a final state, oldest start first. */
    List<TrackedRollout> active();

    /** Finished rollouts, newest ending first, at most {@code limit}. */
    List<TrackedRollout> recent(int limit);

    /**
     * Takes or renews the polling lease of every unfinished rollout that {@code owner} may poll now: those with no
     * lease, with a lease that ended at or before {@code now}, or already leased to {@code owner}. Each is then
     * leased to {@code owner} until {@code now + leaseFor}. Atomic per rollout: of several owners calling at once,
     * exactly one gets a given rollout.
     *
     * @param owner    a stable id of the calling replica, e.g. host name and process id
     * @param now      the caller's current time
     * @param leaseFor how long the lease holds without renewal; several poll intervals, so one slow poll does
     *                 not hand the rollout to another replica
     * @return the rollouts now leased to {@code owner}, oldest start first
     */
    List<TrackedRollout> claimLeases(String owner, Instant now, Duration leaseFor);

    /**
     * Gives up {@code owner}'s lease on a rollout, e.g. when the replica shuts down, so that another replica takes
     * it over at its next {@link #claimLeases} rather than when the lease runs out. Does nothing when the lease
     * is not {@code owner}'s.
     */
    void releaseLease(String id, String owner);
}
