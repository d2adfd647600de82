package io.ncprollout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shapes and JSON types of the CDSS read endpoints (ncp-api.md §4.1-4.6), paging and region isolation. */
class CdssEndpointsTest {
    static final String DEMO = "10178538";

    private final SimulatorFixture sim = new SimulatorFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    private static List<String> names(JsonNode clusters) {
        List<String> names = new ArrayList<>();
        clusters.forEach(c -> names.add(c.get("clusterName").textValue()));
        return names;
    }

    @Test
    void getClusterInfoList_noBody_firstPageOfTenWithPagingFields() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/getClusterInfoList", null);

        JsonNode result = response.result();
        assertThat(result.get("currentPage").isInt()).isTrue();
        assertThat(result.get("currentPage").intValue()).isEqualTo(1);
        assertThat(result.get("isFirst").booleanValue()).isTrue();
        assertThat(result.get("isLast").booleanValue()).isFalse();
        assertThat(result.get("pageSize").intValue()).isEqualTo(10);
        assertThat(result.get("totalCount").intValue()).isEqualTo(17);
        assertThat(result.get("totalPage").intValue()).isEqualTo(2);
        assertThat(result.get("allowedClusters")).hasSize(10);
        assertThat(result.get("disallowedClusters").isArray()).isTrue();
    }

    @Test
    void getClusterInfoList_secondPageAsStrings_restOfClusters() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/getClusterInfoList", "{\"pageNo\":\"2\",\"pageSize\":\"10\"}");

        assertThat(response.result().get("isLast").booleanValue()).isTrue();
        assertThat(response.result().get("isFirst").booleanValue()).isFalse();
        assertThat(names(response.result().get("allowedClusters"))).containsExactly("metrics-pipeline", "demo-kafka-1", "demo-kafka-2", "demo-kafka-3", "demo-kafka-4", "demo-kafka-5", "demo-kafka-6");
    }

    @Test
    void getClusterInfoList_inputText_partialCaseInsensitiveMatch() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/getClusterInfoList", "{\"inputText\":\"PROD\"}");

        assertThat(names(response.result().get("allowedClusters")))
                .containsExactly("orders-prod", "payments-prod", "inventory-prod", "clickstream-prod", "billing-prod");
    }

    @Test
    void getClusterInfoList_invalidPageSize_failureEnvelope() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/getClusterInfoList", "{\"pageSize\":0}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.code()).isNotZero();
        assertThat(response.result().isNull()).isTrue();
    }

    @Test
    void getClusterInfoList_item_hasDocumentedFieldsAndTypes() {
        JsonNode item = sim.http.post("/api/v1/cluster/getClusterInfoList", "{\"inputText\":\"demo-kafka\"}")
                .result().get("allowedClusters").get(0);

        assertThat(item.get("serviceGroupInstanceNo").textValue()).isEqualTo(DEMO);
        assertThat(item.get("serverStatus").textValue()).isEqualTo("running");
        assertThat(item.get("kafkaVersion").textValue()).isEqualTo("Kafka 3.7.1");
        assertThat(item.get("applicationVersion").textValue()).isEqualTo("Kafka 3.7.1, CMAK 3.0.0.6");
        assertThat(item.get("brokerNodeCount").isInt()).isTrue();
        assertThat(item.get("brokerNodeCount").intValue()).isEqualTo(3);
        assertThat(item.get("brokerStorageVolumeSize").isIntegralNumber()).isTrue();
        assertThat(item.get("kafkaBrokerPort").isInt()).isTrue();
        assertThat(item.get("isUsePublicDomain").isBoolean()).isTrue();
        assertThat(item.get("vpcNo").isInt()).isTrue();
    }

    @Test
    void getClusterInfoList_sgnCluster_onlyVisibleUnderSgnPrefix() {
        List<String> kr = names(sim.http.post("/api/v1/cluster/getClusterInfoList", "{\"pageSize\":100}")
                .result().get("allowedClusters"));
        List<String> sgn = names(sim.http.post("/api/sgn-v1/cluster/getClusterInfoList", "{}")
                .result().get("allowedClusters"));

        assertThat(kr).doesNotContain("demo-kafka-sgn").contains("demo-kafka");
        assertThat(sgn).containsExactly("demo-kafka-sgn");
        assertThat(sim.http.get("/api/v1/cluster/getClusterStatus/20234567").code()).isEqualTo(3);
        assertThat(sim.http.get("/api/sgn-v1/cluster/getClusterStatus/20234567").code()).isZero();
        assertThat(sim.http.post("/api/jpn-v1/cluster/getClusterInfoList", "{}").result().get("totalCount").intValue()).isZero();
    }

    @Test
    void getClusterInfo_demoKafka_versionCodeStringAndNoPassword() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/getClusterInfoList/" + DEMO, null);

        JsonNode info = response.result();
        assertThat(info.get("clusterName").textValue()).isEqualTo("demo-kafka");
        assertThat(info.get("kafkaVersionCode").textValue()).isEqualTo("3713006");
        assertThat(info.get("configGroupNo").intValue()).isEqualTo(311);
        assertThat(info.get("status").textValue()).isEqualTo("running");
        assertThat(info.get("brokerNodeCount").isInt()).isTrue();
        assertThat(info.has("kafkaManagerUserPassword")).isFalse();
    }

    @Test
    void getClusterInfo_unknownOrMalformedNumber_code3() {
        SignedHttp.Response unknown = sim.http.post("/api/v1/cluster/getClusterInfoList/12345678", null);
        SignedHttp.Response malformed = sim.http.post("/api/v1/cluster/getClusterInfoList/abc", null);

        for (SignedHttp.Response response : List.of(unknown, malformed)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.code()).isEqualTo(3);
            assertThat(response.message()).isEqualTo("Invalid Service Group Instance No");
            assertThat(response.result().isNull()).isTrue();
        }
    }

    @Test
    void getClusterStatus_atRest_allGreen() {
        JsonNode status = sim.http.get("/api/v1/cluster/getClusterStatus/" + DEMO).result();

        assertThat(status.get("clusterName").textValue()).isEqualTo("demo-kafka");
        assertThat(status.get("brokerNodeTotalNumber").intValue()).isEqualTo(3);
        assertThat(status.get("brokerNumber").intValue()).isEqualTo(3);
        assertThat(status.get("brokerStatus").textValue()).isEqualTo("green");
        assertThat(status.get("brokerStatusPerNode").findValuesAsText("hostname"))
                .containsExactly("demo-kafka-b-25t6", "demo-kafka-b-25t7", "demo-kafka-b-25t8");
        assertThat(status.get("zookeeperStatusPerNode").findValuesAsText("hostname"))
                .containsExactly("demo-kafka-b-25t6", "demo-kafka-b-25t7", "demo-kafka-b-25t8");
        assertThat(status.get("zookeeperTotalNumber").intValue()).isEqualTo(3);
        assertThat(status.get("zookeeperNumber").intValue()).isEqualTo(3);
        assertThat(status.get("zookeeperStatus").textValue()).isEqualTo("green");
        assertThat(status.get("cmakStatus").textValue()).isEqualTo("green");
    }

    @Test
    void progressChecks_nothingRunning_currentStatusWithNumberOrString() {
        SignedHttp.Response restart = sim.http.post("/api/v1/cluster/rollingRestartProgressCheck",
                "{\"serviceGroupInstanceNo\":" + DEMO + "}");
        SignedHttp.Response upgrade = sim.http.post("/api/v1/cluster/rollingUpgradeProgressCheck",
                "{\"serviceGroupInstanceNo\":\"" + DEMO + "\"}");

        assertThat(restart.result()).isEqualTo(sim.http.get("/api/v1/cluster/getClusterStatus/" + DEMO).result());
        assertThat(upgrade.result().get("brokerStatus").textValue()).isEqualTo("green");
    }

    @Test
    void progressCheck_missingClusterNumber_failureNamingTheField() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/rollingRestartProgressCheck", "{}");

        assertThat(response.code()).isNotZero();
        assertThat(response.message()).contains("Service group instance no");
    }

    @Test
    void getClusterNodeList_demoKafka_documentedShapeAndTypes() {
        JsonNode result = sim.http.get("/api/v1/cluster/getClusterNodeList/" + DEMO).result();

        assertThat(result.get("regionNo").intValue()).isEqualTo(1);
        assertThat(result.get("serviceGroupInstanceNo").isIntegralNumber()).isTrue();
        assertThat(result.get("serviceGroupName").textValue()).isEqualTo("demo-kafka");
        assertThat(result.at("/createdDate/formattedDate").textValue()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(result.at("/createdDate/utc").isIntegralNumber()).isTrue();
        JsonNode computeList = result.get("computeList");
        assertThat(computeList).hasSize(4);
        assertThat(computeList.findValuesAsText("hostName")).contains("demo-kafka-b-25t6", "demo-kafka-m-25t9");
        assertThat(computeList.get(0).get("computeInstanceNo").isInt()).isTrue();
        assertThat(computeList.get(0).get("regionNo").textValue()).isEqualTo("1");
        assertThat(computeList.findValuesAsText("nodeRoleCode")).containsOnly("MANAGER", "BROKER");
    }

    @Test
    void getBrokerInfo_demoKafka_brokerHostsOnKafkaAndZooKeeperPorts() {
        JsonNode result = sim.http.get("/api/v1/cluster/getBrokerInfo/" + DEMO).result();

        assertThat(result.get("brokerNodeList").textValue())
                .isEqualTo("demo-kafka-b-25t6:9092,demo-kafka-b-25t7:9092,demo-kafka-b-25t8:9092");
        assertThat(result.get("brokerTlsNodeList").textValue())
                .isEqualTo("demo-kafka-b-25t6:9093,demo-kafka-b-25t7:9093,demo-kafka-b-25t8:9093");
        assertThat(result.get("zookeeperList").textValue())
                .isEqualTo("demo-kafka-b-25t6:2181,demo-kafka-b-25t7:2181,demo-kafka-b-25t8:2181");
        assertThat(result.get("publicEndpointBrokerNodeList").textValue()).isEmpty();
        assertThat(result.get("brokerNodeDnsInfoList").isArray()).isTrue();
        assertThat(sim.http.get("/api/v1/cluster/getBrokerInfo/12345678").code()).isEqualTo(3);
        assertThat(sim.http.get("/api/v2/cluster/getBrokerInfo/" + DEMO).status()).isEqualTo(404); // a CDSS call, not SES
    }

    @Test
    void getCDSSVersionList_listsVersionsAsStrings() {
        JsonNode list = sim.http.get("/api/v1/cluster/getCDSSVersionList").result().get("kafkaVersionList");

        assertThat(list.findValuesAsText("kafkaVersionCode")).containsExactly("3503006", "3713006", "3903006");
        assertThat(list.get(2).get("applicationVersionName").textValue()).isEqualTo("Kafka 3.9.0, CMAK 3.0.0.6");
        assertThat(list.get(2).get("kafkaVersionName").textValue()).isEqualTo("Kafka 3.9.0");
        assertThat(list.get(2).get("cmakVersionName").textValue()).isEqualTo("CMAK 3.0.0.6");
    }

    @Test
    void getKafkaVersionConfigGroupList_versionAsStringOrNumber_groupsOfThatVersion() {
        SignedHttp.Response asString = sim.http.post("/api/v1/configGroup/getKafkaVersionConfigGroupList",
                "{\"kafkaVersionCode\":\"3903006\"}");
        SignedHttp.Response paged = sim.http.post("/api/v1/configGroup/getKafkaVersionConfigGroupList",
                "{\"kafkaVersionCode\":3903006,\"pageNo\":2,\"pageSize\":1}");

        JsonNode groups = asString.result().get("kafkaConfigGroupList");
        assertThat(groups.findValues("configGroupNo")).allMatch(JsonNode::isInt);
        assertThat(groups.findValuesAsText("configGroupNo")).containsExactly("321", "322");
        assertThat(groups.findValuesAsText("kafkaVersionCode")).containsOnly("3903006");
        assertThat(asString.result().get("totalCount").intValue()).isEqualTo(2);
        assertThat(paged.result().get("kafkaConfigGroupList").findValuesAsText("configGroupNo")).containsExactly("322");
        assertThat(paged.result().get("totalPage").intValue()).isEqualTo(2);
    }

    @Test
    void getKafkaVersionConfigGroupList_missingVersion_failure() {
        assertThat(sim.http.post("/api/v1/configGroup/getKafkaVersionConfigGroupList", "{}").code()).isNotZero();
        assertThat(sim.http.post("/api/v1/configGroup/getKafkaVersionConfigGroupList", "{\"kafkaVersionCode\":1}").code())
                .isNotZero();
    }
}
