package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.ncp.dto.SesClusterInfo;
import io.ncprollout.ncp.dto.SesClusterInfo.ClusterNode;
import io.ncprollout.rollout.operation.DataEndpoints;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OpenSearch's data endpoints from SES getClusterInfo: managers first, nodes without an IP skipped, the port defaulted. */
class DataPlanesTest {
    private final NcpTestServer ncp = new NcpTestServer();

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    @Test
    void openSearch_fixture_managerFirstOnTheSearchEnginePort() {
        ncp.respond("ses-getClusterInfo-ok.json");

        SesClusterInfo info = ncp.clients.ses(NcpRegion.KR).getCluster("1037001");
        DataEndpoints endpoints = DataPlanes.openSearch(info);

        assertThat(info.searchEnginePort()).isEqualTo("9200");
        assertThat(endpoints.plaintext()).containsExactly("10.0.2.10:9200", "10.0.2.11:9200");
        assertThat(endpoints.tls()).isEqualTo(endpoints.plaintext());
        assertThat(endpoints.expectedBrokers()).isEqualTo(2);
    }

    @Test
    void openSearch_nodesWithoutIpSkipped_otherPortKept_managerCodesRecognised() {
        SesClusterInfo info = info("9443", node("d-1", "10.0.0.21", "DATA"), node("m-1", "10.0.0.11", "MANAGER"), node("x", null, "DATA"),
                node("m-2", " 10.0.0.12 ", "M"), node("ms-1", "10.0.0.31", "Master"), node("n", "10.0.0.41", null));

        DataEndpoints endpoints = DataPlanes.openSearch(info);

        assertThat(endpoints.plaintext()).containsExactly("10.0.0.11:9443", "10.0.0.12:9443", "10.0.0.21:9443", "10.0.0.31:9443",
                "10.0.0.41:9443");
        assertThat(endpoints.expectedBrokers()).isEqualTo(6);
    }

    @Test
    void openSearch_noPortNoNodes_defaultPortAndCountsFromTheTotals() {
        SesClusterInfo info = new SesClusterInfo("1", "s", "running", "2150", null, 3, 2, null, null, null, null, null, null);

        DataEndpoints endpoints = DataPlanes.openSearch(info);

        assertThat(endpoints.plaintext()).isEmpty();
        assertThat(endpoints.expectedBrokers()).isEqualTo(5);
        assertThat(DataPlanes.openSearch(info("", node("d", "10.0.0.5", "DATA"))).plaintext()).containsExactly("10.0.0.5:9200");
    }

    private static SesClusterInfo info(String port, ClusterNode... nodes) {
        return new SesClusterInfo("1", "s", "running", "2150", port, null, null, null, null, null, null, null, Arrays.asList(nodes));
    }

    private static ClusterNode node(String name, String ip, String type) {
        return new ClusterNode(name, 1L, ip, "running", type, "subnet");
    }

}
