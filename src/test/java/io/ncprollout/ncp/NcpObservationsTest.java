package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ncprollout.ncp.dto.CdssClusterInfo;
import io.ncprollout.ncp.dto.CdssClusterStatus;
import io.ncprollout.ncp.dto.CdssClusterStatus.NodeProcessStatus;
import io.ncprollout.ncp.dto.SesClusterInfo;
import io.ncprollout.ncp.dto.SesUpgradeProgress;
import io.ncprollout.rollout.cluster.ClusterPhase;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DTO to observation: every status is shown verbatim, an unknown or missing one never throws. */
class NcpObservationsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "green, HEALTHY", "RUNNING, HEALTHY", "orange, CHANGING", "Upgrade_OpenSearch, CHANGING", "yellow, DEGRADED",
            "red, FAILED", "Upgrade_Error, FAILED", "restartFailed, FAILED", "complete, COMPLETE", "gray, UNKNOWN",
            "INFERRED, UNKNOWN", "'', UNKNOWN"})
    void health_eachDocumentedAndUnknownStatus(String status, NodeHealth expected) {
        assertThat(NcpObservations.health(status)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"running, RUNNING", "Changing, CHANGING", "creating, CHANGING", "working, CHANGING", "error, ERROR",
            "INFERRED, OTHER", "unknown, OTHER"})
    void phase_eachDocumentedAndUnknownStatus(String status, ClusterPhase expected) {
        assertThat(NcpObservations.phase(status)).isEqualTo(expected);
    }

    @Test
    void node_unknownStatus_isKeptVerbatimAndUnknown() {
        NodeObservation node = NcpObservations.node("b1", NodeRole.BROKER, "INFERRED");

        assertThat(node).isEqualTo(new NodeObservation("b1", NodeRole.BROKER, "INFERRED", NodeHealth.UNKNOWN));
    }

    @Test
    void node_missingNameAndStatus_getPlaceholders() {
        NodeObservation node = NcpObservations.node(" ", NodeRole.DATA, null);

        assertThat(node).isEqualTo(new NodeObservation("(unnamed)", NodeRole.DATA, NcpObservations.MISSING, NodeHealth.UNKNOWN));
    }

    @Test
    void kafka_brokersThenZookeeper_withVersionAndMembership() {
        CdssClusterStatus status = new CdssClusterStatus("kafka-a", 3, 3, "green",
                List.of(new NodeProcessStatus("b1", "green"), new NodeProcessStatus("b2", "orange")), 3, 2, "green",
                List.of(new NodeProcessStatus("z1", "yellow")), "green");

        Observation seen = NcpObservations.kafka(status, cdssInfo("Changing", "3.5.1"), true);

        assertThat(seen.clusterStatus()).isEqualTo("Changing");
        assertThat(seen.clusterPhase()).isEqualTo(ClusterPhase.CHANGING);
        assertThat(seen.nodes()).extracting(NodeObservation::name, NodeObservation::role, NodeObservation::health)
                .containsExactly(
                        tuple("b1", NodeRole.BROKER, NodeHealth.HEALTHY),
                        tuple("b2", NodeRole.BROKER, NodeHealth.CHANGING),
                        tuple("z1", NodeRole.ZOOKEEPER, NodeHealth.DEGRADED));
        assertThat(seen.membersComplete()).as("2 of 3 ZooKeeper nodes are members").isFalse();
        assertThat(seen.versionCode()).contains("3.5.1");
    }

    @Test
    void kafka_everythingMissing_isAnEmptyUnknownPicture() {
        CdssClusterStatus status = new CdssClusterStatus(null, null, null, null, null, null, null, null, null, null);

        Observation seen = NcpObservations.kafka(status, cdssInfo(null, null), true);

        assertThat(seen.clusterStatus()).isEqualTo(NcpObservations.MISSING);
        assertThat(seen.clusterPhase()).isEqualTo(ClusterPhase.OTHER);
        assertThat(seen.nodes()).isEmpty();
        assertThat(seen.versionCode()).isEmpty();
    }

    @Test
    void kafka_withoutVersion_leavesVersionOut() {
        CdssClusterStatus status = new CdssClusterStatus("k", 1, 1, null, List.of(), 1, 1, null, List.of(), null);

        assertThat(NcpObservations.kafka(status, cdssInfo("running", "3.5.1"), false).versionCode()).isEmpty();
    }

    @Test
    void cmak_isOneNodeNamedAfterTheCluster_missingStatusUnknown() {
        CdssClusterStatus status = new CdssClusterStatus(null, 1, 1, null, List.of(), 1, 1, null, List.of(), null);

        Observation seen = NcpObservations.cmak(status, cdssInfo("running", "3.5.1"));

        assertThat(seen.nodes()).containsExactly(new NodeObservation("cluster CMAK", NodeRole.CMAK, NcpObservations.MISSING, NodeHealth.UNKNOWN));
        assertThat(seen.clusterPhase()).isEqualTo(ClusterPhase.RUNNING);
    }

    @Test
    void openSearch_upgradeProgress_mapsRolesAndKeepsUnknownRoleCodes() {
        SesUpgradeProgress progress = new SesUpgradeProgress("ses-a", 3, null, List.of(
                new SesUpgradeProgress.NodeStatus("m1", "complete", "M", null),
                new SesUpgradeProgress.NodeStatus("d1", "Upgrade_OpenSearch", "data", null),
                new SesUpgradeProgress.NodeStatus("x1", "INFERRED", "Q", null),
                new SesUpgradeProgress.NodeStatus("x2", null, null, null)));

        Observation seen = NcpObservations.openSearch(progress, sesInfo("working", "opensearch-2.11", List.of()));

        assertThat(seen.nodes()).containsExactly(
                new NodeObservation("m1", NodeRole.MANAGER, "complete", NodeHealth.COMPLETE),
                new NodeObservation("d1", NodeRole.DATA, "Upgrade_OpenSearch", NodeHealth.CHANGING),
                new NodeObservation("x1", NodeRole.OTHER, "INFERRED", NodeHealth.UNKNOWN),
                new NodeObservation("x2", NodeRole.OTHER, NcpObservations.MISSING, NodeHealth.UNKNOWN));
        assertThat(seen.clusterPhase()).isEqualTo(ClusterPhase.CHANGING);
        assertThat(seen.versionCode()).isEqualTo(Optional.of("opensearch-2.11"));
    }

    @Test
    void openSearch_clusterInfo_missingListAndStatus_neverThrows() {
        Observation seen = NcpObservations.openSearch(sesInfo(null, null, null));

        assertThat(seen.nodes()).isEmpty();
        assertThat(seen.clusterStatus()).isEqualTo(NcpObservations.MISSING);
        assertThat(seen.versionCode()).isEmpty();
    }

    @Test
    void openSearch_clusterInfo_nodesFromTheServerList() {
        SesClusterInfo info = sesInfo("running", "opensearch-2.11",
                List.of(new SesClusterInfo.ClusterNode("d1", 1L, "10.0.0.1", "running", "D", "s")));

        assertThat(NcpObservations.openSearch(info).nodes())
                .containsExactly(new NodeObservation("d1", NodeRole.DATA, "running", NodeHealth.HEALTHY));
    }

    private static CdssClusterInfo cdssInfo(String status, String version) {
        return new CdssClusterInfo("kafka-a", version, null, status, null, null, null, null, null, null, null);
    }

    private static SesClusterInfo sesInfo(String status, String version, List<SesClusterInfo.ClusterNode> nodes) {
        return new SesClusterInfo("1", "ses-a", status, version, null, null, null, null, null, null, null, null, nodes);
    }
}
