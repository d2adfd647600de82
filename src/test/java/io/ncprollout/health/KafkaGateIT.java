package io.ncprollout.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.GateReport.Finding;
import io.ncprollout.rollout.health.GateReport.Finding.Kind;
import io.ncprollout.rollout.health.KafkaSnapshot;
import io.ncprollout.rollout.health.KafkaVerdicts;
import io.ncprollout.testing.KraftCluster;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka gate against a real cluster: Kafka's own KRaft test kit runs one controller and three brokers in this JVM
 * (log dirs under a temp dir), with two topics of three partitions, replication factor 3 and
 * {@code min.insync.replicas=2}. Through {@link KafkaAdminProbe} and {@link KafkaVerdicts}: healthy passes, one broker
 * down fails naming the partitions and the broker, the broker back passes again; and a port where nothing listens fails
 * within the timeout, naming the bootstrap.
 */
class KafkaGateIT {
    private static final List<String> TOPICS = List.of("orders", "payments");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    static Path dir;

    private static KraftCluster cluster;

    private final KafkaAdminProbe probe = new KafkaAdminProbe();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = KraftCluster.start(dir, TOPICS);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void passesHealthyFailsWithABrokerDownAndPassesWhenItIsBack() throws Exception {
        KafkaTarget target = new KafkaTarget(cluster.bootstrap(), Map.of(), PROBE_TIMEOUT);

        GateReport healthy = waitFor(target, r -> r.verdict() == GateReport.Verdict.PASSED, "a passing gate on the healthy cluster");
        assertThat(healthy.figure("brokers")).contains("3");
        assertThat(healthy.figure("underReplicated")).contains("0");
        assertThat(healthy.figure("partitions").map(Integer::parseInt)).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(6));
        KafkaSnapshot seen = probe.read(target);
        assertThat(seen.controller()).isPresent();
        assertThat(seen.partitions()).filteredOn(p -> TOPICS.contains(p.topic())).hasSize(6).allSatisfy(p -> {
            assertThat(p.replicas()).hasSize(3);
            assertThat(p.isr()).hasSize(3);
            assertThat(p.leader()).isPresent();
            assertThat(p.minInsync()).hasValue(2);
        });

        int stopped = cluster.stopOneBroker();

        GateReport down = waitFor(target, r -> r.verdict() == GateReport.Verdict.FAILED && r.figure("brokers").equals(java.util.Optional.of("2"))
                && atMinIsr(r).containsAll(partitionNames()), "a failing gate naming all six partitions at min ISR");
        assertThat(down.findings()).isGreaterThanOrEqualTo(7);
        assertThat(down.worst()).contains(new Finding(Kind.BROKER_MISSING, "broker " + stopped, ""));
        assertThat(down.worst().get(0).kind()).isEqualTo(Kind.BROKER_MISSING);
        assertThat(down.worst()).filteredOn(f -> f.kind() == Kind.AT_MIN_ISR && f.subject().equals("orders-0")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("min.insync.replicas 2").contains("of [").doesNotContain("isr [" + stopped));
        assertThat(down.figure("underReplicated").map(Integer::parseInt)).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(6));

        cluster.restartBroker(stopped);

        GateReport back = waitFor(target, r -> r.verdict() == GateReport.Verdict.PASSED, "a passing gate once the broker is back in every ISR");
        assertThat(back.figure("brokers")).contains("3");
        assertThat(back.figure("underReplicated")).contains("0");
        assertThat(back.figure("atMinIsr")).contains("0");
    }

    @Test
    void aPortWhereNothingListensFailsWithinTheTimeoutNamingTheBootstrap() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String bootstrap = "127.0.0.1:" + port;
        KafkaTarget target = new KafkaTarget(bootstrap, Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"bot\" password=\"s3cr3t-pw\";"),
                Duration.ofSeconds(3));

        long start = System.nanoTime();
        assertThatThrownBy(() -> probe.read(target)).isInstanceOf(ProbeException.class)
                .hasMessage("Kafka at " + bootstrap + " did not answer within 3s (describeCluster)").hasNoCause();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofSeconds(8));
    }

    private GateReport waitFor(KafkaTarget target, Predicate<GateReport> done, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        GateReport last = null;
        ProbeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = KafkaVerdicts.judge(probe.read(target), 0, 3);
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (ProbeException e) {
                lastError = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + what + " within " + WAIT + "; last report " + last + (lastError == null ? "" : ", last error " + lastError));
    }

    private static List<String> atMinIsr(GateReport report) {
        return report.worst().stream().filter(f -> f.kind() == Kind.AT_MIN_ISR).map(Finding::subject).toList();
    }

    private static List<String> partitionNames() {
        List<String> names = new ArrayList<>();
        TOPICS.forEach(t -> {
            for (int p = 0; p < 3; p++) {
                names.add(t + "-" + p);
            }
        });
        return names;
    }
}
