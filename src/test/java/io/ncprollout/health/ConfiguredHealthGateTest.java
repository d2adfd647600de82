package io.ncprollout.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.config.HealthSettings;
import io.ncprollout.config.RolloutConfigFile;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.KafkaSnapshot;
import io.ncprollout.rollout.health.SearchSnapshot;
import io.ncprollout.rollout.operation.DataEndpoints;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.Observations;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredHealthGateTest {
    private static final ClusterRef ORDERS = new ClusterRef(Product.KAFKA, "100", "orders-prod", "KR");
    private static final ClusterRef PAYMENTS = new ClusterRef(Product.KAFKA, "101", "payments-prod", "KR");
    private static final ClusterRef SEARCH = new ClusterRef(Product.OPENSEARCH, "200", "search-prod", "KR");
    private static final String YAML = """
            health:
              kafka:
                - clusters: ["orders-*"]
                  bootstrap: auto
                  security: { protocol: SASL_SSL, mechanism: SCRAM-SHA-512, username_env: KAFKA_USER, password_env: KAFKA_PASSWORD }
                  maxUnderReplicated: 0
                  timeout: 3s
              opensearch:
                - clusters: ["search-*"]
                  endpoint: auto
                  username_env: OS_USER
                  password_env: OS_PASSWORD
                  require: green
            """;

    private final HealthSettings settings = RolloutConfigFile.parse(YAML, "rollout.yaml").health();
    private final FakeOperationsApi api = new FakeOperationsApi(Observations.cluster("running").broker("b-1", "green").build());
    private final List<KafkaTarget> kafkaTargets = new ArrayList<>();
    private final List<SearchTarget> searchTargets = new ArrayList<>();
    private final Map<String, String> env = Map.of("KAFKA_USER", "bot", "KAFKA_PASSWORD", "pa\"ss", "OS_USER", "osbot", "OS_PASSWORD", "os-secret");

    private ConfiguredHealthGate gate(KafkaProbe kafka, SearchProbe search) {
        return new ConfiguredHealthGate(settings, api, kafka, search, name -> Optional.ofNullable(env.get(name)));
    }

    private KafkaProbe healthyKafka() {
        return target -> {
            kafkaTargets.add(target);
            return new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 2, 3), List.of());
        };
    }

    private SearchProbe search(String status) {
        return target -> {
            searchTargets.add(target);
            return new SearchSnapshot(status, 3, 3, 0, 0, 0);
        };
    }

    @Test
    void kafkaAuto_asksNcpForTheTlsListeners_andPassesSaslFromTheEnvironment() {
        api.endpointsAnswer(new DataEndpoints(List.of("b1:9092", "b2:9092"), List.of("b1:9093", "b2:9093"), 3));

        GateReport report = gate(healthyKafka(), search("green")).check(ORDERS);

        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.PASSED);
        KafkaTarget target = kafkaTargets.get(0);
        assertThat(target.bootstrap()).isEqualTo("b1:9093,b2:9093");
        assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(target.clientProperties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"bot\" password=\"pa\\\"ss\";");
        assertThat(target.toString()).doesNotContain("pa\\\"ss").doesNotContain("pa\"ss");
    }

    @Test
    void ncpsAddresses_areReused_betweenChecks() {
        api.endpointsAnswer(new DataEndpoints(List.of("b1:9092"), List.of("b1:9093"), 3));
        ConfiguredHealthGate gate = gate(healthyKafka(), search("green"));

        gate.check(ORDERS);
        gate.check(ORDERS);

        assertThat(api.count("endpoints")).isEqualTo(1);
        assertThat(kafkaTargets).hasSize(2);
    }

    @Test
    void clusterNoRuleCovers_hasNoGate_andNothingIsCalled() {
        assertThat(gate(healthyKafka(), search("green")).check(PAYMENTS)).isEqualTo(GateReport.off());
        assertThat(kafkaTargets).isEmpty();
        assertThat(api.calls).isEmpty();
    }

    @Test
    void probeFailure_isUnreachableWithItsReason() {
        api.endpointsAnswer(new DataEndpoints(List.of("b1:9092"), List.of("b1:9093"), 3));
        KafkaProbe down = target -> {
            throw new ProbeException("Kafka at b1:9093 did not answer within 3s");
        };

        GateReport report = gate(down, search("green")).check(ORDERS);

        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.UNREACHABLE);
        assertThat(report.blocks()).isTrue();
        assertThat(report.error()).isEqualTo("Kafka at b1:9093 did not answer within 3s");
    }

    @Test
    void ncpListsNoBroker_orCannotSay_isUnreachableSayingSo() {
        api.endpointsAnswer(new DataEndpoints(List.of(), List.of(), 0));
        assertThat(gate(healthyKafka(), search("green")).check(ORDERS).error()).contains("NCP lists no TLS broker address for orders-prod");

        api.endpointsFail(new OperationsException(OperationsException.Reason.UNAVAILABLE, "NCP answered 503"));
        GateReport report = gate(healthyKafka(), search("green")).check(ORDERS);
        assertThat(report.error()).isEqualTo("NCP did not say where its brokers are: NCP answered 503");
    }

    @Test
    void openSearchAuto_triesEveryNodeOverHttps_withTheCredentials_andJudgesTheStatus() {
        api.endpointsAnswer(new DataEndpoints(List.of("10.0.0.5:9200", "10.0.0.6:9200"), List.of("10.0.0.5:9200", "10.0.0.6:9200"), 2));

        GateReport report = gate(healthyKafka(), search("yellow")).check(SEARCH);

        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.FAILED);
        SearchTarget target = searchTargets.get(0);
        assertThat(target.endpoints()).containsExactly(URI.create("https://10.0.0.5:9200"), URI.create("https://10.0.0.6:9200"));
        assertThat(target.username()).contains("osbot");
        assertThat(target.password()).contains("os-secret");
        assertThat(target.toString()).doesNotContain("os-secret");
    }

    @Test
    void aSecretNotInTheEnvironment_isUnreachableNamingTheVariableNotAValue() {
        api.endpointsAnswer(new DataEndpoints(List.of("b1:9092"), List.of("b1:9093"), 3));
        GateReport report = new ConfiguredHealthGate(settings, api, healthyKafka(), search("green"), name -> Optional.empty()).check(ORDERS);

        assertThat(report.error()).isEqualTo("the environment variable KAFKA_USER (the gate's username_env) is not set");
    }

    @Test
    void aProbeThatThrowsUnexpectedly_isACheckThatCouldNotLook_withoutItsMessage() {
        api.endpointsAnswer(new DataEndpoints(List.of("b1:9092"), List.of("b1:9093"), 3));
        KafkaProbe broken = target -> {
            throw new IllegalStateException("password=" + env.get("KAFKA_PASSWORD"));
        };

        GateReport report = gate(broken, search("green")).check(ORDERS);

        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.UNREACHABLE);
        assertThat(report.error()).isEqualTo("the check failed unexpectedly (IllegalStateException); see the bot's log").doesNotContain("pa\"ss");
    }

    @Test
    void aProbeThatHangs_isCutAtTheTimeoutPlusTheSlack() throws Exception {
        HealthSettings quick = RolloutConfigFile.parse(YAML.replace("timeout: 3s", "timeout: 1s"), "rollout.yaml").health();
        api.endpointsAnswer(new DataEndpoints(List.of("b1:9092"), List.of("b1:9093"), 3));
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        KafkaProbe hangs = target -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ProbeException("interrupted");
        };

        long start = System.nanoTime();
        GateReport report = new ConfiguredHealthGate(quick, api, hangs, search("green"), name -> Optional.ofNullable(env.get(name))).check(ORDERS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1).plus(ConfiguredHealthGate.SLACK).plusSeconds(2));
        assertThat(report.error()).isEqualTo("no answer within 4s (NCP's address lookup and the gate's check together)");
    }

    @Test
    void jaasQuoting_escapesBackslashAndQuote() throws ProbeException {
        assertThat(KafkaClientSettings.quoted("a\\b\"c")).isEqualTo("a\\\\b\\\"c");
        assertThat(KafkaClientSettings.of(HealthSettings.KafkaSecurity.plaintext(), name -> Optional.empty()))
                .containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
        assertThatThrownBy(() -> new KafkaTarget("x:1", Map.of(), null)).isInstanceOf(NullPointerException.class);
    }
}
