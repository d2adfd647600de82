package io.ncprollout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SES endpoints (ncp-api.md §5.1-5.7): shapes, types, prechecks and the rolling upgrade stepped by the clock. */
class SesEndpointsTest {
    private static final String DEMO = "10371234";
    private static final String UPGRADE = "{\"regionNo\":\"1\",\"serviceGroupInstanceNo\":\"" + DEMO + "\",\"targetVersionCode\":\"2180\"}";
    private static final String PROGRESS = "{\"regionNo\":\"1\",\"serviceGroupInstanceNo\":\"" + DEMO + "\"}";

    private final SimulatorFixture sim = new SimulatorFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    private JsonNode info() {
        return sim.http.get("/api/v2/cluster/getClusterInfo/" + DEMO).result();
    }

    private JsonNode progress() {
        return sim.http.post("/api/v2/cluster/getRollingUpgradeProgress", PROGRESS).result();
    }

    private String[] dataStatuses() {
        return progress().get("nodeStatusVoList").findValuesAsText("status").subList(2, 5).toArray(String[]::new);
    }

    @Test
    void getClusterInfoList_queryPaging_stringsAndPagingFields() {
        SignedHttp.Response response = sim.http.get("/api/v2/cluster/getClusterInfoList?pageNo=1&pageSize=2");

        JsonNode result = response.result();
        assertThat(result.get("totalCount").intValue()).isEqualTo(3);
        assertThat(result.get("totalPage").intValue()).isEqualTo(2);
        assertThat(result.get("isLast").booleanValue()).isFalse();
        JsonNode item = result.get("allowedClusters").get(0);
        assertThat(item.get("clusterName").textValue()).isEqualTo("demo-search");
        assertThat(item.get("serviceGroupInstanceNo").textValue()).isEqualTo(DEMO);
        assertThat(item.get("clusterStatus").textValue()).isEqualTo("running");
        assertThat(item.get("dataNodeCount").textValue()).isEqualTo("3");
        assertThat(item.get("searchEngineVersion").textValue()).isEqualTo("OpenSearch 2.15.0");
    }

    @Test
    void getClusterInfoList_inputText_filters() {
        JsonNode result = sim.http.get("/api/v2/cluster/getClusterInfoList?inputText=logs").result();

        assertThat(result.get("allowedClusters").findValuesAsText("clusterName")).containsExactly("logs-search");
    }

    @Test
    void getClusterInfo_demoSearch_documentedFieldsAndTypes() {
        JsonNode info = info();

        assertThat(info.get("clusterStatus").textValue()).isEqualTo("running");
        assertThat(info.get("searchEngineVersionCode").textValue()).isEqualTo("2150");
        assertThat(info.get("serviceGroupInstanceNo").textValue()).isEqualTo(DEMO);
        assertThat(info.get("vpcNo").isInt()).isTrue();
        assertThat(info.get("isDualManager").booleanValue()).isTrue();
        assertThat(info.get("managerNodeCount").textValue()).isEqualTo("2");
        assertThat(info.get("dataNodeCount").textValue()).isEqualTo("3");
        assertThat(info.get("clusterNodeList")).hasSize(5);
        assertThat(info.get("clusterNodeList").get(0).get("computeInstanceNo").isTextual()).isTrue();
        assertThat(info.get("searchEnginePort").textValue()).isEqualTo("9200");
        assertThat(info.get("clusterNodeList").findValuesAsText("privateIp")).hasSize(5).allSatisfy(ip -> assertThat(ip).matches("10\\.\\d+\\.1\\.\\d+"));
    }

    @Test
    void getClusterNodeList_demoSearch_regionNoIntegerAndRoles() {
        JsonNode result = sim.http.get("/api/v2/cluster/getClusterNodeList/" + DEMO).result();

        assertThat(result.get("regionNo").isInt()).isTrue();
        assertThat(result.get("regionNo").intValue()).isEqualTo(1);
        assertThat(result.get("computeList").findValuesAsText("nodeRoleCode")).containsExactly("M", "M", "D", "D", "D");
    }

    @Test
    void getSearchEngineVersionList_listsCodes() {
        JsonNode list = sim.http.get("/api/v2/cluster/getSearchEngineVersionList").result().get("searchEngineVersionList");

        assertThat(list.findValuesAsText("searchEngineVersionCode")).containsExactly("270", "290", "2150", "2180");
        assertThat(list.get(0).has("searchEngineVersionName")).isTrue();
    }

    @Test
    void getRollingUpgradeProgress_nothingRan_currentVersionAndNodesRunning() {
        JsonNode progress = progress();

        assertThat(progress.get("name").textValue()).isEqualTo("demo-search");
        assertThat(progress.get("nodeCount").intValue()).isEqualTo(5);
        assertThat(progress.at("/versionVo/currentVersionCode").textValue()).isEqualTo("2150");
        assertThat(progress.at("/versionVo/targetVersionCode").textValue()).isEqualTo("2150");
        assertThat(progress.get("nodeStatusVoList").findValuesAsText("status")).containsOnly("running");
    }

    @Test
    void rollingUpgrade_steppedNodeByNode_dataNodesUpgradeOneAtATimeThenVersionSwitches() {
        // GIVEN the precheck passes
        assertThat(sim.http.post("/api/v2/cluster/rollingUpgradePreCheck", UPGRADE).result().booleanValue()).isTrue();

        // WHEN the upgrade is accepted
        assertThat(sim.http.post("/api/v2/cluster/rollingUpgradeCluster", UPGRADE).result().booleanValue()).isTrue();

        // THEN data nodes go running -> Upgrade_OpenSearch -> complete, managers stay running
        JsonNode first = progress();
        assertThat(first.at("/versionVo/currentVersionCode").textValue()).isEqualTo("2150");
        assertThat(first.at("/versionVo/targetVersionCode").textValue()).isEqualTo("2180");
        assertThat(first.at("/versionVo/actionDate").textValue()).isEqualTo("2026-11-22 09:00:00");
        assertThat(first.get("nodeStatusVoList").findValuesAsText("nodeRoleCode")).containsExactly("M", "M", "D", "D", "D");
        assertThat(dataStatuses()).containsExactly("Upgrade_OpenSearch", "running", "running");
        assertThat(info().get("clusterStatus").textValue()).isEqualTo("changing");
        sim.step(1);
        assertThat(dataStatuses()).containsExactly("complete", "Upgrade_OpenSearch", "running");
        sim.step(1);
        assertThat(dataStatuses()).containsExactly("complete", "complete", "Upgrade_OpenSearch");
        assertThat(info().get("searchEngineVersionCode").textValue()).isEqualTo("2150");
        sim.clock.advance(Duration.ofMinutes(1));

        JsonNode done = progress();
        assertThat(done.get("nodeStatusVoList").get(4).get("updatedDate").textValue()).isEqualTo("2026-11-22 09:00:00");
        assertThat(done.get("nodeStatusVoList").get(0).get("updatedDate").textValue()).startsWith("2026-08-24");
        assertThat(dataStatuses()).containsOnly("complete");
        assertThat(done.get("nodeStatusVoList").get(0).get("status").textValue()).isEqualTo("running");
        assertThat(done.at("/versionVo/targetVersionCode").textValue()).isEqualTo("2180");
        assertThat(info().get("clusterStatus").textValue()).isEqualTo("running");
        assertThat(info().get("searchEngineVersionCode").textValue()).isEqualTo("2180");
    }

    @Test
    void rollingUpgradeCluster_whileRunning_refusedNamingIt() {
        sim.http.post("/api/v2/cluster/rollingUpgradeCluster", UPGRADE);

        SignedHttp.Response second = sim.http.post("/api/v2/cluster/rollingUpgradeCluster", UPGRADE);

        assertThat(second.code()).isNotZero();
        assertThat(second.message()).contains("rolling upgrade").contains("in progress");
    }

    @Test
    void rollingUpgradePreCheck_noSnapshot_refusedSayingSo() {
        String body = "{\"regionNo\":\"1\",\"serviceGroupInstanceNo\":\"10372001\",\"targetVersionCode\":\"2150\"}";

        SignedHttp.Response response = sim.http.post("/api/v2/cluster/rollingUpgradePreCheck", body);

        assertThat(response.code()).isNotZero();
        assertThat(response.result().isNull()).isTrue();
        assertThat(response.message()).contains("snapshot").contains("6 hours");
    }

    @Test
    void rollingUpgradePreCheck_snapshotAgesPastSixHours_refused() {
        // GIVEN demo-search's snapshot is 1 h old at start; 5 h later it is just over 6 h old
        sim.clock.advance(Duration.ofHours(5).plusSeconds(1));

        SignedHttp.Response response = sim.http.post("/api/v2/cluster/rollingUpgradePreCheck", UPGRADE);

        assertThat(response.message()).contains("6 hours").contains("last snapshot");
    }

    @Test
    void rollingUpgrade_fieldProblems_clearFailures() {
        String noTarget = "{\"regionNo\":\"1\",\"serviceGroupInstanceNo\":\"" + DEMO + "\"}";
        String noRegion = "{\"serviceGroupInstanceNo\":\"" + DEMO + "\",\"targetVersionCode\":\"2180\"}";
        String wrongRegion = "{\"regionNo\":\"7\",\"serviceGroupInstanceNo\":\"" + DEMO + "\",\"targetVersionCode\":\"2180\"}";
        String older = "{\"regionNo\":1,\"serviceGroupInstanceNo\":" + DEMO + ",\"targetVersionCode\":\"290\"}";

        assertThat(sim.http.post("/api/v2/cluster/rollingUpgradeCluster", noTarget).message())
                .isEqualTo("Target version code is not allowed to be empty");
        assertThat(sim.http.post("/api/v2/cluster/rollingUpgradeCluster", noRegion).message()).contains("Region no");
        assertThat(sim.http.post("/api/v2/cluster/rollingUpgradeCluster", wrongRegion).message()).contains("region");
        assertThat(sim.http.post("/api/v2/cluster/rollingUpgradePreCheck", older).message()).contains("newer");
        assertThat(sim.http.post("/api/v2/cluster/getRollingUpgradeProgress", "{\"regionNo\":\"1\"}").code()).isNotZero();
        assertThat(info().get("clusterStatus").textValue()).isEqualTo("running");
    }

    @Test
    void rollingUpgrade_dataNodeGoesRed_errorStatusAndNodeError() {
        String host = sim.http.get("/api/v2/cluster/getClusterNodeList/" + DEMO).result().get("computeList").get(2)
                .get("hostName").textValue();
        sim.simulator.faults().goesRed("demo-search", host);

        sim.http.post("/api/v2/cluster/rollingUpgradeCluster", UPGRADE);

        assertThat(dataStatuses()[0]).isEqualTo("error");
        assertThat(info().get("clusterStatus").textValue()).isEqualTo("error");
    }
}
