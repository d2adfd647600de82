package io.ncprollout.rollout.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the tracker knows about a running or finished operation.
 *
 * @param state        the operation's state
 * @param snapshot     the latest picture of the cluster
 * @param changeSeen   true once the cluster was seen changing after the start was accepted
 * @param lastChangeAt when anything (a node status, the cluster status, the version) last changed
 * @param alerts       warnings already said and read failures
 * @param ending       when and why it ended, once {@link RolloutState#isTerminal()}
 * @param catchUp      whether the data caught up after each node came back (clusters with a health gate)
 */
public record Tracking(
        RolloutState state,
        Snapshot snapshot,
        boolean changeSeen,
        Instant lastChangeAt,
        Alerts alerts,
        Optional<Ending> ending,
        CatchUp catchUp) {

    public Tracking {
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(snapshot, "snapshot == null");
        Objects.requireNonNull(lastChangeAt, "lastChangeAt == null");
        Objects.requireNonNull(alerts, "alerts == null");
        Objects.requireNonNull(ending, "ending == null");
        Objects.requireNonNull(catchUp, "catchUp == null");
    }

    /** This tracking with {@code next} as its catch-up. */
    public Tracking with(CatchUp next) {
        return new Tracking(state, snapshot, changeSeen, lastChangeAt, alerts, ending, next);
    }

    /**
     * How an operation ended.
     *
     * @param at     when the tracker decided it
     * @param reason why, as data (the Slack side words it)
     */
    public record Ending(Instant at, EndingReason reason) {
        public Ending {
            Objects.requireNonNull(at, "at == null");
            Objects.requireNonNull(reason, "reason == null");
        }
    }
}
