package io.ncprollout.rollout.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to where fleets are kept across restarts. Every write is durable before the method returns, and a
 * compare-and-set on {@link Fleet#version()}: of two writers of one fleet (the runner and a Pause button, or two
 * replicas), one wins and the other reads again.
 *
 * <p>An unfinished fleet is driven by one replica at a time, the holder of its lease ({@link #claimLeases}); a
 * replica that dies leaves its fleets to the next holder when the lease runs out, or at once to its own next process
 * ({@link #takeOver}).
 *
 * <p>Every method may throw {@link io.ncprollout.rollout.tracking.StoreUnavailableException}.
 */
public interface FleetStore {

    /**
     * Stores a new fleet at version 0, leased to {@code owner} until {@code now + leaseFor}: the replica that posts its
     * message moves it first, and no other replica takes it for an abandoned one meanwhile.
     *
     * @return false, and nothing written, when a fleet with this id exists (the same form delivered twice)
     */
    boolean create(Fleet fleet, String owner, Instant now, Duration leaseFor);

    /**
     * Stores {@code next} if the stored fleet is still at {@code next.version()}.
     *
     * @return the fleet as stored (at the next version), or empty when another write came first
     */
    Optional<Fleet> commit(Fleet next);

    Optional<Fleet> find(String id);

    /** Unfinished fleets, oldest first. */
    List<Fleet> active();

    /** Finished fleets, newest first, at most {@code limit}. */
    List<Fleet> recent(int limit);

    /**
     * The fleets not yet {@linkplain Fleet#settled() settled} that {@code owner} may drive now (no lease, an ended one,
     * or its own), leased until {@code now + leaseFor}: unfinished ones, and ended ones whose ending is still to be said.
     */
    List<Fleet> claimLeases(String owner, Instant now, Duration leaseFor);

    /** The heartbeat: extends the leases {@code owner} holds to {@code now + leaseFor}. */
    void renewLeases(String owner, Instant now, Duration leaseFor);

    /** At startup: the unsettled fleets held by owners whose id starts with {@code ownerPrefix} (empty: every fleet) are freed. */
    void takeOver(String ownerPrefix);

    /** Gives up {@code owner}'s leases (on shutdown). */
    void releaseLeases(String owner);
}
