package io.ncprollout.rollout.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.testing.Observations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final TrackerSettings SETTINGS =
            new TrackerSettings(Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(60), 3);

    private final RolloutTransitions transitions = new RolloutTransitions(SETTINGS);

    @Test
    void next_allGreenRightAfterStart_staysRunningWithoutChange() {
        Step step = poll(restart(), at(15), kafka("running", "green", "green", "green"));

        assertThat(step.rollout().state()).isEqualTo(RolloutState.RUNNING);
        assertThat(step.rollout().tracking().changeSeen()).isFalse();
        assertThat(step.notices()).isEmpty();
    }

    @Test
    void next_brokerOrange_marksNodeInProgressAndChangeSeen() {
        Step step = poll(restart(), at(15), kafka("changing", "orange", "green", "green").membersMissing());

        NodeProgress first = step.rollout().tracking().snapshot().nodes().get(0);
        assertThat(first.phase()).isEqualTo(NodePhase.IN_PROGRESS);
        assertThat(first.startedAt()).contains(at(15));
        assertThat(step.rollout().tracking().changeSeen()).isTrue();
        assertThat(step.rollout().tracking().lastChangeAt()).isEqualTo(at(15));
    }

    @Test
    void next_backToGreenAfterChange_completesAndCountsUnobservedNodesDone() {
        Rollout r = poll(restart(), at(15), kafka("changing", "orange", "green", "green").membersMissing()).rollout();

        Step step = poll(r, at(30), kafka("running", "green", "green", "green"));

        assertThat(step.rollout().state()).isEqualTo(RolloutState.COMPLETED);
        assertThat(step.notices()).containsExactly(Notice.FINISHED);
        assertThat(step.rollout().tracking().snapshot().nodes()).extracting(NodeProgress::phase).containsOnly(NodePhase.DONE);
        assertThat(step.rollout().tracking().snapshot().nodes().get(0).elapsed(at(99))).contains(Duration.ofSeconds(15));
        assertThat(step.rollout().elapsed(at(999))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void next_completedRestart_zooKeeperNeverChanged_isUnchangedNotDone() {
        Rollout r = poll(restart(), at(15), kafka("changing", "orange", "green").zookeeper("z-1", "green").membersMissing()).rollout();

        Step step = poll(r, at(30), kafka("running", "green", "green").zookeeper("z-1", "green"));

        assertThat(step.rollout().tracking().snapshot().nodes()).extracting(NodeProgress::name, NodeProgress::phase).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b-1", NodePhase.DONE), org.assertj.core.groups.Tuple.tuple("b-2", NodePhase.DONE),
                org.assertj.core.groups.Tuple.tuple("z-1", NodePhase.UNCHANGED));
    }

    @Test
    void next_allGreenButFewerMembersRunning_isNotComplete() {
        Rollout r = poll(restart(), at(15), kafka("changing", "orange", "green", "green")).rollout();

        Step step = poll(r, at(30), kafka("running", "green", "green", "green").membersMissing());

        assertThat(step.rollout().state()).isEqualTo(RolloutState.RUNNING);
    }

    @Test
    void next_brokerRed_failsNamingTheNode() {
        Step step = poll(restart(), at(15), kafka("changing", "green", "red", "green"));

        assertThat(step.rollout().state()).isEqualTo(RolloutState.FAILED);
        assertThat(step.rollout().endingReason()).contains(new EndingReason.NodeFailed("b-2", NodeRole.BROKER, "red"));
        assertThat(step.notices()).containsExactly(Notice.FINISHED);
    }

    @Test
    void next_clusterError_fails() {
        Step step = poll(restart(), at(15), kafka("error", "green", "green", "green"));

        assertThat(step.rollout().state()).isEqualTo(RolloutState.FAILED);
        assertThat(step.rollout().endingReason()).contains(new EndingReason.ClusterFailed("error"));
    }

    @Test
    void next_unknownStatusValue_isKeptVerbatimAndNotComplete() {
        Step step = poll(restart(), at(15), kafka("migrating", "purple", "green", "green"));

        NodeProgress first = step.rollout().tracking().snapshot().nodes().get(0);
        assertThat(first.rawStatus()).isEqualTo("purple");
        assertThat(first.health()).isEqualTo(NodeHealth.UNKNOWN);
        assertThat(step.rollout().tracking().snapshot().clusterStatus()).isEqualTo("migrating");
        assertThat(step.rollout().state()).isEqualTo(RolloutState.RUNNING);
    }

    @Test
    void next_noChangeForStallTime_warnsOnceThenAgainOnlyAfterAChange() {
        Rollout r = poll(restart(), at(15), kafka("changing", "orange", "green", "green")).rollout();

        Step stalled = poll(r, at(15 + 600), kafka("changing", "orange", "green", "green"));
        Step stillStalled = poll(stalled.rollout(), at(15 + 615), kafka("changing", "orange", "green", "green"));
        Step moved = poll(stillStalled.rollout(), at(15 + 630), kafka("changing", "green", "orange", "green"));
        Step stalledAgain = poll(moved.rollout(), at(15 + 630 + 600), kafka("changing", "green", "orange", "green"));

        assertThat(stalled.notices()).containsExactly(Notice.STALL_WARNING);
        assertThat(stillStalled.notices()).isEmpty();
        assertThat(moved.notices()).isEmpty();
        assertThat(stalledAgain.notices()).containsExactly(Notice.STALL_WARNING);
        assertThat(stalledAgain.rollout().state()).isEqualTo(RolloutState.RUNNING);
    }

    @Test
    void next_noChangeForGiveUpTime_stopsWatchingAsStalled() {
        Rollout r = poll(restart(), at(15), kafka("changing", "orange", "green", "green")).rollout();

        Step step = poll(r, at(15 + 3600), kafka("changing", "orange", "green", "green"));

        assertThat(step.rollout().state()).isEqualTo(RolloutState.STALLED);
        assertThat(step.rollout().endingReason()).contains(new EndingReason.Stalled(Duration.ofHours(1)));
        assertThat(step.notices()).containsExactly(Notice.FINISHED);
    }

    @Test
    void next_nothingEverChanges_saysSoAfterGraceAndEndsUnconfirmed() {
        Step grace = poll(restart(), at(300), kafka("running", "green", "green", "green"));
        Step again = poll(grace.rollout(), at(315), kafka("running", "green", "green", "green"));
        Step end = poll(again.rollout(), at(3600), kafka("running", "green", "green", "green"));

        assertThat(grace.notices()).containsExactly(Notice.NO_CHANGE_YET);
        assertThat(again.notices()).isEmpty();
        assertThat(end.rollout().state()).isEqualTo(RolloutState.UNCONFIRMED);
    }

    @Test
    void next_upgradeAllGreenBeforeTargetVersion_isNotCompleteUntilVersionMatches() {
        Rollout r = poll(upgrade(), at(15), kafka("changing", "orange", "green", "green").version("3713006")).rollout();

        Step greenOldVersion = poll(r, at(30), kafka("running", "green", "green", "green").version("3713006"));
        Step greenNewVersion = poll(greenOldVersion.rollout(), at(45), kafka("running", "green", "green", "green").version("3903006"));

        assertThat(greenOldVersion.rollout().state()).isEqualTo(RolloutState.RUNNING);
        assertThat(greenNewVersion.rollout().state()).isEqualTo(RolloutState.COMPLETED);
    }

    @Test
    void next_cmakOrangeThenGreen_completesCmakRestart() {
        Rollout r = poll(cmak(), at(15), Observations.cluster("running").cmak("orange")).rollout();

        Step step = poll(r, at(30), Observations.cluster("running").cmak("green"));

        assertThat(step.rollout().state()).isEqualTo(RolloutState.COMPLETED);
    }

    @Test
    void next_openSearchDataNodesComplete_completesOnRunningAndTargetVersionEvenWithManagersRunning() {
        Rollout r = poll(search(), at(15), ses("changing", "2150", "running", "Upgrade_OpenSearch", "running")).rollout();

        Step midway = poll(r, at(30), ses("changing", "2150", "running", "complete", "Upgrade_OpenSearch"));
        Step done = poll(midway.rollout(), at(45), ses("running", "2180", "running", "complete", "complete"));

        assertThat(midway.rollout().tracking().snapshot().nodes().get(1).phase()).isEqualTo(NodePhase.DONE);
        assertThat(midway.rollout().state()).isEqualTo(RolloutState.RUNNING);
        assertThat(done.rollout().state()).isEqualTo(RolloutState.COMPLETED);
        assertThat(done.rollout().tracking().snapshot().count(NodeRole.DATA, NodePhase.DONE)).isEqualTo(2);
    }

    @Test
    void readFailed_severalInARow_saysUnreachableOnceThenReachableAgain() {
        Rollout r = restart();
        Step first = transitions.readFailed(r, "HTTP 503", at(15));
        Step second = transitions.readFailed(first.rollout(), "HTTP 503", at(30));
        Step third = transitions.readFailed(second.rollout(), "HTTP 503", at(45));
        Step fourth = transitions.readFailed(third.rollout(), "HTTP 503", at(60));
        Step back = poll(fourth.rollout(), at(75), kafka("changing", "orange", "green", "green"));

        assertThat(first.notices()).isEmpty();
        assertThat(third.notices()).containsExactly(Notice.API_UNREACHABLE);
        assertThat(fourth.notices()).isEmpty();
        assertThat(fourth.rollout().tracking().alerts().lastReadError()).contains("HTTP 503");
        assertThat(back.notices()).containsExactly(Notice.API_REACHABLE_AGAIN);
        assertThat(back.rollout().tracking().alerts().readFailures()).isZero();
        assertThat(fourth.rollout().state()).isEqualTo(RolloutState.RUNNING);
    }

    @Test
    void next_finishedRollout_ignoresFurtherObservations() {
        Rollout failed = poll(restart(), at(15), kafka("changing", "red", "green", "green")).rollout();

        Step step = poll(failed, at(30), kafka("running", "green", "green", "green"));

        assertThat(step.rollout()).isSameAs(failed);
        assertThat(step.notices()).isEmpty();
    }

    private Step poll(Rollout rollout, Instant now, Observations seen) {
        return transitions.next(rollout, seen.build(), now);
    }

    private static Observations kafka(String status, String... colours) {
        Observations o = Observations.cluster(status);
        for (int i = 0; i < colours.length; i++) {
            o.broker("b-" + (i + 1), colours[i]);
        }
        return o;
    }

    private static Observations ses(String status, String version, String manager, String... data) {
        Observations o = Observations.cluster(status).version(version).manager("m-1", manager);
        for (int i = 0; i < data.length; i++) {
            o.data("d-" + (i + 1), data[i]);
        }
        return o;
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Rollout restart() {
        return Rollout.started("op-1", request(OperationKind.KAFKA_RESTART, Product.KAFKA, null), T0);
    }

    private static Rollout upgrade() {
        return Rollout.started("op-2", request(OperationKind.KAFKA_UPGRADE, Product.KAFKA, "3903006"), T0);
    }

    private static Rollout cmak() {
        return Rollout.started("op-3", request(OperationKind.CMAK_RESTART, Product.KAFKA, null), T0);
    }

    private static Rollout search() {
        return Rollout.started("op-4", request(OperationKind.OPENSEARCH_UPGRADE, Product.OPENSEARCH, "2180"), T0);
    }

    private static RolloutRequest request(OperationKind kind, Product product, String target) {
        Optional<String> group = kind == OperationKind.KAFKA_UPGRADE ? Optional.of("301") : Optional.empty();
        OperationTarget t = new OperationTarget(kind, new ClusterRef(product, "1234567", "demo", "KR"), Optional.ofNullable(target), group);
        return new RolloutRequest(t, "U123", "test");
    }
}
