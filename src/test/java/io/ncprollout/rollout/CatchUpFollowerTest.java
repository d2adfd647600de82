package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.HealthGate;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.CatchUp;
import io.ncprollout.rollout.tracking.NodePhase;
import io.ncprollout.rollout.tracking.NodeProgress;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.Snapshot;
import io.ncprollout.rollout.tracking.Step;
import io.ncprollout.rollout.tracking.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CatchUpFollowerTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final ClusterRef KAFKA = new ClusterRef(Product.KAFKA, "1", "orders", "KR");
    private final AtomicInteger looks = new AtomicInteger();

    private HealthGate lagging(int n) {
        return cluster -> {
            looks.incrementAndGet();
            return GateReport.of(GateReport.Gate.KAFKA, List.of(GateReport.Figure.of("underReplicated", n)), List.of());
        };
    }

    private static Step brokerBack(OperationKind kind) {
        Rollout started = Rollout.started("r1", new RolloutRequest(OperationTarget.of(kind, KAFKA), "U1", "patch"), T0);
        NodeProgress back = new NodeProgress("b-1", NodeRole.BROKER, "green", NodeHealth.HEALTHY, NodePhase.DONE, Optional.of(T0),
                Optional.of(T0.plusSeconds(60)));
        NodeProgress waiting = new NodeProgress("b-2", NodeRole.BROKER, "green", NodeHealth.HEALTHY, NodePhase.WAITING, Optional.empty(), Optional.empty());
        Tracking t = started.tracking();
        Tracking running = new Tracking(t.state(), new Snapshot("changing", List.of(back, waiting), Optional.empty()), true, T0.plusSeconds(60),
                t.alerts(), Optional.empty(), CatchUp.none());
        return new Step(started.with(running), List.of());
    }

    @Test
    void aBrokerBackWithPartitionsLagging_isFollowed_andWarnedOnceAfterTheStallTime() {
        CatchUpFollower follower = new CatchUpFollower(lagging(4), Duration.ofMinutes(10), Runnable::run);

        Step first = follower.follow(brokerBack(OperationKind.KAFKA_RESTART), T0.plusSeconds(75));
        assertThat(first.rollout().tracking().catchUp().of("b-1").orElseThrow().lagging()).hasValue(4);
        assertThat(first.notices()).isEmpty();

        Step late = follower.follow(first, T0.plusSeconds(60 + 600));
        assertThat(late.notices()).containsExactly(Notice.DATA_LAGGING);
        assertThat(follower.follow(new Step(late.rollout(), List.of()), T0.plusSeconds(60 + 700)).notices()).isEmpty();
    }

    @Test
    void noGate_orCmak_costsNoLookAndChangesNothing() {
        Step step = brokerBack(OperationKind.KAFKA_RESTART);
        assertThat(new CatchUpFollower(HealthGate.none(), Duration.ofMinutes(10), Runnable::run).follow(step, T0.plusSeconds(75))).isSameAs(step);

        Step cmak = brokerBack(OperationKind.CMAK_RESTART);
        assertThat(new CatchUpFollower(lagging(1), Duration.ofMinutes(10), Runnable::run).follow(cmak, T0.plusSeconds(75))).isSameAs(cmak);
        assertThat(looks.get()).isZero();
    }
}
