package io.ncprollout.store;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Alerts;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.NodePhase;
import io.ncprollout.rollout.tracking.NodeProgress;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.Snapshot;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.rollout.tracking.Tracking;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test fixture: rollouts as the store keeps them, from the plain to one with every field set. */
final class StoredRollouts {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final ClusterRef ORDERS = kafka("1001", "orders-prod");
    static final ClusterRef PAYMENTS = kafka("1002", "payments-prod");
    static final ThreadRef THREAD = new ThreadRef("C0123456789", "1763805600.000100", "1763805600.000200");

    private StoredRollouts() {
    }

    static ClusterRef kafka(String number, String name) {
        return new ClusterRef(Product.KAFKA, number, name, "KR");
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A Kafka restart of {@code cluster}, started {@code seconds} after T0, its thread posted. */
    static TrackedRollout running(String id, ClusterRef cluster, long seconds) {
        RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, cluster), "U0REQUESTER", "monthly patching");
        return new TrackedRollout(Rollout.started(id, request, at(seconds)), THREAD);
    }

    /** {@code tracked} ended in {@code state} {@code seconds} after T0. */
    static TrackedRollout ended(TrackedRollout tracked, RolloutState state, long seconds) {
        Tracking was = tracked.rollout().tracking();
        Tracking tracking = new Tracking(state, was.snapshot(), true, at(seconds), was.alerts(),
                Optional.of(new Tracking.Ending(at(seconds), new EndingReason.Text(state + " after " + seconds + "s"))), io.ncprollout.rollout.tracking.CatchUp.none());
        return new TrackedRollout(new Rollout(tracked.id(), tracked.rollout().request(), tracked.rollout().startedAt(), tracking), tracked.thread());
    }

    /**
     * A Kafka upgrade with every field set: target version and config group, nodes in every phase with and
     * without times (to the nanosecond), a raw status nobody knows, raised alerts and a read error.
     */
    static TrackedRollout rich(String id, ClusterRef cluster) {
        OperationTarget target = new OperationTarget(OperationKind.KAFKA_UPGRADE, cluster, Optional.of("3.5.1"), Optional.of("42"));
        RolloutRequest request = new RolloutRequest(target, "U0REQUESTER", "CVE fix, approved by U0APPROVER — \"quoted\" ünïcode");
        Instant started = T0.plusNanos(123_456_000); // columns keep microseconds
        return new TrackedRollout(new Rollout(id, request, started, richTracking()), THREAD);
    }

    static Tracking richTracking() {
        List<NodeProgress> nodes = List.of(
                new NodeProgress("orders-b-1", NodeRole.BROKER, "green", NodeHealth.HEALTHY, NodePhase.DONE,
                        Optional.of(at(15).plusNanos(1)), Optional.of(at(87).plusNanos(999_999_999))),
                new NodeProgress("orders-b-2", NodeRole.BROKER, "orange", NodeHealth.CHANGING, NodePhase.IN_PROGRESS,
                        Optional.of(at(90)), Optional.empty()),
                new NodeProgress("orders-b-3", NodeRole.BROKER, "Quantum_Flux", NodeHealth.UNKNOWN, NodePhase.WAITING,
                        Optional.empty(), Optional.empty()),
                new NodeProgress("orders-zk-1", NodeRole.ZOOKEEPER, "red", NodeHealth.FAILED, NodePhase.FAILED,
                        Optional.of(at(100)), Optional.of(at(130))),
                new NodeProgress("orders-cmak", NodeRole.CMAK, "", NodeHealth.COMPLETE, NodePhase.DONE,
                        Optional.empty(), Optional.of(at(131))),
                new NodeProgress("odd", NodeRole.OTHER, "gray", NodeHealth.DEGRADED, NodePhase.WAITING,
                        Optional.empty(), Optional.empty()));
        Snapshot snapshot = new Snapshot("changing", nodes, Optional.of("3.5.1"));
        Alerts alerts = new Alerts(Set.of(Notice.STALL_WARNING, Notice.API_UNREACHABLE), 3, Optional.of("timeout after 10s"));
        return new Tracking(RolloutState.RUNNING, snapshot, true, at(130).plusNanos(7), alerts, Optional.empty(),
                new io.ncprollout.rollout.tracking.CatchUp(List.of(new io.ncprollout.rollout.tracking.CatchUp.Node("b-1", at(100), java.util.OptionalInt.of(2),
                        io.ncprollout.rollout.tracking.CatchUp.Outcome.CAUGHT_UP, Optional.of(at(120)))), true));
    }
}
