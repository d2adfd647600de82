package io.ncprollout.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.junit.jupiter.api.Test;

/** The probe's client settings and its words for failures, without a cluster (KafkaGateIT has the real one). */
class KafkaAdminProbeTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"bot\" password=\"pa55-w0rd\";";
    private static final KafkaTarget TARGET = new KafkaTarget("10.0.0.5:9092,10.0.0.6:9092",
            Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS, "ssl.truststore.password", "trust-me",
                    "client.id", "someone-else", "bootstrap.servers", "elsewhere:9092"),
            Duration.ofSeconds(10));

    @Test
    void theClientGetsTheTargetsSettingsWithTheBootstrapClientIdAndTimeoutsItCannotOverride() {
        Properties props = KafkaAdminProbe.config(TARGET);

        assertThat(props.getProperty("client.id")).matches("ncp-rollout-bot-health-\\d+").isNotEqualTo(KafkaAdminProbe.config(TARGET).getProperty("client.id"));
        assertThat(props).containsEntry("bootstrap.servers", "10.0.0.5:9092,10.0.0.6:9092")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("request.timeout.ms", "10000").containsEntry("default.api.timeout.ms", "10000")
                .containsEntry("socket.connection.setup.timeout.ms", "10000").containsEntry("socket.connection.setup.timeout.max.ms", "10000");
    }

    @Test
    void aShortTimeoutBoundsTheConnectionSetupToo() {
        Properties props = KafkaAdminProbe.config(new KafkaTarget("k:9092", Map.of(), Duration.ofMillis(2500)));

        assertThat(props).containsEntry("request.timeout.ms", "2500").containsEntry("socket.connection.setup.timeout.ms", "2500")
                .containsEntry("socket.connection.setup.timeout.max.ms", "2500");
    }

    @Test
    void failuresNameTheBootstrapAndTheCallAndNeverASecret() {
        KafkaProbeFailures failures = new KafkaProbeFailures(TARGET);
        String bootstrap = "10.0.0.5:9092,10.0.0.6:9092";

        assertThat(failures.timedOut("describeCluster")).hasMessage("Kafka at " + bootstrap + " did not answer within 10s (describeCluster)");
        assertThat(failures.failed("listTopics", new TimeoutException("Timed out waiting for a node assignment.")))
                .hasMessage("Kafka at " + bootstrap + " did not answer within 10s (listTopics)");
        assertThat(failures.failed("describeCluster", new SaslAuthenticationException("Authentication failed for user bot with password pa55-w0rd")))
                .hasMessage("Kafka at " + bootstrap + " refused the credentials (SASL authentication failed)").hasNoCause();
        assertThat(failures.failed("describeCluster", new ClusterAuthorizationException("Cluster authorization failed.")))
                .hasMessage("Kafka at " + bootstrap + " does not allow this user to describeCluster (an ACL is missing)");
        assertThat(failures.failed("describeTopics", new UnknownServerException("bad config " + JAAS + " and trust-me")))
                .hasMessage("Kafka at " + bootstrap + " failed describeTopics: UnknownServerException: bad config *** and ***").hasNoCause();
        assertThat(failures.mask("password=\"pa55-w0rd\"")).isEqualTo("password=\"***\"");
    }

    @Test
    void durationsReadAsSecondsOrMilliseconds() {
        assertThat(KafkaProbeFailures.text(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(KafkaProbeFailures.text(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void aBootstrapKafkaCannotParseFailsAtOnceNamingIt() {
        KafkaTarget target = new KafkaTarget("not-a-host-port", Map.of("sasl.jaas.config", JAAS), Duration.ofSeconds(5));

        assertThatThrownBy(() -> new KafkaAdminProbe().read(target)).isInstanceOf(ProbeException.class)
                .hasMessageStartingWith("Kafka client for not-a-host-port could not start: ").hasMessageNotContaining("pa55-w0rd").hasNoCause();
    }
}
