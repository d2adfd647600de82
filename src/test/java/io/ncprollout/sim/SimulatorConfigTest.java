package io.ncprollout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.ncp.NcpRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorConfigTest {
    private static final String FULL = """
            nodeStep: 30s
            seed: 7
            faults:
              latency: 200ms
              readFailureRate: 0.1
              throttleRate: 0.05
              notReady: [orders-prod]
              nodes:
                - cluster: payments-prod
                  host: payments-prod-b-0001
                  fault: stuck-orange
                - cluster: analytics-kafka
                  host: analytics-kafka-b-0002
                  fault: goes-red
            clusters:
              - name: analytics-kafka
                service: kafka
                region: SGN
                number: 12345678
                version: "3503006"
                nodes: 4
                precheck: not-ready
              - name: catalog-search
                service: opensearch
                number: 12345679
                version: 290
                managers: 1
                nodes: 2
                snapshotAge: none
            """;

    @Test
    void load_fullFile_addsClustersAndSetsStepSeedAndFaults(@TempDir Path dir) throws IOException {
        // GIVEN a file with every key
        Path file = dir.resolve("sim.yaml");
        Files.writeString(file, FULL);
        SimulatorFaults faults = new SimulatorFaults();

        // WHEN it is applied to the defaults
        SimulatorSettings settings = SimulatorConfig.load(file).applyTo(SimulatorSettings.defaults().withFaults(faults));

        // THEN
        assertThat(settings.nodeStep()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.seed()).isEqualTo(7);
        assertThat(settings.clusters()).hasSize(SeedClusters.all().size() + 2);
        ClusterSpec kafka = settings.clusters().get(SeedClusters.all().size());
        assertThat(kafka).isEqualTo(new ClusterSpec(ClusterSpec.Service.KAFKA, "analytics-kafka", NcpRegion.SGN,
                12_345_678L, "3503006", 4, 1, true, null));
        ClusterSpec search = settings.clusters().get(SeedClusters.all().size() + 1);
        assertThat(search.region()).isEqualTo(NcpRegion.KR);
        assertThat(search.versionCode()).isEqualTo("290");
        assertThat(search.snapshotAge()).isNull();
        assertThat(search.managerCount()).isEqualTo(1);
        assertThat(faults.latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(faults.readFailureRate()).isEqualTo(0.1);
        assertThat(faults.throttleRate()).isEqualTo(0.05);
        assertThat(faults.isNotReady("orders-prod")).isTrue();
        assertThat(faults.nodeFault("payments-prod", "payments-prod-b-0001")).isEqualTo(NodeFault.STUCK_ORANGE);
        assertThat(faults.nodeFault("analytics-kafka", "analytics-kafka-b-0002")).isEqualTo(NodeFault.GOES_RED);
    }

    @Test
    void parse_emptyText_addsNothing() {
        SimulatorSettings base = SimulatorSettings.defaults();

        SimulatorSettings settings = SimulatorConfig.parse("", "empty.yaml").applyTo(base);

        assertThat(settings.clusters()).isEqualTo(base.clusters());
        assertThat(settings.nodeStep()).isEqualTo(base.nodeStep());
    }

    @Test
    void parse_unknownKey_errorNamesKeyAndLine() {
        String yaml = """
                clusters:
                  - name: analytics-kafka
                    service: kafka
                    number: 12345678
                    version: "3713006"
                    brokers: 3
                """;

        assertThatThrownBy(() -> SimulatorConfig.parse(yaml, "sim.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sim.yaml")
                .hasMessageContaining("sim.yaml:6: unknown key 'brokers' in clusters[0]")
                .message().doesNotContain("io.ncprollout");
    }

    @Test
    void parse_unknownTopLevelKey_errorNamesLine() {
        assertThatThrownBy(() -> SimulatorConfig.parse("nodeStep: 1s\nspeed: fast\n", "sim.yaml"))
                .hasMessageContaining("sim.yaml:2: unknown key 'speed' — did you mean 'seed'?");
    }

    @Test
    void parse_invalidValues_errorsNamingTheProblem() {
        assertThatThrownBy(() -> SimulatorConfig.parse("""
                clusters:
                  - {name: x-kafka, service: kafka, number: 12345678, version: "9999999"}
                """, "a.yaml")).hasMessageContaining("x-kafka").hasMessageContaining("9999999");
        assertThatThrownBy(() -> SimulatorConfig.parse("""
                clusters:
                  - {name: demo-kafka, service: kafka, number: 12345678, version: "3713006"}
                """, "b.yaml")).hasMessageContaining("unique");
        assertThatThrownBy(() -> SimulatorConfig.parse("faults: {readFailureRate: 2}", "c.yaml"))
                .hasMessageContaining("0..1");
        assertThatThrownBy(() -> SimulatorConfig.parse("nodeStep: soon", "d.yaml")).hasMessageContaining("soon");
        assertThatThrownBy(() -> SimulatorConfig.parse("clusters: [{name: y-kafka}]", "e.yaml"))
                .hasMessageContaining("required");
    }

    @Test
    void load_missingFile_uncheckedIo(@TempDir Path dir) {
        assertThatThrownBy(() -> SimulatorConfig.load(dir.resolve("absent.yaml")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("absent.yaml: no such file");
    }

    @Test
    void simulator_withConfigCluster_servesIt() {
        SimulatorSettings settings = SimulatorConfig.parse(FULL, "sim.yaml").applyTo(SimulatorSettings.defaults());

        try (SimulatorFixture sim = new SimulatorFixture(settings)) {
            assertThat(sim.http.post("/api/sgn-v1/cluster/getClusterInfoList", "{\"inputText\":\"analytics\"}")
                    .result().get("allowedClusters").get(0).get("brokerNodeCount").intValue()).isEqualTo(4);
            assertThat(sim.http.post("/api/sgn-v1/cluster/rollingRestartPreCheck", "{\"serviceGroupInstanceNo\":12345678}")
                    .message()).contains("not ready");
        }
    }
}
