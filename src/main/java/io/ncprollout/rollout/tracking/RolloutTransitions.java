package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.cluster.ClusterPhase;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.RolloutRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure: decides the next state of a rollout from one poll. No clock reads and no I/O; every input is a
 * parameter, so each row below is a plain unit test.
 *
 * <p><b>Observation → state</b> (first matching row wins; a rollout in a final state never changes):
 * <pre>
 * observation                                                        state
 * a node FAILED (CDSS red)                                           FAILED   "&lt;node&gt; reported &lt;status&gt;"
 * cluster phase ERROR                                                FAILED   "cluster status is &lt;status&gt;"
 * complete (per kind, below)                                         COMPLETED
 * nothing changed for giveUpAfter, a change was seen before          STALLED
 * nothing changed for giveUpAfter, no change ever seen               UNCONFIRMED
 * otherwise                                                          RUNNING
 * </pre>
 * Complete, per kind (each kind's rule is {@link OperationKind#isComplete}):
 * <pre>
 * KAFKA_RESTART       change seen, every node settled, members complete, cluster RUNNING
 * KAFKA_UPGRADE       the same, and the version code equals the target
 * CMAK_RESTART        change seen, every node (the CMAK pseudo-node) settled
 * OPENSEARCH_UPGRADE  cluster RUNNING and the version code equals the target (managers may never report
 *                     "complete", so per-node statuses do not decide)
 * </pre>
 * "Change seen" becomes true, and stays true, once a poll shows a node not HEALTHY, the cluster CHANGING,
 * fewer members than nodes, or the target version reached. "Changed" (which resets the stall clock) means
 * a node's raw status, the node list, the cluster status or the version differs from the previous poll;
 * the first poll after the start counts as changed only if it already shows change.
 *
 * <p><b>State → action</b> (the notices of the returned {@link Step}; the progress table is re-rendered by
 * the shell and sent only when it differs):
 * <pre>
 * condition                                                          notice (each said once per episode)
 * a read succeeds after API_UNREACHABLE was said                     API_REACHABLE_AGAIN
 * unreachableAfter reads in a row failed                             API_UNREACHABLE
 * change seen, nothing changed for stallAfter                        STALL_WARNING (again only after a change)
 * no change seen, noChangeGrace since the start                      NO_CHANGE_YET
 * the state became final                                             FINISHED
 * </pre>
 * A start whose answer never came ({@link StartPhase#confirmed()} false: its answer was lost, or the bot died while
 * sending it) is not waited for as long: with no change seen for {@code noChangeGrace} since the start it ends
 * UNCONFIRMED (the start is never sent again, so the cluster is freed for a person to decide).
 * A failed read never fails the rollout: the operation goes on at NCP whether or not the bot can see it.
 */
public final class RolloutTransitions {
    private final TrackerSettings settings;

    public RolloutTransitions(TrackerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
    }

    /** The next rollout after a successful poll that saw {@code seen} at {@code now}; NCP accepted its start. */
    public Step next(Rollout rollout, Observation seen, Instant now) {
        return next(rollout, StartPhase.SENT, seen, now);
    }

    /** The next rollout after a successful poll that saw {@code seen} at {@code now}, its start being in {@code phase}. */
    public Step next(Rollout rollout, StartPhase phase, Observation seen, Instant now) {
        if (rollout.state().isTerminal()) {
            return new Step(rollout, List.of());
        }
        Tracking t = rollout.tracking();
        List<Notice> notices = new ArrayList<>();
        Alerts alerts = t.alerts().readSucceeded();
        if (alerts.has(Notice.API_UNREACHABLE)) {
            notices.add(Notice.API_REACHABLE_AGAIN);
            alerts = alerts.clear(Notice.API_UNREACHABLE);
        }
        Snapshot snapshot = new Snapshot(seen.clusterStatus(), NodeMerge.merge(t.snapshot().nodes(), seen.nodes(), now),
                seen.versionCode(), t.snapshot().versionBefore().or(seen::versionCode));
        boolean showsChange = showsChange(rollout.request(), seen);
        // The first poll is the baseline: it is a change only if it already shows the cluster changing.
        boolean baseline = t.snapshot().equals(Snapshot.empty());
        boolean changed = baseline ? showsChange : NodeMerge.changed(t.snapshot(), snapshot);
        boolean changeSeen = t.changeSeen() || showsChange;
        Instant lastChangeAt = changed ? now : t.lastChangeAt();
        if (changed) {
            alerts = alerts.clear(Notice.STALL_WARNING);
        }

        Optional<EndingReason> failure = failure(seen);
        if (failure.isPresent()) {
            return finish(rollout, RolloutState.FAILED, failure.get(), snapshot, changeSeen, lastChangeAt, alerts, notices, now);
        }
        if (isComplete(rollout.request(), seen, changeSeen)) {
            Snapshot settled = new Snapshot(snapshot.clusterStatus(), NodeMerge.settleWaiting(snapshot.nodes(), rollout.request().kind().countedRole()),
                    snapshot.versionCode(), snapshot.firstVersionCode());
            return finish(rollout, RolloutState.COMPLETED, new EndingReason.Completed(), settled, changeSeen, lastChangeAt, alerts, notices, now);
        }
        Tracking running = new Tracking(RolloutState.RUNNING, snapshot, changeSeen, lastChangeAt, alerts, Optional.empty(), rollout.tracking().catchUp());
        return waitOrGiveUp(rollout.with(running), phase, notices, now);
    }

    /** The next rollout after a poll that could not read the cluster, for {@code reason}; NCP accepted its start. */
    public Step readFailed(Rollout rollout, String reason, Instant now) {
        return readFailed(rollout, StartPhase.SENT, reason, now);
    }

    /** The next rollout after a poll that could not read the cluster, for {@code reason}, its start being in {@code phase}. */
    public Step readFailed(Rollout rollout, StartPhase phase, String reason, Instant now) {
        if (rollout.state().isTerminal()) {
            return new Step(rollout, List.of());
        }
        Tracking t = rollout.tracking();
        Alerts alerts = t.alerts().readFailed(reason);
        List<Notice> notices = new ArrayList<>();
        if (alerts.readFailures() >= settings.unreachableAfter() && !alerts.has(Notice.API_UNREACHABLE)) {
            notices.add(Notice.API_UNREACHABLE);
            alerts = alerts.raise(Notice.API_UNREACHABLE);
        }
        Tracking next = new Tracking(t.state(), t.snapshot(), t.changeSeen(), t.lastChangeAt(), alerts, t.ending(), t.catchUp());
        return waitOrGiveUp(rollout.with(next), phase, notices, now);
    }

    /** The tracking of a rollout whose start NCP refused (or that could not be sent): failed, for {@code reason}. */
    public static Tracking refusedAtStart(Rollout rollout, EndingReason reason, Instant now) {
        Tracking t = rollout.tracking();
        return new Tracking(RolloutState.FAILED, t.snapshot(), false, t.lastChangeAt(), t.alerts(),
                Optional.of(new Tracking.Ending(now, reason)), t.catchUp());
    }

    /**
     * The tracking of a claim whose process died before sending the start: nothing reached NCP, the cluster is free.
     */
    public static Tracking notStarted(Rollout rollout, StartPhase phase, Instant now) {
        Tracking t = rollout.tracking();
        return new Tracking(RolloutState.NOT_STARTED, t.snapshot(), false, t.lastChangeAt(), t.alerts(),
                Optional.of(new Tracking.Ending(now, new EndingReason.NotStarted(phase))), t.catchUp());
    }

    /** The tracking of a rollout an admin abandoned: the bot stops tracking it, the cluster is free. */
    public static Tracking abandoned(Rollout rollout, String admin, String reason, Instant now) {
        Tracking t = rollout.tracking();
        return new Tracking(RolloutState.ABANDONED, t.snapshot(), t.changeSeen(), t.lastChangeAt(), t.alerts(),
                Optional.of(new Tracking.Ending(now, new EndingReason.Abandoned(admin, reason))), t.catchUp());
    }

    private Step waitOrGiveUp(Rollout rollout, StartPhase phase, List<Notice> notices, Instant now) {
        Tracking t = rollout.tracking();
        Duration sinceStart = Duration.between(rollout.startedAt(), now);
        if (!phase.confirmed() && !t.changeSeen() && sinceStart.compareTo(settings.noChangeGrace()) >= 0) {
            return finish(rollout, RolloutState.UNCONFIRMED, new EndingReason.AnswerLost(sinceStart), t.snapshot(), false, t.lastChangeAt(), t.alerts(), notices, now);
        }
        Duration quiet = Duration.between(t.lastChangeAt(), now);
        if (quiet.compareTo(settings.giveUpAfter()) >= 0) {
            EndingReason reason = t.changeSeen() ? new EndingReason.Stalled(quiet) : new EndingReason.NeverChanged(quiet);
            RolloutState state = t.changeSeen() ? RolloutState.STALLED : RolloutState.UNCONFIRMED;
            return finish(rollout, state, reason, t.snapshot(), t.changeSeen(), t.lastChangeAt(), t.alerts(), notices, now);
        }
        Alerts alerts = t.alerts();
        if (t.changeSeen() && quiet.compareTo(settings.stallAfter()) >= 0 && !alerts.has(Notice.STALL_WARNING)) {
            notices.add(Notice.STALL_WARNING);
            alerts = alerts.raise(Notice.STALL_WARNING);
        }
        if (!t.changeSeen() && sinceStart.compareTo(settings.noChangeGrace()) >= 0 && !alerts.has(Notice.NO_CHANGE_YET)) {
            notices.add(Notice.NO_CHANGE_YET);
            alerts = alerts.raise(Notice.NO_CHANGE_YET);
        }
        Tracking next = new Tracking(t.state(), t.snapshot(), t.changeSeen(), t.lastChangeAt(), alerts, t.ending(), t.catchUp());
        return new Step(rollout.with(next), notices);
    }

    private static Step finish(Rollout rollout, RolloutState state, EndingReason reason, Snapshot snapshot, boolean changeSeen,
            Instant lastChangeAt, Alerts alerts, List<Notice> notices, Instant now) {
        notices.add(Notice.FINISHED);
        Tracking done = new Tracking(state, snapshot, changeSeen, lastChangeAt, alerts, Optional.of(new Tracking.Ending(now, reason)),
                rollout.tracking().catchUp());
        return new Step(rollout.with(done), notices);
    }

    private static Optional<EndingReason> failure(Observation seen) {
        for (NodeObservation node : seen.nodes()) {
            if (node.health() == NodeHealth.FAILED) {
                return Optional.of(new EndingReason.NodeFailed(node.name(), node.role(), node.rawStatus()));
            }
        }
        if (seen.clusterPhase() == ClusterPhase.ERROR) {
            return Optional.of(new EndingReason.ClusterFailed(seen.clusterStatus()));
        }
        return Optional.empty();
    }

    private static boolean showsChange(RolloutRequest request, Observation seen) {
        return seen.clusterPhase() == ClusterPhase.CHANGING
                || !seen.membersComplete()
                || seen.nodes().stream().anyMatch(n -> n.health() != NodeHealth.HEALTHY)
                || reachedTarget(request, seen);
    }

    private static boolean isComplete(RolloutRequest request, Observation seen, boolean changeSeen) {
        boolean allSettled = !seen.nodes().isEmpty() && seen.nodes().stream().allMatch(n -> n.health().isSettled());
        return request.kind().isComplete(new OperationKind.Progress(changeSeen, allSettled, seen.membersComplete(),
                seen.clusterPhase() == ClusterPhase.RUNNING, reachedTarget(request, seen)));
    }

    private static boolean reachedTarget(RolloutRequest request, Observation seen) {
        return request.targetVersion().isPresent() && request.targetVersion().equals(seen.versionCode());
    }
}
