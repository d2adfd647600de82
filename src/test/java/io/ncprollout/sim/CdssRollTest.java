package io.ncprollout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CDSS rolling restart, rolling upgrade and CMAK restart, stepped node by node with the clock. */
class CdssRollTest {
    private static final String DEMO = CdssEndpointsTest.DEMO;
    private static final String BODY = "{\"serviceGroupInstanceNo\":" + DEMO + "}";
    private static final String UPGRADE_TO_390 =
            "{\"serviceGroupInstanceNo\":" + DEMO + ",\"upgradeKafkaVersionCode\":3903006,\"upgradeConfigGroupNo\":321}";

    private final SimulatorFixture sim = new SimulatorFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    private JsonNode progress() {
        return sim.http.post("/api/v1/cluster/rollingRestartProgressCheck", BODY).result();
    }

    private String clusterStatus() {
        return sim.http.post("/api/v1/cluster/getClusterInfoList/" + DEMO, null).result().get("status").textValue();
    }

    private static String[] colours(JsonNode status) {
        return status.get("brokerStatusPerNode").findValuesAsText("status").toArray(String[]::new);
    }

    @Test
    void rollingRestart_steppedNodeByNode_eachBrokerOrangeOnceThenGreen() {
        // GIVEN the precheck passes
        SignedHttp.Response precheck = sim.http.post("/api/v1/cluster/rollingRestartPreCheck", BODY);
        assertThat(precheck.code()).isZero();
        assertThat(precheck.result().booleanValue()).isTrue();

        // WHEN the restart is accepted
        SignedHttp.Response start = sim.http.post("/api/v1/cluster/rollingRestart", BODY);
        assertThat(start.code()).isZero();
        assertThat(start.result().booleanValue()).isTrue();

        // THEN brokers go orange one at a time while the cluster is changing
        String[][] expected = {
            {"orange", "green", "green"},
            {"green", "orange", "green"},
            {"green", "green", "orange"},
        };
        for (String[] step : expected) {
            JsonNode status = progress();
            assertThat(colours(status)).containsExactly(step);
            assertThat(status.get("brokerNumber").intValue()).isEqualTo(2);
            assertThat(status.get("brokerStatus").textValue()).isEqualTo("orange");
            assertThat(status.get("zookeeperStatusPerNode").findValuesAsText("status")).containsOnly("green");
            assertThat(status.get("cmakStatus").textValue()).isEqualTo("green");
            assertThat(clusterStatus()).isEqualTo("changing");
            sim.step(1);
        }
        JsonNode done = progress();
        assertThat(colours(done)).containsOnly("green");
        assertThat(done.get("brokerNumber").intValue()).isEqualTo(3);
        assertThat(clusterStatus()).isEqualTo("running");
        assertThat(sim.http.post("/api/v1/cluster/getClusterInfoList/" + DEMO, null).result().get("kafkaVersionCode")
                .textValue()).isEqualTo("3713006");
    }

    @Test
    void rollingRestart_listShowsChangingServerStatus() {
        sim.http.post("/api/v1/cluster/rollingRestart", BODY);

        JsonNode item = sim.http.post("/api/v1/cluster/getClusterInfoList", "{\"inputText\":\"demo-kafka\"}")
                .result().get("allowedClusters").get(0);

        assertThat(item.get("serverStatus").textValue()).isEqualTo("changing");
    }

    @Test
    void rollingRestart_whileOneRuns_refusedNamingTheRunningOperation() {
        sim.http.post("/api/v1/cluster/rollingUpgrade", UPGRADE_TO_390);
        sim.step(1);

        SignedHttp.Response second = sim.http.post("/api/v1/cluster/rollingRestart", BODY);
        SignedHttp.Response cmak = sim.http.get("/api/v1/cluster/restartCMAKService/" + DEMO);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.code()).isNotZero();
        assertThat(second.result().isNull()).isTrue();
        assertThat(second.message()).contains("rolling upgrade").contains("in progress");
        assertThat(cmak.code()).isNotZero();
        assertThat(sim.http.post("/api/v1/cluster/rollingRestartPreCheck", BODY).message()).contains("rolling upgrade");
    }

    @Test
    void rollingUpgrade_lastNodeDone_switchesVersionAndConfigGroup() {
        assertThat(sim.http.post("/api/v1/cluster/rollingUpgradePreCheck", UPGRADE_TO_390).code()).isZero();

        assertThat(sim.http.post("/api/v1/cluster/rollingUpgrade", UPGRADE_TO_390).result().booleanValue()).isTrue();
        sim.step(2);
        JsonNode midway = sim.http.post("/api/v1/cluster/getClusterInfoList/" + DEMO, null).result();
        assertThat(colours(sim.http.post("/api/v1/cluster/rollingUpgradeProgressCheck", BODY).result()))
                .containsExactly("green", "green", "orange");
        assertThat(midway.get("kafkaVersionCode").textValue()).isEqualTo("3713006");
        sim.step(1);

        JsonNode info = sim.http.post("/api/v1/cluster/getClusterInfoList/" + DEMO, null).result();
        JsonNode item = sim.http.post("/api/v1/cluster/getClusterInfoList", "{\"inputText\":\"demo-kafka\"}")
                .result().get("allowedClusters").get(0);
        assertThat(info.get("kafkaVersionCode").textValue()).isEqualTo("3903006");
        assertThat(info.get("configGroupNo").intValue()).isEqualTo(321);
        assertThat(info.get("status").textValue()).isEqualTo("running");
        assertThat(item.get("kafkaVersion").textValue()).isEqualTo("Kafka 3.9.0");
        assertThat(item.get("applicationVersion").textValue()).isEqualTo("Kafka 3.9.0, CMAK 3.0.0.6");
    }

    @Test
    void rollingUpgradePreCheck_configGroupOfAnotherVersion_refused() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/rollingUpgradePreCheck",
                "{\"serviceGroupInstanceNo\":" + DEMO + ",\"upgradeKafkaVersionCode\":3903006,\"upgradeConfigGroupNo\":311}");

        assertThat(response.code()).isNotZero();
        assertThat(response.message()).contains("311").contains("3713006").contains("3903006");
    }

    @Test
    void rollingUpgradePreCheck_notNewerOrUnknownOrMissing_refused() {
        String older = "{\"serviceGroupInstanceNo\":" + DEMO + ",\"upgradeKafkaVersionCode\":3503006,\"upgradeConfigGroupNo\":301}";
        String unknown = "{\"serviceGroupInstanceNo\":" + DEMO + ",\"upgradeKafkaVersionCode\":4003006,\"upgradeConfigGroupNo\":321}";
        String missing = "{\"serviceGroupInstanceNo\":" + DEMO + ",\"upgradeKafkaVersionCode\":3903006}";

        assertThat(sim.http.post("/api/v1/cluster/rollingUpgradePreCheck", older).message()).contains("newer");
        assertThat(sim.http.post("/api/v1/cluster/rollingUpgradePreCheck", unknown).code()).isNotZero();
        assertThat(sim.http.post("/api/v1/cluster/rollingUpgrade", missing).message()).contains("config group");
        assertThat(clusterStatus()).isEqualTo("running");
    }

    @Test
    void rollingRestartPreCheck_notReadyCluster_refusedUntilCleared() {
        String body = "{\"serviceGroupInstanceNo\":10411004}";

        SignedHttp.Response refused = sim.http.post("/api/v1/cluster/rollingRestartPreCheck", body);
        assertThat(refused.code()).isNotZero();
        assertThat(refused.message()).contains("events-staging").contains("not ready");
        assertThat(sim.http.post("/api/v1/cluster/rollingRestart", body).code()).isNotZero();

        sim.simulator.faults().notReady("events-staging", false);

        assertThat(sim.http.post("/api/v1/cluster/rollingRestartPreCheck", body).code()).isZero();
    }

    @Test
    void rollingRestartPreCheck_unknownCluster_code3() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/rollingRestartPreCheck", "{\"serviceGroupInstanceNo\":99999999}");

        assertThat(response.code()).isEqualTo(3);
        assertThat(response.message()).isEqualTo("Invalid Service Group Instance No");
    }

    @Test
    void restartCMAKService_cmakOrangeForOneStepThenGreen() {
        SignedHttp.Response start = sim.http.get("/api/v1/cluster/restartCMAKService/" + DEMO);

        assertThat(start.result().booleanValue()).isTrue();
        JsonNode during = progress();
        assertThat(during.get("cmakStatus").textValue()).isEqualTo("orange");
        assertThat(colours(during)).containsOnly("green");
        sim.step(1);
        assertThat(progress().get("cmakStatus").textValue()).isEqualTo("green");
        assertThat(clusterStatus()).isEqualTo("running");
    }

    @Test
    void rollingRestart_stuckOrangeNode_neverCompletes() {
        sim.simulator.faults().stuckOrange("demo-kafka", "demo-kafka-b-25t7");

        sim.http.post("/api/v1/cluster/rollingRestart", BODY);
        sim.step(50);

        assertThat(colours(progress())).containsExactly("green", "orange", "green");
        assertThat(clusterStatus()).isEqualTo("changing");
        assertThat(sim.http.post("/api/v1/cluster/rollingRestart", BODY).message()).contains("in progress");
    }

    @Test
    void rollingRestart_nodeGoesRed_clusterError() {
        sim.simulator.faults().goesRed("demo-kafka", "demo-kafka-b-25t7");

        sim.http.post("/api/v1/cluster/rollingRestart", BODY);
        sim.step(1);

        JsonNode status = progress();
        assertThat(colours(status)).containsExactly("green", "red", "green");
        assertThat(status.get("brokerNumber").intValue()).isEqualTo(2);
        assertThat(status.get("brokerStatus").textValue()).isEqualTo("yellow");
        assertThat(clusterStatus()).isEqualTo("error");
        sim.step(10);
        assertThat(clusterStatus()).isEqualTo("error");
        assertThat(sim.http.post("/api/v1/cluster/rollingRestart", BODY).message()).contains("error");
    }
}
