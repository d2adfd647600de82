package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ncprollout.ncp.dto.ClusterPage;
import io.ncprollout.ncp.dto.PrecheckResult;
import io.ncprollout.ncp.dto.SesClusterInfo;
import io.ncprollout.ncp.dto.SesClusterSummary;
import io.ncprollout.ncp.dto.SesUpgradeProgress;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request shape (query parameters, JSON string fields) and response parsing per SES endpoint. */
class SesClientTest {
    private final NcpTestServer ncp = new NcpTestServer();
    private final SesClient kr = ncp.clients.ses(NcpRegion.KR);
    private final SesClient sgn = ncp.clients.ses(NcpRegion.SGN);

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    @Test
    void getClusterInfoList_getsWithQueryParametersAndNoBody() {
        ncp.respond("ses-getClusterInfoList-page1.json");

        ClusterPage<SesClusterSummary> page = kr.getClusterInfoList("cluster", 1, 20);

        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/api/v2/cluster/getClusterInfoList?pageNo=1&pageSize=20&inputText=cluster");
        assertThat(request.getBodySize()).isZero();
        assertThat(page.allowedClusters()).extracting(SesClusterSummary::serviceGroupInstanceNo)
                .containsExactly("1037001", "1037002"); // the second arrives as a JSON number
        assertThat(page.allowedClusters().get(1).dataNodeCount()).isEqualTo(4); // arrives as "4"
        assertThat(page.allowedClusters().get(0).isDualManager()).isTrue();
    }

    @Test
    void listAllClusters_threePagesWithoutIsLast_stopsAtTotalPage() {
        ncp.respond("ses-getClusterInfoList-page1.json").respond("ses-getClusterInfoList-page2.json")
                .respond("ses-getClusterInfoList-page3.json");

        List<SesClusterSummary> all = kr.listAllClusters();

        assertThat(all).hasSize(5);
        assertThat(ncp.server.getRequestCount()).isEqualTo(3);
        ncp.takeRequest();
        ncp.takeRequest();
        assertThat(ncp.takeRequest().getRequestUrl().queryParameter("pageNo")).isEqualTo("3");
    }

    @Test
    void getCluster_sgn_getsAndParsesNodes() {
        ncp.respond("ses-getClusterInfo-ok.json");

        SesClusterInfo info = sgn.getCluster("1037001");

        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/api/sgn-v2/cluster/getClusterInfo/1037001");
        assertThat(info.searchEngineVersionCode()).isEqualTo("2150");
        assertThat(info.clusterStatus()).isEqualTo("running");
        assertThat(info.clusterNodeList()).extracting(SesClusterInfo.ClusterNode::nodeType).containsExactly("Data", "Manager");
    }

    @Test
    void getClusterNodeList_returnsIntegerRegionNo() {
        ncp.respond("ses-getClusterNodeList-ok.json");

        assertThat(kr.getClusterNodeList("1037001").regionNo()).isEqualTo(1);
        assertThat(ncp.takeRequest().getPath()).isEqualTo("/api/v2/cluster/getClusterNodeList/1037001");
    }

    @Test
    void getVersionList_getsSearchEngineVersions() {
        ncp.respond("ses-getSearchEngineVersionList-ok.json");

        assertThat(kr.getVersionList()).extracting(v -> v.searchEngineVersionCode()).containsExactly("2150", "2180");
        assertThat(ncp.takeRequest().getPath()).isEqualTo("/api/v2/cluster/getSearchEngineVersionList");
    }

    @Test
    void rollingUpgradePreCheckAndCluster_postThreeStrings() {
        ncp.respond("action-success.json").respond("action-success.json");

        PrecheckResult precheck = kr.rollingUpgradePreCheck("1", "1037001", "2180");
        kr.rollingUpgradeCluster("1", "1037001", "2180");

        assertThat(precheck.passed()).isTrue();
        for (String path : List.of("/api/v2/cluster/rollingUpgradePreCheck", "/api/v2/cluster/rollingUpgradeCluster")) {
            RecordedRequest request = ncp.takeRequest();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getPath()).isEqualTo(path);
            JsonNode body = NcpTestServer.jsonBody(request);
            assertThat(body.get("regionNo").isTextual()).isTrue();
            assertThat(body.get("serviceGroupInstanceNo").textValue()).isEqualTo("1037001");
            assertThat(body.get("targetVersionCode").textValue()).isEqualTo("2180");
        }
    }

    @Test
    void rollingUpgradePreCheck_refusedOnHttp400_isAFailedPrecheck() {
        ncp.respond(400, "ses-rollingUpgradePreCheck-http400.json");

        PrecheckResult result = kr.rollingUpgradePreCheck("1", "1037001", "2180");

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("Target version code is not allowed to be empty");
        assertThat(result.code()).isEqualTo("1000");
    }

    @Test
    void getRollingUpgradeProgress_sgn_postsStringsAndParsesNodes() {
        ncp.respond("ses-getRollingUpgradeProgress-ok.json");

        SesUpgradeProgress progress = sgn.getRollingUpgradeProgress("7", "1037001");

        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getPath()).isEqualTo("/api/sgn-v2/cluster/getRollingUpgradeProgress");
        JsonNode body = NcpTestServer.jsonBody(request);
        assertThat(body.get("regionNo").textValue()).isEqualTo("7");
        assertThat(body.get("serviceGroupInstanceNo").isTextual()).isTrue();
        assertThat(progress.versionVo().targetVersionCode()).isEqualTo("290");
        assertThat(progress.nodeStatusVoList()).extracting(SesUpgradeProgress.NodeStatus::status)
                .contains("Upgrade_OpenSearch", "complete", "running");
    }
}
