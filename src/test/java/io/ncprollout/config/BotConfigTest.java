package io.ncprollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotConfigTest {
    private static final String BOT = "xoxb-0000000000-test-token";

    @Test
    void fromEnv_nothingSet_isUnconfiguredSlackOnDefaults() {
        BotConfig config = BotConfig.fromEnv(Map.of());

        assertThat(config.slack().configured()).isFalse();
        assertThat(config.slack().port()).isEqualTo(3000);
        assertThat(config.slack().apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.dataDir()).isEqualTo("./data");
        assertThat(config.ncp().useSimulator()).isTrue();
    }

    @Test
    void fromEnv_httpMode_needsTheSigningSecret() {
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT)))
                .hasMessageContaining("SLACK_SIGNING_SECRET is missing");
    }

    @Test
    void fromEnv_socketMode_needsNoSigningSecret() {
        BotConfig config = BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xapp-1-test-app-token"));

        assertThat(config.slack().socketMode()).isTrue();
    }

    @Test
    void fromEnv_httpMode_servesMetricsOffTheSlackPortByDefault() {
        BotConfig config = BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "s", "PORT", "3000"));

        assertThat(config.slack().managementPort()).isEqualTo(SlackSettings.DEFAULT_METRICS_PORT).isNotEqualTo(3000);
    }

    @Test
    void fromEnv_socketMode_servesMetricsOnPortByDefault() {
        BotConfig config = BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xapp-1-test-app-token", "PORT", "8081"));

        assertThat(config.slack().managementPort()).isEqualTo(8081);
    }

    @Test
    void fromEnv_metricsPortSet_isUsedInEitherMode() {
        assertThat(BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "s", "METRICS_PORT", "9500"))
                .slack().managementPort()).isEqualTo(9500);
        assertThat(BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xapp-1-test-app-token", "METRICS_PORT", "9500"))
                .slack().managementPort()).isEqualTo(9500);
    }

    @Test
    void fromEnv_httpModeWithMetricsOnTheSlackPort_isRefused() {
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "s", "PORT", "3000", "METRICS_PORT", "3000")))
                .hasMessageContaining("METRICS_PORT (3000) must differ from PORT in HTTP mode");
    }

    @Test
    void managementPortOf_isWhatTheHealthcheckCommandAsks() {
        assertThat(SlackSettings.managementPortOf(Map.of())).isEqualTo(9090);
        assertThat(SlackSettings.managementPortOf(Map.of("PORT", "4000"))).isEqualTo(9090);
        assertThat(SlackSettings.managementPortOf(Map.of("SLACK_APP_TOKEN", "xapp-1", "PORT", "4000"))).isEqualTo(4000);
        assertThat(SlackSettings.managementPortOf(Map.of("SLACK_APP_TOKEN", "xapp-1"))).isEqualTo(3000);
        assertThat(SlackSettings.managementPortOf(Map.of("METRICS_PORT", "9300", "PORT", "4000"))).isEqualTo(9300);
    }

    @Test
    void fromEnv_everythingWrong_listsEveryProblemAtOnce() {
        Map<String, String> env = Map.of(
                "SLACK_APP_TOKEN", "xoxb-wrong-kind", "PORT", "99999", "SLACK_API_URL", "slack.com/api",
                "ROLLOUT_POLL_INTERVAL", "soon", "DATABASE_URL", "mysql://x", "NCP_REGION", "MARS");

        assertThatThrownBy(() -> BotConfig.fromEnv(env)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).hasSize(7)
                        .anySatisfy(p -> assertThat(p).startsWith("SLACK_BOT_TOKEN is missing"))
                        .anySatisfy(p -> assertThat(p).startsWith("SLACK_APP_TOKEN must be"))
                        .anySatisfy(p -> assertThat(p).startsWith("PORT='99999'"))
                        .anySatisfy(p -> assertThat(p).startsWith("SLACK_API_URL="))
                        .anySatisfy(p -> assertThat(p).startsWith("ROLLOUT_POLL_INTERVAL:"))
                        .anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL must be"))
                        .anySatisfy(p -> assertThat(p).startsWith("NCP_REGION='MARS'")));
    }

    @Test
    void fromEnv_replicaSettings_defaultToA20sLeaseAndAProcessOfItsOwn() {
        BotConfig config = BotConfig.fromEnv(Map.of());

        assertThat(config.replica().lease()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.replica().instanceId()).isEmpty();
    }

    @Test
    void fromEnv_leaseAndInstanceId_areReadAndChecked() {
        BotConfig config = BotConfig.fromEnv(Map.of("ROLLOUT_LEASE", "5s", "ROLLOUT_INSTANCE_ID", "rollout-bot-1"));
        assertThat(config.replica()).isEqualTo(new BotConfig.ReplicaSettings(Duration.ofSeconds(5), java.util.Optional.of("rollout-bot-1")));

        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("ROLLOUT_LEASE", "1s", "ROLLOUT_INSTANCE_ID", "pod one; drop")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("ROLLOUT_LEASE (PT1S) must be at least 2s"))
                        .anySatisfy(p -> assertThat(p).startsWith("INSTANCE_ID must be")));
    }

    @Test
    void fromEnv_instanceId_isDesignsNameWithTheEarlierOneStillRead() {
        assertThat(BotConfig.fromEnv(Map.of("INSTANCE_ID", "rollout-bot-0")).replica().instanceId()).contains("rollout-bot-0");
        assertThat(BotConfig.fromEnv(Map.of("INSTANCE_ID", "pod-a", "ROLLOUT_INSTANCE_ID", "pod-a")).replica().instanceId()).contains("pod-a");

        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("INSTANCE_ID", "pod-a", "ROLLOUT_INSTANCE_ID", "pod-b")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("INSTANCE_ID='pod-a' and ROLLOUT_INSTANCE_ID='pod-b' differ: set INSTANCE_ID only"));
    }

    @Test
    void fromEnv_stallNotLongerThanPoll_isRefused() {
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("ROLLOUT_POLL_INTERVAL", "1m", "ROLLOUT_STALL_AFTER", "30s")))
                .hasMessageContaining("must be longer than ROLLOUT_POLL_INTERVAL");
    }

    @Test
    void fromEnv_unknownLogFormat_isRefusedRatherThanLoggingNothing() {
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("LOG_FORMAT", "xml"))).hasMessageContaining("LOG_FORMAT='xml' is not a log format");
    }

    @Test
    void fromEnv_apiUrlWithoutTrailingSlash_getsOne() {
        BotConfig config = BotConfig.fromEnv(Map.of("SLACK_API_URL", "http://127.0.0.1:9999/api"));

        assertThat(config.slack().apiUrl()).isEqualTo("http://127.0.0.1:9999/api/");
    }

    @Test
    void toString_hidesEverySecret() {
        BotConfig config = BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "sign-secret-value",
                "NCP_ACCESS_KEY", "AK", "NCP_SECRET_KEY", "ncp-secret-value"));

        assertThat(config.toString()).doesNotContain(BOT, "sign-secret-value", "ncp-secret-value");
    }

    @Test
    void fromEnv_reportsVariablesAndTheFilesProblems_together() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("botconfig");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "alias:\n  orders: orders-prod\nadmin: [U1ABC]\n");

        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("PORT", "abc", "ROLLOUT_POLL_INTERVAL", "banana", "ROLLOUT_CONFIG", file.toString())))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "PORT='abc' is not a port number (1-65535)",
                        "ROLLOUT_POLL_INTERVAL: 'banana' is not a duration: write e.g. 15s, 500ms, 2m, 1h or PT15S",
                        "ROLLOUT_CONFIG " + file + ":1: unknown key 'alias' — did you mean 'aliases'?",
                        "ROLLOUT_CONFIG " + file + ":3: unknown key 'admin' — did you mean 'admins'?"));
    }

    @Test
    void fromEnv_missingConfigFile_saysWhy_withTheOtherProblems() {
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("PORT", "abc", "ROLLOUT_CONFIG", "/nonexistent.yaml")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "PORT='abc' is not a port number (1-65535)",
                        "ROLLOUT_CONFIG /nonexistent.yaml: cannot be read: no such file"));
    }

    @Test
    void fromEnv_readsTheConfigFile_intoRules() {
        BotConfig config = BotConfig.fromEnv(Map.of("ROLLOUT_CONFIG", "rules.yaml"),
                path -> RolloutConfigFile.parse("aliases:\n  orders: orders-prod\n", path.toString()));

        assertThat(config.rules().resolveAlias("orders")).isEqualTo("orders-prod");
        assertThat(BotConfig.fromEnv(Map.of()).rules()).isEqualTo(RolloutConfigFile.empty());
    }
}
