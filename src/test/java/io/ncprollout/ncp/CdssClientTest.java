package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ncprollout.ncp.dto.CdssClusterInfo;
import io.ncprollout.ncp.dto.CdssClusterStatus;
import io.ncprollout.ncp.dto.CdssClusterSummary;
import io.ncprollout.ncp.dto.ClusterNodeList;
import io.ncprollout.ncp.dto.ClusterPage;
import io.ncprollout.ncp.dto.KafkaConfigGroup;
import io.ncprollout.ncp.dto.PrecheckResult;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request shape (method, region path, JSON number fields) and response parsing per CDSS endpoint. */
class CdssClientTest {
    private final NcpTestServer ncp = new NcpTestServer();
    private final CdssClient kr = ncp.clients.cdss(NcpRegion.KR);
    private final CdssClient sgn = ncp.clients.cdss(NcpRegion.SGN);

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    @Test
    void getClusterInfoList_postsNumbersAndParsesMixedTypes() {
        // GIVEN a page where serviceGroupInstanceNo is a number once and a string once
        ncp.respond("cdss-getClusterInfoList-page1.json");

        // WHEN a page is requested
        ClusterPage<CdssClusterSummary> page = kr.getClusterInfoList("ord", 1, 2);

        // THEN the body has JSON numbers and a string, and both id forms read as strings
        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/api/v1/cluster/getClusterInfoList");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = NcpTestServer.jsonBody(request);
        assertThat(body.get("pageNo").isIntegralNumber()).isTrue();
        assertThat(body.get("pageSize").isIntegralNumber()).isTrue();
        assertThat(body.get("inputText").isTextual()).isTrue();
        assertThat(page.allowedClusters()).extracting(CdssClusterSummary::serviceGroupInstanceNo)
                .containsExactly("1009001", "1009002");
        CdssClusterSummary orders = page.allowedClusters().get(0);
        assertThat(orders.brokerNodeCount()).isEqualTo(3); // sent as the string "3"
        assertThat(orders.serverStatus()).isEqualTo("running");
        assertThat(page.allowedClusters().get(1).serverStatus()).isEqualTo("resizing-soon"); // unknown, verbatim
        assertThat(page.isLast()).isFalse();
        assertThat(page.disallowedClusters()).hasSize(1);
    }

    @Test
    void getClusterInfoList_nullInputText_isOmitted() {
        ncp.respond("cdss-getClusterInfoList-page3.json");

        kr.getClusterInfoList(null, 3, 2);

        assertThat(NcpTestServer.jsonBody(ncp.takeRequest()).has("inputText")).isFalse();
    }

    @Test
    void listAllClusters_threePages_walksEveryPageInOrder() {
        ncp.respond("cdss-getClusterInfoList-page1.json").respond("cdss-getClusterInfoList-page2.json")
                .respond("cdss-getClusterInfoList-page3.json");

        List<CdssClusterSummary> all = kr.listAllClusters();

        assertThat(all).extracting(CdssClusterSummary::clusterName)
                .containsExactly("orders", "payments", "logs", "metrics", "audit");
        assertThat(ncp.server.getRequestCount()).isEqualTo(3);
        for (int pageNo = 1; pageNo <= 3; pageNo++) {
            assertThat(NcpTestServer.jsonBody(ncp.takeRequest()).get("pageNo").asInt()).isEqualTo(pageNo);
        }
    }

    @Test
    void listAllClusters_emptyPageWithoutFlags_stops() {
        ncp.respond("cdss-getClusterInfoList-empty.json");

        assertThat(kr.listAllClusters()).isEmpty();
        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void getCluster_sgn_postsEmptyObjectAndDropsThePassword() {
        ncp.respond("cdss-getClusterInfo-ok.json");

        CdssClusterInfo info = sgn.getCluster(1009001L);

        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/api/sgn-v1/cluster/getClusterInfoList/1009001");
        assertThat(request.getBody().readUtf8()).isEqualTo("{}");
        assertThat(info.kafkaVersionCode()).isEqualTo("3713006");
        assertThat(info.configGroupNo()).isEqualTo(301L);
        assertThat(info.status()).isEqualTo("running");
        assertThat(info.toString()).doesNotContain("cmak-Pa55word-must-not-leak");
    }

    @Test
    void getClusterStatus_getsAndPassesUnknownColoursThrough() {
        ncp.respond("cdss-getClusterStatus-ok.json");

        CdssClusterStatus status = kr.getClusterStatus(1009001L);

        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/api/v1/cluster/getClusterStatus/1009001");
        assertThat(status.brokerStatusPerNode()).extracting(CdssClusterStatus.NodeProcessStatus::status)
                .containsExactly("orange", "orange", "ultraviolet");
        assertThat(status.zookeeperNumber()).isEqualTo(3);
        assertThat(status.cmakStatus()).isEqualTo("green");
    }

    @Test
    void getClusterNodeList_parsesRegionAndNodes() {
        ncp.respond("cdss-getClusterNodeList-ok.json");

        ClusterNodeList nodes = sgn.getClusterNodeList(1009001L);

        assertThat(ncp.takeRequest().getPath()).isEqualTo("/api/sgn-v1/cluster/getClusterNodeList/1009001");
        assertThat(nodes.regionNo()).isEqualTo(1);
        assertThat(nodes.serviceGroupInstanceNo()).isEqualTo("1009001");
        assertThat(nodes.createdDate().utc()).isEqualTo(1767315600000L);
        assertThat(nodes.computeList()).extracting(ClusterNodeList.ComputeNode::hostName)
                .containsExactly("orders-b-1", "orders-m-1");
    }

    @Test
    void getVersionList_getsCdssVersionList() {
        ncp.respond("cdss-getCDSSVersionList-ok.json");

        assertThat(kr.getVersionList()).extracting(v -> v.kafkaVersionCode()).containsExactly("3903006", "3713006");
        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/api/v1/cluster/getCDSSVersionList");
    }

    @Test
    void getVersionConfigGroups_postsNumericCodeAndWalksPages() {
        ncp.respond("cdss-getKafkaVersionConfigGroupList-page1.json")
                .respond("cdss-getKafkaVersionConfigGroupList-page2.json");

        List<KafkaConfigGroup> groups = kr.getVersionConfigGroups(3903006L);

        assertThat(groups).extracting(KafkaConfigGroup::configGroupNo).containsExactly(301L, 302L);
        RecordedRequest first = ncp.takeRequest();
        assertThat(first.getPath()).isEqualTo("/api/v1/configGroup/getKafkaVersionConfigGroupList");
        JsonNode body = NcpTestServer.jsonBody(first);
        assertThat(body.get("kafkaVersionCode").isIntegralNumber()).isTrue();
        assertThat(body.get("kafkaVersionCode").asLong()).isEqualTo(3903006L);
        assertThat(NcpTestServer.jsonBody(ncp.takeRequest()).get("pageNo").asInt()).isEqualTo(2);
    }

    @Test
    void rollingRestartPreCheck_success_passes() {
        ncp.respond("action-success.json");

        PrecheckResult result = kr.rollingRestartPreCheck(1009001L);

        assertThat(result).isEqualTo(new PrecheckResult(true, "SUCCESS", "0", "71b0ae2b-1111-2222-3333-3c26b10544cb"));
        assertInstanceBody(ncp.takeRequest(), "/api/v1/cluster/rollingRestartPreCheck");
    }

    @Test
    void rollingRestartPreCheck_ncpSaysNo_isAnAnswerNotAnException() {
        ncp.respond("action-code3.json");

        PrecheckResult result = kr.rollingRestartPreCheck(1009001L);

        assertThat(result).isEqualTo(new PrecheckResult(false, "Invalid Service Group Instance No", "3",
                "eaec909c-0ec0-435d-a4b4-7c1055ef695a"));
    }

    @Test
    void rollingRestartPreCheck_transientFailure_isRetriedAsARead() {
        ncp.respond(503, "gateway-error-500.json").respond("action-success.json");

        assertThat(kr.rollingRestartPreCheck(1009001L).passed()).isTrue();
        assertThat(ncp.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rollingRestart_postsNumericInstanceNo() {
        ncp.respond("action-success.json");

        sgn.rollingRestart(1009001L);

        assertInstanceBody(ncp.takeRequest(), "/api/sgn-v1/cluster/rollingRestart");
    }

    @Test
    void progressChecks_postNumericInstanceNoAndParseStatus() {
        ncp.respond("cdss-getClusterStatus-ok.json").respond("cdss-getClusterStatus-ok.json");

        assertThat(kr.rollingRestartProgressCheck(1009001L).brokerNodeTotalNumber()).isEqualTo(3);
        assertThat(kr.rollingUpgradeProgressCheck(1009001L).brokerNumber()).isZero();

        assertInstanceBody(ncp.takeRequest(), "/api/v1/cluster/rollingRestartProgressCheck");
        assertInstanceBody(ncp.takeRequest(), "/api/v1/cluster/rollingUpgradeProgressCheck");
    }

    @Test
    void rollingUpgradeAndPreCheck_postThreeNumbersWithUpgradePrefix() {
        ncp.respond("action-success.json").respond("action-success.json");

        assertThat(kr.rollingUpgradePreCheck(1009001L, 3903006L, 301L).passed()).isTrue();
        kr.rollingUpgrade(1009001L, 3903006L, 301L);

        for (String path : List.of("/api/v1/cluster/rollingUpgradePreCheck", "/api/v1/cluster/rollingUpgrade")) {
            RecordedRequest request = ncp.takeRequest();
            JsonNode body = assertInstanceBody(request, path);
            assertThat(body.get("upgradeKafkaVersionCode").isIntegralNumber()).isTrue();
            assertThat(body.get("upgradeKafkaVersionCode").asLong()).isEqualTo(3903006L);
            assertThat(body.get("upgradeConfigGroupNo").isIntegralNumber()).isTrue();
            assertThat(body.get("upgradeConfigGroupNo").asLong()).isEqualTo(301L);
        }
    }

    @Test
    void restartCmakService_isAGetWithTheCaseSensitivePath() {
        ncp.respond("action-success.json");

        kr.restartCmakService(1484848L);

        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/api/v1/cluster/restartCMAKService/1484848");
        assertThat(request.getBodySize()).isZero();
    }

    /** Asserts POST, path and a numeric serviceGroupInstanceNo; returns the body (readable only once). */
    private static JsonNode assertInstanceBody(RecordedRequest request, String path) {
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo(path);
        JsonNode body = request.getBodySize() == 0 ? null : NcpTestServer.jsonBody(request);
        assertThat(body).isNotNull();
        assertThat(body.get("serviceGroupInstanceNo").isIntegralNumber()).isTrue();
        assertThat(body.get("serviceGroupInstanceNo").asLong()).isEqualTo(1009001L);
        return body;
    }
}
