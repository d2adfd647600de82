package io.ncprollout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.ncp.NcpSigner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorCommandTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String export(String text, String name) {
        Matcher m = Pattern.compile("export " + name + "=(\\S+)").matcher(text);
        assertThat(m.find()).as("export line for " + name).isTrue();
        return m.group(1);
    }

    @Test
    void parse_noArguments_defaults() {
        SimulatorCommand.Options options = SimulatorCommand.parse(new String[0]);

        assertThat(options.port()).isEqualTo(8089);
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.stepGiven()).isFalse();
        assertThat(options.config()).isNull();
    }

    @Test
    void parse_allOptions_read() {
        SimulatorCommand.Options options = SimulatorCommand.parse(
                new String[] {"--port", "0", "--step", "500ms", "--config", "sim.yaml"});

        assertThat(options.port()).isZero();
        assertThat(options.step()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.config()).isEqualTo(Path.of("sim.yaml"));
        assertThat(SimulatorCommand.parse(new String[] {"--step", "PT2M"}).step()).isEqualTo(Duration.ofMinutes(2));
        assertThat(SimulatorCommand.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void parse_badArguments_throwNamingThem() {
        assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--port", "http"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--port", "70000"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--step", "fast"})).hasMessageContaining("fast");
        assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--step", "0s"})).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--verbose"})).hasMessageContaining("--verbose");
    }

    @Test
    void run_badArguments_usageAndExitCode2() {
        int code = SimulatorCommand.run(new String[] {"--port", "x"}, Map.of(), out);

        assertThat(code).isEqualTo(2);
        assertThat(printed()).contains("usage: simulator").contains("--port must be");
    }

    @Test
    void run_help_usageAndExitCode0() {
        assertThat(SimulatorCommand.run(new String[] {"--help"}, Map.of(), out)).isZero();
        assertThat(printed()).contains("usage: simulator");
    }

    @Test
    void run_brokenConfig_exitCode2NamingTheProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim.yaml");
        Files.writeString(file, "colour: blue\n");

        int code = SimulatorCommand.run(new String[] {"--port", "0", "--config", file.toString()}, Map.of(), out);

        assertThat(code).isEqualTo(2);
        assertThat(printed()).contains("sim.yaml:1: unknown key 'colour'");
    }

    @Test
    void launch_noKeysInEnv_printsGeneratedPairThatTheServerAccepts() {
        // WHEN launched on an ephemeral port without keys
        SimulatorCommand.Launch launch = SimulatorCommand.launch(new String[] {"--port", "0", "--step", "15s"}, Map.of(), out);

        try (NcpSimulator sim = launch.simulator()) {
            // THEN the printed exports point at it and carry a pair it accepts
            String text = printed();
            assertThat(launch.exitCode()).isZero();
            assertThat(export(text, "NCP_CDSS_ENDPOINT")).isEqualTo(sim.baseUrl());
            assertThat(export(text, "NCP_SES_ENDPOINT")).isEqualTo(sim.baseUrl());
            assertThat(text).contains("generated").contains("/api/v1/cluster/getClusterInfoList");
            assertThat(sim.settings().nodeStep()).isEqualTo(Duration.ofSeconds(15));
            SignedHttp http = new SignedHttp(sim, Clock.systemUTC());
            assertThat(export(text, "NCP_ACCESS_KEY")).isEqualTo(sim.accessKey());
            assertThat(export(text, "NCP_SECRET_KEY")).isEqualTo(sim.secretKey());
            assertThat(http.get("/api/v1/cluster/getCDSSVersionList").status()).isEqualTo(200);
        }
    }

    @Test
    void launch_keysInEnv_usesThem() {
        Map<String, String> env = Map.of("NCP_ACCESS_KEY", "ENVACCESSKEY", "NCP_SECRET_KEY", "ENVSECRETKEY");

        SimulatorCommand.Launch launch = SimulatorCommand.launch(new String[] {"--port", "0"}, env, out);

        try (NcpSimulator sim = launch.simulator()) {
            assertThat(sim.accessKey()).isEqualTo("ENVACCESSKEY");
            assertThat(printed()).doesNotContain("generated").contains("export NCP_ACCESS_KEY=ENVACCESSKEY");
            SignedHttp http = new SignedHttp(sim, Clock.systemUTC());
            assertThat(http.get("/api/v2/cluster/getSearchEngineVersionList").status()).isEqualTo(200);
            assertThat(new NcpSigner("ENVACCESSKEY", "ENVSECRETKEY").accessKey()).isEqualTo(sim.accessKey());
        }
    }
}
