package io.ncprollout.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.health.KafkaSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's client settings reach a real SASL/PLAIN listener (Kafka's test kit: one controller, one broker, both
 * SASL_PLAINTEXT): the right credentials read the cluster, a wrong password is refused in the user's words, within the
 * timeout, and the password shows nowhere in the message.
 */
class KafkaSaslGateIT {
    private static final String WRONG_PASSWORD = "not-the-" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;

    @TempDir
    static Path dir;

    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setNumControllerNodes(1).setNumBrokerNodes(1).setBaseDirectory(dir)
                .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT).setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT).build();
        cluster = new KafkaClusterTestKit.Builder(nodes).build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic("audit", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        // the test kit points the JVM's JAAS file at its own, which close() deleted
        System.clearProperty(org.apache.kafka.common.security.JaasUtils.JAVA_LOGIN_CONFIG_PARAM);
    }

    @Test
    void theRightCredentialsReadTheCluster() throws Exception {
        KafkaSnapshot seen = new KafkaAdminProbe().read(target(JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD, Duration.ofSeconds(10)));

        assertThat(seen.brokers()).hasSize(1);
        assertThat(seen.partitions()).filteredOn(p -> p.topic().equals("audit")).hasSize(2).allSatisfy(p -> assertThat(p.leader()).isPresent());
    }

    @Test
    void aWrongPasswordIsRefusedInTheUsersWordsWithoutThePassword() {
        KafkaTarget target = target(WRONG_PASSWORD, Duration.ofSeconds(5));

        long start = System.nanoTime();
        assertThatThrownBy(() -> new KafkaAdminProbe().read(target)).isInstanceOf(ProbeException.class)
                .hasMessage("Kafka at " + cluster.bootstrapServers() + " refused the credentials (SASL authentication failed)").hasNoCause();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    private static KafkaTarget target(String password, Duration timeout) {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\""
                + password + "\";";
        return new KafkaTarget(cluster.bootstrapServers(), Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config", jaas),
                timeout);
    }
}
