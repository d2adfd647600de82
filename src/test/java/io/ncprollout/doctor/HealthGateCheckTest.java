package io.ncprollout.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.config.HealthSettings;
import io.ncprollout.config.NcpConfig;
import io.ncprollout.config.RolloutConfigFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's health gate rows, against the embedded simulator's cluster list (no NCP keys). */
class HealthGateCheckTest {
    @TempDir
    Path tmp;

    private static HealthSettings health(String yaml) {
        return RolloutConfigFile.parse(yaml, "rollout.yaml").health();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void noHealthSection_isOneOkRowSayingOnlyNcpGuards() {
        List<CheckResult> rows = HealthGateCheck.run(HealthSettings.none(), NcpConfig.fromEnv(Map.of()), Map.of(), Clock.systemUTC());

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckResult.Status.OK);
            assertThat(r.detail()).contains("only NCP's precheck");
        });
    }

    @Test
    void aGateThatCannotLook_fails_namingTheClusterTheReasonAndWhatToCheck_andAGlobMatchingNothingWarns() throws Exception {
        HealthSettings health = health("""
                health:
                  kafka:
                    - clusters: ["demo-kafka"]
                      bootstrap: "127.0.0.1:%d"
                      security: { protocol: SASL_PLAINTEXT, mechanism: PLAIN, username_env: GATE_USER, password_env: GATE_PASSWORD }
                      timeout: 2s
                  opensearch:
                    - clusters: ["nothing-*"]
                """.formatted(closedPort()));

        List<CheckResult> rows = HealthGateCheck.run(health, NcpConfig.fromEnv(Map.of()), Map.of("GATE_USER", "u", "GATE_PASSWORD", "doctor-pw-1"),
                Clock.systemUTC());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).check()).isEqualTo("health gate kafka[0]");
        assertThat(rows.get(0).status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(rows.get(0).detail()).contains("demo-kafka: cannot look: Kafka at 127.0.0.1:").contains("did not answer within 2s")
                .doesNotContain("doctor-pw-1");
        assertThat(rows.get(0).fix()).contains("ACG");
        assertThat(rows.get(1).status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(rows.get(1).detail()).contains("no OpenSearch (SES) cluster of KR matches [nothing-*]");
    }

    @Test
    void doctor_printsTheGateRows_andAnUnsetSecretIsNamedNotShown() throws Exception {
        Path file = Files.writeString(tmp.resolve("rollout.yaml"), """
                health:
                  opensearch:
                    - clusters: ["demo-search"]
                      endpoint: "http://127.0.0.1:%d"
                      username_env: GATE_OS_USER
                      password_env: GATE_OS_PASSWORD
                      timeout: 2s
                """.formatted(closedPort()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = DoctorCommand.run(Map.of("ROLLOUT_CONFIG", file.toString(), "DATA_DIR", tmp.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.systemUTC());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(printed).contains("health gate").contains("GATE_OS_USER").contains("is not set");
    }
}
