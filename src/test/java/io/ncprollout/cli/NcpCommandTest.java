package io.ncprollout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator CLI end to end: the embedded simulator without keys, a standalone one with keys. */
class NcpCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void run_listWithoutKeys_printsJsonFromTheEmbeddedSimulator() {
        int code = run(Map.of(), "cdss", "list");

        assertThat(code).isZero();
        assertThat(out()).startsWith("[").contains("\"clusterName\" : \"demo-kafka\"");
        assertThat(err()).contains("answering from the embedded simulator");
    }

    @Test
    void run_sesUpgradeProgress_resolvesRegionNoFirst() {
        int code = run(Map.of(), "--region", "kr", "ses", "upgrade-progress", "10371234");

        assertThat(code).isZero();
        assertThat(out()).contains("\"nodeStatusVoList\"");
    }

    @Test
    void run_unknownCluster_exits1SayingItIsInNoRegion() {
        int code = run(Map.of(), "cdss", "status", "999");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("there is no Kafka (CDSS) cluster '999' in KR nor in any other region");
    }

    @Test
    void run_clusterByName_isResolvedToItsNumber() {
        int code = run(Map.of(), "cdss", "status", "demo-kafka");

        assertThat(code).isZero();
        assertThat(out()).contains("\"clusterName\" : \"demo-kafka\"");
    }

    @Test
    void run_numberOfAnotherRegion_saysWhichRegionHasIt() {
        int code = run(Map.of(), "cdss", "status", "20234567");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("there is no Kafka (CDSS) cluster '20234567' in KR; demo-kafka-sgn (20234567) is in SGN: add --region sgn");
    }

    @Test
    void run_badCall_exits2WithUsage() {
        int code = run(Map.of(), "cdss", "restart", "10178538");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("unknown call 'cdss restart'", "'ncp help' lists every call").doesNotContain("getClusterInfoList");
    }

    @Test
    void run_badConfiguration_exits2NamingTheVariable() {
        int code = run(Map.of("NCP_REGION", "MARS"), "cdss", "list");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("NCP_REGION='MARS'");
    }

    @Test
    void run_wrongSecretAgainstAStandaloneSimulator_exits1AndNeverPrintsTheSecret() {
        try (NcpSimulator sim = NcpSimulator.start(SimulatorSettings.defaults())) {
            Map<String, String> env = Map.of("NCP_ACCESS_KEY", sim.accessKey(), "NCP_SECRET_KEY", "wrong-secret-0123456789",
                    "NCP_CDSS_ENDPOINT", sim.baseUrl(), "NCP_SES_ENDPOINT", sim.baseUrl());

            int code = run(env, "cdss", "list");

            assertThat(code).isEqualTo(1);
            assertThat(err()).contains("Authentication Failed").doesNotContain("wrong-secret-0123456789");
        }
    }

    @Test
    void run_rightKeysAgainstAStandaloneSimulator_answers() {
        try (NcpSimulator sim = NcpSimulator.start(SimulatorSettings.defaults())) {
            Map<String, String> env = Map.of("NCP_ACCESS_KEY", sim.accessKey(), "NCP_SECRET_KEY", sim.secretKey(),
                    "NCP_CDSS_ENDPOINT", sim.baseUrl(), "NCP_SES_ENDPOINT", sim.baseUrl(), "NCP_REGION", "SGN");

            int code = run(env, "cdss", "list");

            assertThat(code).isZero();
            assertThat(out()).contains("demo-kafka-sgn").doesNotContain("\"demo-kafka\"");
            assertThat(err()).doesNotContain("embedded simulator");
        }
    }

    private int run(Map<String, String> env, String... args) {
        return NcpCommand.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
