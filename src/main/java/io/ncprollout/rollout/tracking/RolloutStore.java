package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to where rollouts are kept between polls and across restarts. Every commit is durable before the method
 * returns: what the bot knows is on disk before it acts on it.
 *
 * <p>A cluster is held by at most one unfinished rollout at a time: {@link #claim} takes it atomically, also
 * across processes sharing one database, and it is freed when that rollout reaches a final state through
 * {@link #commit} (or {@link #abandon}) or is {@linkplain #release released}.
 *
 * <p><b>Leases and fencing.</b> Each unfinished rollout is written by one replica at a time, the holder of its
 * {@link Lease}. A claim takes the lease ({@link Lease#FIRST_EPOCH}); {@link #claimLeases} takes free and expired
 * ones (each new holder gets a higher epoch) and a heartbeat keeps them ({@link #renewLeases}). Every write is a
 * compare-and-set on (id, owner, epoch, unfinished): a replica that lost the lease writes nothing, and only the
 * winner of a final transition gets its notices into the outbox. Lease times are the {@code now} each caller passes,
 * or the database's own clock where the store says so (PostgreSQL), so replicas' clocks need not agree.
 *
 * <p>Every method may throw {@link StoreUnavailableException} when the storage cannot be read or written.
 */
public interface RolloutStore {

    /** Which rollouts a replica takes over when it starts. */
    enum TakeOver {
        /** Every unfinished rollout (and the outbox's held entries): the embedded store has one process by construction. */
        ALL,
        /**
         * Those leased to an earlier process of the same instance: a lease owner is {@code <instance>#<boot>}, and the
         * rows whose owner has this owner's {@code <instance>#} prefix are taken (a stable instance id, such as a
         * StatefulSet pod name, takes its own back at once; the boot part keeps a zombie of it fenced). An owner without
         * {@code #} has no earlier self and takes nothing.
         */
        OWN;

        /** The part of a lease owner that names its instance, up to and including the last {@code #}. */
        public static String instancePrefix(String owner) {
            return owner.substring(0, owner.lastIndexOf('#') + 1);
        }
    }

    /**
     * Records a request just received ({@link StartPhase#RECEIVED}), before the chat is answered: it holds no cluster,
     * is leased to {@code owner} like a claim, and is not listed by {@link #active()}.
     */
    void receive(TrackedRollout received, String owner, Instant now, Duration leaseFor);

    /**
     * Records {@code rollout} as the one operation on its cluster, unless another unfinished one holds it, leased to
     * {@code owner} at epoch {@link Lease#FIRST_EPOCH} until {@code now + leaseFor}. A {@linkplain #receive received}
     * request with the same id, still {@code owner}'s, becomes the claim in the same transaction.
     *
     * @return the unfinished rollout that already holds the cluster (or this id), or empty when {@code rollout} was recorded
     * @throws IllegalStateException when the id is taken by a finished rollout, or by a received request that is no
     *                               longer {@code owner}'s (another replica recovered it meanwhile)
     */
    Optional<TrackedRollout> claim(TrackedRollout rollout, String owner, Instant now, Duration leaseFor);

    /** Forgets a received request that was answered without becoming a claim (denied, busy, sent for approval). */
    void dismiss(String id, String owner);

    /**
     * Stores {@code change} in one transaction: the rollout's new state, thread and phase, its notices into the
     * {@link Outbox}, and its audit record. Saving a final state frees the cluster.
     *
     * @return false, and nothing written, when the rollout is no longer unfinished under {@code change.lease()}
     */
    boolean commit(Change change);

    /**
     * Forgets a claimed rollout that never reached NCP (its precheck failed, its messages could not be posted),
     * freeing the cluster; only under {@code lease}.
     */
    void release(String id, Lease lease);

    /**
     * Ends an unfinished rollout whoever holds its lease ({@code /kafka abandon}): stores {@code next}'s final state and
     * tracking (its thread and phase stay as stored: a start in flight may have moved them since {@code next} was read),
     * its notices and audit record, and moves the epoch on so that no holder writes it again.
     *
     * @return false when it is not unfinished any more
     */
    boolean abandon(TrackedRollout next, List<Notice> notices, AuditEvent audit);

    /** The rollout with this id, finished or not, if it was claimed and not released. */
    Optional<TrackedRollout> find(String id);

    /** Every rollout not yet in a final state, oldest start first; requests only received are not listed. */
    List<TrackedRollout> active();

    /** Finished rollouts, newest ending first, at most {@code limit}. */
    List<TrackedRollout> recent(int limit);

    /**
     * Takes or keeps the lease of every unfinished rollout that {@code owner} may write now: those with no lease,
     * with a lease that ended at or before now, or already leased to {@code owner}; each is then leased to
     * {@code owner} until {@code now + leaseFor}, a taken one at the next epoch. Atomic per rollout: of several
     * owners calling at once, exactly one gets a given rollout.
     *
     * @return the rollouts now leased to {@code owner}, oldest start first, with their leases
     */
    List<LeasedRollout> claimLeases(String owner, Instant now, Duration leaseFor);

    /** The heartbeat: extends every lease {@code owner} holds to {@code now + leaseFor}; returns how many. */
    int renewLeases(String owner, Instant now, Duration leaseFor);

    /**
     * At startup: takes the rollouts of {@code scope} at the next epoch, whoever held them (a process that died
     * holds nothing), leased to {@code owner} until {@code now + leaseFor}.
     *
     * @return the rollouts now leased to {@code owner}
     */
    List<LeasedRollout> takeOver(String owner, TakeOver scope, Instant now, Duration leaseFor);

    /**
     * Gives up {@code owner}'s leases (on shutdown), so that another replica takes its rollouts over at its next
     * {@link #claimLeases} rather than when the leases run out.
     */
    void releaseLeases(String owner);
}
