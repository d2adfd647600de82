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
 */
public record Tracking(
        RolloutState state,
        Snapshot snapshot,
        boolean changeSeen,
        Instant lastChangeAt,
        Alerts alerts,
        Optional<Ending> ending) {

    public Tracking {
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(snapshot, "snapshot == null");
        Objects.requireNonNull(lastChangeAt, "lastChangeAt == null");
        Objects.requireNonNull(alerts, "alerts == null");
        Objects.requireNonNull(ending, "ending == null");
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
