package io.ncprollout.rollout.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.NodeObservation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table in {@link NodeMerge}'s Javadoc, one row per case, plus the node list's own rules. */
class NodeMergeTest {
    private static final Instant EARLIER = Instant.parse("2026-11-22T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    // before phase, health seen, phase after, startedAt (EARLIER/NOW/-), finishedAt (EARLIER/NOW/-)
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "WAITING,     FAILED,   FAILED,      -,       NOW",
            "IN_PROGRESS, FAILED,   FAILED,      EARLIER, NOW",
            "FAILED,      FAILED,   FAILED,      EARLIER, EARLIER",
            "WAITING,     COMPLETE, DONE,        -,       NOW",
            "IN_PROGRESS, COMPLETE, DONE,        EARLIER, NOW",
            "DONE,        COMPLETE, DONE,        EARLIER, EARLIER",
            "WAITING,     HEALTHY,  WAITING,     -,       -",
            "WAITING,     CHANGING, IN_PROGRESS, NOW,     -",
            "WAITING,     DEGRADED, IN_PROGRESS, NOW,     -",
            "WAITING,     UNKNOWN,  IN_PROGRESS, NOW,     -",
            "DONE,        CHANGING, IN_PROGRESS, NOW,     -",
            "IN_PROGRESS, CHANGING, IN_PROGRESS, EARLIER, -",
            "IN_PROGRESS, UNKNOWN,  IN_PROGRESS, EARLIER, -",
            "IN_PROGRESS, HEALTHY,  DONE,        EARLIER, NOW",
            "DONE,        HEALTHY,  DONE,        EARLIER, EARLIER",
            "FAILED,      HEALTHY,  DONE,        EARLIER, NOW",
    })
    void merge_phaseAndHealth_followTheTable(NodePhase before, NodeHealth seen, NodePhase after, String started, String finished) {
        // GIVEN a node in phase `before`, with the times that phase implies
        Optional<Instant> startedBefore = before == NodePhase.WAITING ? Optional.empty() : Optional.of(EARLIER);
        Optional<Instant> finishedBefore = before == NodePhase.DONE || before == NodePhase.FAILED ? Optional.of(EARLIER) : Optional.empty();
        NodeProgress node = new NodeProgress("b1", NodeRole.BROKER, "old", NodeHealth.HEALTHY, before, startedBefore, finishedBefore);

        // WHEN a poll sees it with `seen`
        List<NodeProgress> merged = NodeMerge.merge(List.of(node), List.of(seen("b1", NodeRole.BROKER, "new", seen)), NOW);

        // THEN the phase and times follow the table, and the latest status is kept verbatim
        assertThat(merged).singleElement().satisfies(p -> {
            assertThat(p.phase()).isEqualTo(after);
            assertThat(p.startedAt()).isEqualTo(time(started));
            assertThat(p.finishedAt()).isEqualTo(time(finished));
            assertThat(p.rawStatus()).isEqualTo("new");
            assertThat(p.health()).isEqualTo(seen);
        });
    }

    @Test
    void merge_newNode_startsFromWaiting() {
        List<NodeProgress> merged = NodeMerge.merge(List.of(), List.of(seen("b1", NodeRole.BROKER, "green", NodeHealth.HEALTHY)), NOW);

        assertThat(merged).singleElement().extracting(NodeProgress::phase).isEqualTo(NodePhase.WAITING);
    }

    @Test
    void merge_nodeNoLongerReported_isDropped() {
        NodeProgress gone = progress("b2", NodeRole.BROKER, NodePhase.DONE);

        List<NodeProgress> merged = NodeMerge.merge(List.of(gone), List.of(seen("b1", NodeRole.BROKER, "green", NodeHealth.HEALTHY)), NOW);

        assertThat(merged).extracting(NodeProgress::name).containsExactly("b1");
    }

    @Test
    void merge_sameNameOtherRole_isAnotherNode() {
        // GIVEN a broker b1 already in progress
        NodeProgress broker = progress("b1", NodeRole.BROKER, NodePhase.IN_PROGRESS);

        // WHEN a ZooKeeper node of the same host name reports healthy
        List<NodeProgress> merged = NodeMerge.merge(List.of(broker), List.of(seen("b1", NodeRole.ZOOKEEPER, "green", NodeHealth.HEALTHY)), NOW);

        // THEN it starts its own history instead of finishing the broker's
        assertThat(merged).singleElement().extracting(NodeProgress::phase).isEqualTo(NodePhase.WAITING);
    }

    @Test
    void merge_keepsTheOrderOfThePoll() {
        List<NodeProgress> before = List.of(progress("a", NodeRole.BROKER, NodePhase.DONE), progress("b", NodeRole.BROKER, NodePhase.DONE));

        List<NodeProgress> merged = NodeMerge.merge(before, List.of(
                seen("b", NodeRole.BROKER, "green", NodeHealth.HEALTHY), seen("a", NodeRole.BROKER, "green", NodeHealth.HEALTHY)), NOW);

        assertThat(merged).extracting(NodeProgress::name).containsExactly("b", "a");
    }

    @Test
    void settleWaiting_waitingNodesOfTheWorkedRoleAreDone_othersUnchanged() {
        List<NodeProgress> nodes = List.of(
                progress("b1", NodeRole.BROKER, NodePhase.WAITING),
                progress("z1", NodeRole.ZOOKEEPER, NodePhase.WAITING),
                progress("b2", NodeRole.BROKER, NodePhase.FAILED));

        List<NodeProgress> settled = NodeMerge.settleWaiting(nodes, NodeRole.BROKER);

        assertThat(settled).extracting(NodeProgress::phase).containsExactly(NodePhase.DONE, NodePhase.UNCHANGED, NodePhase.FAILED);
    }

    @Test
    void changed_onlyWhatAUserSees_counts() {
        Snapshot base = new Snapshot("running", List.of(progress("b1", NodeRole.BROKER, NodePhase.WAITING)), Optional.of("3.5.1"));

        assertThat(NodeMerge.changed(base, base)).isFalse();
        assertThat(NodeMerge.changed(base, new Snapshot("changing", base.nodes(), base.versionCode()))).isTrue();
        assertThat(NodeMerge.changed(base, new Snapshot("running", base.nodes(), Optional.of("3.6.0")))).isTrue();
        assertThat(NodeMerge.changed(base, new Snapshot("running", List.of(), base.versionCode()))).isTrue();
        NodeProgress orange = new NodeProgress("b1", NodeRole.BROKER, "orange", NodeHealth.CHANGING, NodePhase.WAITING,
                Optional.empty(), Optional.empty());
        assertThat(NodeMerge.changed(base, new Snapshot("running", List.of(orange), base.versionCode()))).isTrue();
        NodeProgress samePhaseOnly = new NodeProgress("b1", NodeRole.BROKER, "green", NodeHealth.HEALTHY, NodePhase.DONE,
                Optional.of(NOW), Optional.of(NOW));
        assertThat(NodeMerge.changed(base, new Snapshot("running", List.of(samePhaseOnly), base.versionCode())))
                .as("the phase alone is derived, not shown as a status change").isFalse();
    }

    private static NodeObservation seen(String name, NodeRole role, String raw, NodeHealth health) {
        return new NodeObservation(name, role, raw, health);
    }

    private static NodeProgress progress(String name, NodeRole role, NodePhase phase) {
        return new NodeProgress(name, role, "green", NodeHealth.HEALTHY, phase, Optional.empty(), Optional.empty());
    }

    private static Optional<Instant> time(String name) {
        return switch (name) {
            case "EARLIER" -> Optional.of(EARLIER);
            case "NOW" -> Optional.of(NOW);
            default -> Optional.empty();
        };
    }
}
