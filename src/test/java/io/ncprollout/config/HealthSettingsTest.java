package io.ncprollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthSettingsTest {
    private static final String DESIGN = """
            health:
              kafka:
                - clusters: ["orders-*"]
                  bootstrap: auto
                  security: { protocol: PLAINTEXT }
                  maxUnderReplicated: 0
              opensearch:
                - clusters: ["search-*"]
                  endpoint: auto
                  username_env: OPENSEARCH_USER
                  password_env: OPENSEARCH_PASSWORD
                  require: green
            """;

    @Test
    void theDesignExample_readsBothGates() {
        HealthSettings health = RolloutConfigFile.parse(DESIGN, "rollout.yaml").health();

        HealthSettings.KafkaGate kafka = health.kafka().get(0);
        assertThat(kafka.clusters()).containsExactly("orders-*");
        assertThat(kafka.auto()).isTrue();
        assertThat(kafka.security().protocol()).isEqualTo("PLAINTEXT");
        assertThat(kafka.maxUnderReplicated()).isZero();
        assertThat(kafka.timeout()).isEqualTo(HealthSettings.DEFAULT_TIMEOUT);
        HealthSettings.SearchGate search = health.opensearch().get(0);
        assertThat(search.auto()).isTrue();
        assertThat(search.usernameEnv()).contains("OPENSEARCH_USER");
        assertThat(search.passwordEnv()).contains("OPENSEARCH_PASSWORD");
        assertThat(search.require()).isEqualTo("green");
    }

    @Test
    void explicitEndpoints_saslAndTimeouts_areRead() {
        String yaml = """
                health:
                  kafka:
                    - clusters: ["pay-*"]
                      bootstrap: "10.0.0.1:9093, 10.0.0.2:9093"
                      security: { protocol: sasl_ssl, mechanism: SCRAM-SHA-512, username_env: KAFKA_USER, password_env: KAFKA_PASSWORD, truststore: /etc/ca.pem }
                      maxUnderReplicated: 2
                      timeout: 5s
                  opensearch:
                    - clusters: ["logs"]
                      endpoint: https://10.0.1.5:9200/
                      ca: /etc/os-ca.pem
                      require: yellow
                """;

        HealthSettings health = RolloutConfigFile.parse(yaml, "rollout.yaml").health();

        HealthSettings.KafkaGate kafka = health.kafka().get(0);
        assertThat(kafka.bootstrap()).containsExactly("10.0.0.1:9093", "10.0.0.2:9093");
        assertThat(kafka.security().protocol()).isEqualTo("SASL_SSL");
        assertThat(kafka.security().mechanism()).contains("SCRAM-SHA-512");
        assertThat(kafka.security().truststore()).contains(Path.of("/etc/ca.pem"));
        assertThat(kafka.maxUnderReplicated()).isEqualTo(2);
        assertThat(kafka.timeout()).isEqualTo(Duration.ofSeconds(5));
        HealthSettings.SearchGate search = health.opensearch().get(0);
        assertThat(search.endpoints()).containsExactly(URI.create("https://10.0.1.5:9200"));
        assertThat(search.ca()).contains(Path.of("/etc/os-ca.pem"));
        assertThat(search.usernameEnv()).isEqualTo(Optional.empty());
        assertThat(search.require()).isEqualTo("yellow");
    }

    @Test
    void mistakes_areEachNamedWithTheirPlace() {
        String yaml = """
                health:
                  kafka:
                    - bootstrap: "broker-without-port"
                      security: { protocol: SASL_SSL, password_env: "hunter2!" }
                      maxUnderReplicated: -1
                      timeout: 5m
                  opensearch:
                    - clusters: ["logs"]
                      endpoint: ftp://x
                      username_env: OS_USER
                      require: red
                """;

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml")).isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).contains("health.kafka[0].clusters is missing"))
                .anySatisfy(p -> assertThat(p).contains("'broker-without-port' is not host:port"))
                .anySatisfy(p -> assertThat(p).contains("health.kafka[0].security.mechanism: SASL needs one of"))
                .anySatisfy(p -> assertThat(p).contains("SASL needs username_env and password_env"))
                .anySatisfy(p -> assertThat(p).contains("password_env: not the name of an environment variable (value not shown)"))
                .allSatisfy(p -> assertThat(p).doesNotContain("hunter2"))
                .anySatisfy(p -> assertThat(p).contains("maxUnderReplicated: -1 is negative"))
                .anySatisfy(p -> assertThat(p).contains("timeout: 5m is not between 1s and 30s"))
                .anySatisfy(p -> assertThat(p).contains("'ftp://x' is not an https://host:port URL"))
                .anySatisfy(p -> assertThat(p).contains("give both username_env and password_env, or neither"))
                .anySatisfy(p -> assertThat(p).contains("'red' is not green or yellow")));
    }

    @Test
    void unknownKey_inAGate_saysWhichWasMeant() {
        String yaml = "health:\n  kafka:\n    - clusters: [\"a\"]\n      maxUnderReplicate: 1\n";

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml"))
                .hasMessageContaining("rollout.yaml:4: unknown key 'maxUnderReplicate'").hasMessageContaining("did you mean 'maxUnderReplicated'?");
    }

    @Test
    void secretsTheFileNames_areReadFromTheEnvironment_andAMissingOneStopsTheStart() {
        RolloutConfigFile file = RolloutConfigFile.parse(DESIGN, "rollout.yaml");
        Map<String, String> env = Map.of("ROLLOUT_CONFIG", "/x/rollout.yaml", "OPENSEARCH_USER", "bot", "OPENSEARCH_PASSWORD", "s3cret-value");

        BotConfig config = BotConfig.fromEnv(env, path -> file);
        assertThat(config.secrets().get("OPENSEARCH_PASSWORD")).contains("s3cret-value");
        assertThat(config.secrets().toString()).isEqualTo("Secrets[OPENSEARCH_PASSWORD, OPENSEARCH_USER]");
        assertThat(config.toString()).doesNotContain("s3cret-value");

        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("ROLLOUT_CONFIG", "/x/rollout.yaml", "OPENSEARCH_USER", "bot"), path -> file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "ROLLOUT_CONFIG health.opensearch[0].password_env names the environment variable OPENSEARCH_PASSWORD, which is not set"));
        assertThat(List.of(HealthSettings.none().isEmpty(), file.health().isEmpty())).containsExactly(true, false);
    }
}
