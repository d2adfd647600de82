package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.ncp.dto.CdssClusterStatus;
import io.ncprollout.ncp.dto.SesUpgradeProgress;
import io.ncprollout.sim.ClusterSpec;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import io.ncprollout.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client against the in-process simulator over every endpoint the bot uses, in KR and SGN: the two were
 * written separately from ncp-api.md, so agreement here means both follow the same reading of the docs.
 * One clock drives the simulator's roll and the client's signatures; time is advanced, never waited for.
 */
class NcpContractIT {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(10);

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private NcpSimulator simulator;
    private NcpClients clients;

    @BeforeEach
    void setUp() {
        SimulatorSettings defaults = SimulatorSettings.defaults();
        List<ClusterSpec> clusters = new ArrayList<>(defaults.clusters());
        clusters.add(ClusterSpec.openSearch("sgn-search", NcpRegion.SGN, 20371234, "2150", 2, 3));
        simulator = NcpSimulator.start(defaults.withClock(clock).withNodeStep(STEP).withClusters(clusters));
        NcpEndpoints endpoints = new NcpEndpoints(simulator.baseUrl(), simulator.baseUrl());
        clients = NcpClients.create(new NcpClientSettings(simulator.accessKey(), simulator.secretKey(), endpoints, clock,
                RetryPolicy.defaults(), duration -> clock.advance(duration), Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        simulator.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"KR, demo-kafka", "SGN, demo-kafka-sgn"})
    void cdssReads_everyEndpoint_answerInTheDocumentedShape(NcpRegion region, String name) {
        CdssClient cdss = clients.cdss(region);

        var summary = cdss.listAllClusters().stream().filter(c -> c.clusterName().equals(name)).findFirst().orElseThrow();
        long no = Long.parseLong(summary.serviceGroupInstanceNo());
        var info = cdss.getCluster(no);
        CdssClusterStatus status = cdss.getClusterStatus(no);
        var nodes = cdss.getClusterNodeList(no);
        var versions = cdss.getVersionList();
        var groups = cdss.getVersionConfigGroups(3903006);

        assertThat(info.clusterName()).isEqualTo(name);
        assertThat(info.status()).isEqualTo("running");
        assertThat(info.kafkaVersionCode()).isEqualTo("3713006");
        assertThat(status.brokerNumber()).isEqualTo(status.brokerNodeTotalNumber()).isEqualTo(summary.brokerNodeCount());
        assertThat(status.brokerStatusPerNode()).extracting(CdssClusterStatus.NodeProcessStatus::status).containsOnly("green");
        assertThat(status.cmakStatus()).isEqualTo("green");
        assertThat(nodes.serviceGroupName()).isEqualTo(name);
        assertThat(nodes.computeList()).isNotEmpty();
        var brokers = cdss.getBrokerInfo(no);
        assertThat(brokers.plaintextBrokers()).hasSize(summary.brokerNodeCount()).allSatisfy(b -> assertThat(b).endsWith(":9092"));
        assertThat(brokers.tlsBrokers()).hasSize(summary.brokerNodeCount()).allSatisfy(b -> assertThat(b).endsWith(":9093"));
        assertThat(versions).extracting(v -> v.kafkaVersionCode()).contains("3713006", "3903006");
        assertThat(groups).isNotEmpty().allSatisfy(g -> assertThat(g.kafkaVersionCode()).isEqualTo("3903006"));
        assertThat(cdss.rollingRestartPreCheck(no).passed()).isTrue();
        assertThat(cdss.rollingUpgradePreCheck(no, 3903006, groups.get(0).configGroupNo()).passed()).isTrue();
        assertThat(cdss.rollingRestartProgressCheck(no).brokerStatus()).isEqualTo("green");
        assertThat(cdss.rollingUpgradeProgressCheck(no).clusterName()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"KR, 10178538, 3", "SGN, 20234567, 5"})
    void rollingRestart_polledToCompletion_rollsEveryBrokerOnceAndSendsOneStart(NcpRegion region, long no, int brokers) {
        CdssClient cdss = clients.cdss(region);
        List<String> seenOrange = new ArrayList<>();
        boolean[] memberMissing = {false};

        cdss.rollingRestart(no);
        pollUntil(() -> {
            CdssClusterStatus s = cdss.rollingRestartProgressCheck(no);
            s.brokerStatusPerNode().stream().filter(n -> n.status().equals("orange"))
                    .forEach(n -> { if (!seenOrange.contains(n.hostname())) seenOrange.add(n.hostname()); });
            memberMissing[0] |= s.brokerNumber() < s.brokerNodeTotalNumber();
            return !seenOrange.isEmpty() && s.brokerStatusPerNode().stream().allMatch(n -> n.status().equals("green"))
                    && "running".equals(cdss.getCluster(no).status());
        });

        assertThat(seenOrange).hasSize(brokers);
        assertThat(memberMissing[0]).isTrue();
        assertThat(simulator.journal().count("rollingRestart")).isEqualTo(1);
    }

    @Test
    void rollingUpgrade_polledToCompletion_switchesTheVersionAtTheEnd() {
        CdssClient cdss = clients.cdss(NcpRegion.KR);
        long no = 10178538;
        long group = cdss.getVersionConfigGroups(3903006).get(0).configGroupNo();

        cdss.rollingUpgrade(no, 3903006, group);
        assertThat(cdss.getCluster(no).kafkaVersionCode()).isEqualTo("3713006");
        pollUntil(() -> "3903006".equals(cdss.getCluster(no).kafkaVersionCode()) && "running".equals(cdss.getCluster(no).status()));

        assertThat(cdss.rollingUpgradeProgressCheck(no).brokerStatusPerNode()).allSatisfy(n -> assertThat(n.status()).isEqualTo("green"));
        assertThat(cdss.getCluster(no).configGroupNo()).isEqualTo(group);
    }

    @Test
    void restartCmakService_turnsCmakOrangeThenGreen() {
        CdssClient cdss = clients.cdss(NcpRegion.KR);

        cdss.restartCmakService(10178538);

        assertThat(cdss.getClusterStatus(10178538).cmakStatus()).isEqualTo("orange");
        pollUntil(() -> "green".equals(cdss.getClusterStatus(10178538).cmakStatus()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"KR, demo-search", "SGN, sgn-search"})
    void sesUpgrade_polledToCompletion_reachesTheTargetVersion(NcpRegion region, String name) {
        SesClient ses = clients.ses(region);
        String no = ses.listAllClusters().stream().filter(c -> c.clusterName().equals(name)).findFirst().orElseThrow()
                .serviceGroupInstanceNo();
        String regionNo = String.valueOf(ses.getClusterNodeList(no).regionNo());
        List<String> statuses = new ArrayList<>();

        assertThat(ses.getVersionList()).extracting(v -> v.searchEngineVersionCode()).contains("2180");
        assertThat(ses.getCluster(no).searchEngineVersionCode()).isEqualTo("2150");
        assertThat(ses.getCluster(no).searchEnginePort()).isEqualTo("9200");
        assertThat(ses.rollingUpgradePreCheck(regionNo, no, "2180").passed()).isTrue();
        ses.rollingUpgradeCluster(regionNo, no, "2180");
        pollUntil(() -> {
            SesUpgradeProgress p = ses.getRollingUpgradeProgress(regionNo, no);
            p.nodeStatusVoList().forEach(n -> statuses.add(n.status()));
            var info = ses.getCluster(no);
            return "running".equals(info.clusterStatus()) && "2180".equals(info.searchEngineVersionCode());
        });

        assertThat(statuses).contains("Upgrade_OpenSearch", "complete");
        assertThat(ses.getRollingUpgradeProgress(regionNo, no).versionVo().targetVersionCode()).isEqualTo("2180");
        assertThat(simulator.journal().count("rollingUpgradeCluster")).isEqualTo(1);
    }

    @Test
    void refusals_comeBackAsTypedErrors() {
        CdssClient cdss = clients.cdss(NcpRegion.KR);
        cdss.rollingRestart(10178538);

        assertThatThrownBy(() -> cdss.rollingRestart(10178538)).isInstanceOfSatisfying(NcpApiException.class,
                e -> assertThat(e.kind()).isEqualTo(NcpErrorKind.SERVICE_ERROR));
        assertThat(cdss.rollingRestartPreCheck(10411004).passed()).isFalse();
        assertThatThrownBy(() -> cdss.getClusterStatus(1)).isInstanceOfSatisfying(NcpApiException.class,
                e -> assertThat(e.code()).isEqualTo("3"));
        assertThat(clients.ses(NcpRegion.KR).rollingUpgradePreCheck("1", "10372001", "2180").message()).contains("6 hours");
    }

    @Test
    void wrongSecretKey_isAnAuthenticationError() {
        NcpEndpoints endpoints = new NcpEndpoints(simulator.baseUrl(), simulator.baseUrl());
        try (NcpClients wrong = NcpClients.create(NcpClientSettings.defaults(simulator.accessKey(), "not-the-secret", endpoints, clock))) {
            assertThatThrownBy(() -> wrong.cdss(NcpRegion.KR).listAllClusters()).isInstanceOfSatisfying(NcpApiException.class,
                    e -> assertThat(e.kind()).isEqualTo(NcpErrorKind.AUTHENTICATION));
        }
    }

    private void pollUntil(BooleanSupplier done) {
        for (int i = 0; i < 200; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            clock.advance(POLL);
        }
        throw new AssertionError("not done after 200 polls");
    }
}
