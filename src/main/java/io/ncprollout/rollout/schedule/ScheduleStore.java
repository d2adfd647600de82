package io.ncprollout.rollout.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to where scheduled runs are kept across restarts and replicas. Every write is durable before the method
 * returns, and {@link #commit} is a compare-and-set on {@link ScheduledRun#version()}: of two writers of one run (the
 * runner and a Cancel button, or two replicas), one wins and the other reads again. That is what fires a run once:
 * only one writer moves a version to {@link ScheduledRun.State#STARTING}.
 *
 * <p>A run whose time is near is acted on by one replica at a time, the holder of its lease ({@link #claimLeases}): it
 * posts the reminder, fires it or says it was missed. A replica that dies leaves its runs to the next claimant when the
 * lease runs out, or at once to its own next process ({@link #takeOver}). Runs far off are leased to nobody, so any
 * replica may take them when their time comes. A Cancel needs no lease: it is a compare-and-set like any write.
 *
 * <p>Every method may throw {@link io.ncprollout.rollout.tracking.StoreUnavailableException}.
 */
public interface ScheduleStore {

    /**
     * Stores a new run at version 0, leased to nobody.
     *
     * @return false, and nothing written, when a run with this id exists (the same request delivered twice)
     */
    boolean create(ScheduledRun run);

    /**
     * Stores {@code next} if the stored run is still at {@code next.version()}. Its request, channel, time and zone are
     * those it was created with; only its state and what goes with it are written.
     *
     * @return the run as stored (at the next version), or empty when another write came first
     */
    Optional<ScheduledRun> commit(ScheduledRun next);

    Optional<ScheduledRun> find(String id);

    /** The runs not ended (waiting or starting), soonest first. */
    List<ScheduledRun> pending();

    /** Ended runs, the last ended first, at most {@code limit}. */
    List<ScheduledRun> recent(int limit);

    /**
     * The unended runs due by {@code dueBy} (their time at or before it: the runner passes {@code now} plus
     * {@link ScheduleSteps#REMIND_BEFORE}) that {@code owner} may act on now (no lease, an ended one, or its own), leased
     * until {@code now + leaseFor}; with the unended runs {@code owner} holds already. Soonest first. Of two replicas
     * claiming at once, each run goes to one.
     */
    List<ScheduledRun> claimLeases(String owner, Instant dueBy, Instant now, Duration leaseFor);

    /** The heartbeat: extends the leases {@code owner} holds on unended runs to {@code now + leaseFor}. */
    void renewLeases(String owner, Instant now, Duration leaseFor);

    /** At startup: the unended runs held by owners whose id starts with {@code ownerPrefix} (empty: every run) are freed. */
    void takeOver(String ownerPrefix);

    /** Gives up {@code owner}'s leases (on shutdown). */
    void releaseLeases(String owner);
}
