package io.ncprollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misconfigured deployment at every entry point (the shell, a script, the bot, doctor, the simulator): each ends at
 * once with a non-zero status and says what is wrong in plain lines, without a stack trace or a Java class name.
 */
class StartupErrorsTest {
    private static final String BAD_YAML = "alias:\n  orders: orders-prod\npermissions:\n  - services: [kafka]\n    user: [U012ABCDEF]\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, boolean terminal, String... args) {
        return Main.run(List.of(args), env, terminal, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private Map<String, String> badConfig(String... more) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("ROLLOUT_CONFIG", Files.writeString(dir.resolve("bad.yaml"), BAD_YAML).toString(),
                "DATA_DIR", dir.resolve("data").toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private void assertOneClearMessage() {
        assertThat(printed()).contains("bad.yaml:1: unknown key 'alias' — did you mean 'aliases'?",
                        "bad.yaml:5: unknown key 'user' in permissions[0] — did you mean 'users'?")
                .doesNotContain("Exception", "\tat ", "io.ncprollout.config", "simulator serves");
    }

    @Test
    void shell_badConfig_endsAtOnceWithTheProblems() throws Exception {
        assertThat(run(badConfig(), true)).isEqualTo(2);
        assertOneClearMessage();
    }

    @Test
    void script_badConfig_endsAtOnceWithTheProblems() throws Exception {
        Path script = Files.writeString(dir.resolve("s.txt"), "/kafka list\n");

        assertThat(run(badConfig(), false, "--script", script.toString())).isEqualTo(2);
        assertOneClearMessage();
    }

    @Test
    void bot_badConfig_endsBeforeTheSimulatorOrTheDatabaseStart() throws Exception {
        assertThat(run(badConfig("SLACK_BOT_TOKEN", "xoxb-0-0-test", "SLACK_SIGNING_SECRET", "s"), false)).isEqualTo(2);
        assertOneClearMessage();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void bot_variablesAndFile_allReportedAtOnce() {
        assertThat(run(Map.of("PORT", "abc", "ROLLOUT_POLL_INTERVAL", "banana", "ROLLOUT_CONFIG", "/nonexistent.yaml"), false)).isEqualTo(2);
        assertThat(printed()).contains("PORT='abc'", "ROLLOUT_POLL_INTERVAL: 'banana'",
                "ROLLOUT_CONFIG /nonexistent.yaml: cannot be read: no such file");
    }

    @Test
    void doctor_badConfig_failsTheConfigFileRow() throws Exception {
        assertThat(run(badConfig(), false, "doctor")).isEqualTo(1);
        assertThat(printed()).contains("config file", "FAIL", "unknown key 'alias' — did you mean 'aliases'?");
    }

    @Test
    void simulator_badConfig_endsWithTheProblem() throws Exception {
        Path sim = Files.writeString(dir.resolve("sim.yaml"), "nodeStep: 1s\nspeed: fast\n");

        assertThat(run(Map.of(), false, "simulator", "--port", "0", "--config", sim.toString())).isEqualTo(2);
        assertThat(printed()).contains("sim.yaml:2: unknown key 'speed'").doesNotContain("Exception", "\tat ");
    }

    @Test
    void noSlackVariables_noTerminal_saysTheShellNeedsOne() {
        assertThat(run(Map.of("DATA_DIR", dir.toString()), false)).isEqualTo(2);
        assertThat(printed()).contains("there is no terminal", "docker run -it", "--script FILE");
    }

    @Test
    void socketMode_slackUnreachable_saysCannotReachSlack_notTokenInvalid() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-0-0-test", "SLACK_APP_TOKEN", "xapp-1-test",
                "SLACK_API_URL", "http://127.0.0.1:" + port + "/api/", "DATA_DIR", dir.resolve("data").toString(), "PORT", String.valueOf(port));

        assertThat(run(env, false)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot start: cannot reach Slack's Web API at http://127.0.0.1:" + port)
                .doesNotContain("token is invalid", "\tat ");
    }
}
