package io.ncprollout.rollout;

import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease upkeep of a {@link PollCompanion}'s rows (the fleets, the scheduled runs), the same for each: take this
 * instance's rows back at startup, renew on the heartbeat, release on shutdown. Never throws: a store that cannot be
 * reached lets the leases run out, and another replica (or the next process) takes the rows over then.
 */
final class CompanionLeases {
    private static final Logger log = LoggerFactory.getLogger(CompanionLeases.class);

    /**
     * The lease upkeep the rows' store offers (FleetStore and ScheduleStore have these three; a shared interface would
     * tie the fleet and schedule concepts to each other's level, so their methods are passed).
     *
     * @param takeOver frees the unended rows held by owners with this id prefix (empty: every row)
     * @param renew    extends an owner's leases on unended rows to now + leaseFor
     * @param release  gives an owner's leases up
     */
    record Rows(java.util.function.Consumer<String> takeOver, Renew renew, java.util.function.Consumer<String> release) {
    }

    /** {@code renewLeases(owner, now, leaseFor)} of a store. */
    @FunctionalInterface
    interface Renew {
        void renew(String owner, java.time.Instant now, java.time.Duration leaseFor);
    }

    private final String what;
    private final Rows rows;
    private final Replica replica;
    private final Clock clock;

    /** @param what the rows' name in the logs ("fleets", "scheduled runs") */
    CompanionLeases(String what, Rows rows, Replica replica, Clock clock) {
        this.what = what;
        this.rows = rows;
        this.replica = replica;
        this.clock = clock;
    }

    /** At startup: takes back the rows of this instance's earlier process (on the embedded store, every row). */
    void takeOver() {
        String prefix = replica.takeOver() == RolloutStore.TakeOver.ALL ? "" : RolloutStore.TakeOver.instancePrefix(replica.id());
        if (replica.takeOver() == RolloutStore.TakeOver.OWN && prefix.isEmpty()) {
            return; // no instance id: no earlier self to take over from; the leases run out instead
        }
        try {
            rows.takeOver().accept(prefix);
        } catch (RuntimeException e) {
            log.error("cannot take the {} over now; their leases run out instead: {}", what, e.toString());
        }
    }

    void renew() {
        try {
            rows.renew().renew(replica.id(), clock.instant(), replica.leaseFor());
        } catch (RuntimeException e) {
            log.error("cannot renew the {}' leases; another replica may take them over: {}", what, e.toString());
        }
    }

    void release() {
        try {
            rows.release().accept(replica.id());
        } catch (RuntimeException e) {
            log.warn("cannot release the {}' leases; they run out: {}", what, e.toString());
        }
    }
}
