package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.ncprollout.health.KafkaAdminProbe;
import io.ncprollout.health.KafkaTarget;
import io.ncprollout.health.ProbeException;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.KafkaSnapshot;
import io.ncprollout.rollout.health.KafkaVerdicts;
import io.ncprollout.testing.BotHarness;
import io.ncprollout.testing.KraftCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka health gate as users meet it: the real Bolt app with signed requests, the NCP simulator's demo-kafka,
 * and its gate pointed (configuration file, {@code health:} section) at a real KRaft cluster in this JVM. A healthy
 * cluster passes in the modal; with a broker down, a reader gets only Close and the partitions named, while an admin
 * ticks "start anyway", which starts once and is audited; during the roll the progress reply follows the data after
 * each broker comes back (overtaken while the Kafka broker is still down, caught up once it is back).
 */
class HealthGateFlowIT {
    private static final String READER = "U0READER";
    private static final String ADMIN = "U0ADMIN";

    @TempDir
    static Path kafkaDir;

    @TempDir
    Path dir;

    private static KraftCluster kafka;
    private BotHarness bot;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KraftCluster.start(kafkaDir, List.of("orders", "payments"));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void stopBot() throws Exception {
        if (bot != null) {
            bot.close();
        }
    }

    private BotHarness botWithGate() throws Exception {
        Path rules = dir.resolve("rollout.yaml");
        Files.writeString(rules, """
                permissions:
                  - services: [kafka]
                    actions: [restart]
                    clusters: ["demo-*"]
                    users: [%s, %s]
                admins: [%s]
                health:
                  kafka:
                    - clusters: ["demo-kafka"]
                      bootstrap: "%s"
                      security: { protocol: PLAINTEXT }
                      maxUnderReplicated: 0
                      timeout: 5s
                """.formatted(READER, ADMIN, ADMIN, kafka.bootstrap()));
        return BotHarness.start(Map.of("ROLLOUT_CONFIG", rules.toString()), Duration.ofSeconds(30));
    }

    private String openRestart(String user) throws Exception {
        bot.command("/kafka", "restart demo-kafka", user, "C1");
        bot.runWork();
        return bot.lastView().toString();
    }

    @Test
    void healthyPasses_brokerDownRefusesAReader_adminStartsAnyway_andTheThreadFollowsTheData() throws Exception {
        bot = botWithGate();

        String healthy = openRestart(READER);
        assertThat(healthy).contains("Kafka health gate passed:* brokers 3").contains("under-replicated 0").contains("\"submit\"")
                .doesNotContain("start-anyway");

        int stopped = kafka.stopOneBroker();
        try {
            awaitReal(() -> {
                try {
                    return openRestart(READER).contains("has no replica to spare");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the gate failing with the broker down");
            JsonObject refused = bot.lastView();
            assertThat(refused.has("submit")).isFalse();
            assertThat(refused.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Health gate failed");
            assertThat(refused.toString()).contains("Kafka health gate failed").contains("`orders-0` has no replica to spare")
                    .contains("broker " + stopped + " is not registered").contains("an admin may start anyway");

            // the admin sees the box, and the form cannot start without it
            assertThat(openRestart(ADMIN)).contains("\"block_id\":\"start-anyway\"").contains("Start anyway: I am an admin");
            bot.submitView(Map.of("confirm-name", "demo-kafka", "reason", "broker disk swap", "start-anyway", "checked"), ADMIN);
            bot.runWork();
            assertThat(bot.simulator().journal().starts("demo-kafka")).isEqualTo(1);
            List<AuditEvent> trail = bot.storage.audit().latest(Optional.empty(), 50);
            assertThat(trail).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("start-anyway");
                assertThat(e.actor()).isEqualTo(ADMIN);
                assertThat(e.detail()).contains("failed").contains("orders-").contains("broker disk swap");
            });

            // the first simulated broker comes back while the Kafka broker is still down: its data cannot catch up
            // (NCP takes the next broker down as soon as one is back: the first is overtaken with its partitions lagging)
            pollUntil(() -> progress().contains("the next broker went down with 6 partitions still under-replicated"),
                    "the first broker's catch-up followed");
        } finally {
            kafka.restartBroker(stopped);
        }
        awaitReal(HealthGateFlowIT::kafkaHealthy, "the cluster healthy again");
        pollUntil(() -> finalMessage().isPresent(), "the end of the roll");

        // the final summary keeps every broker's catch-up: the first overtaken, the later ones caught up on a healthy cluster
        String last = finalMessage().orElseThrow();
        assertThat(last).contains("the next broker went down with 6 partitions still under-replicated").contains("partitions caught up in");
        assertThat(bot.simulator().journal().starts("demo-kafka")).isEqualTo(1);
    }

    private static boolean kafkaHealthy() {
        try {
            KafkaSnapshot seen = new KafkaAdminProbe().read(new KafkaTarget(kafka.bootstrap(), Map.of(), Duration.ofSeconds(5)));
            return KafkaVerdicts.judge(seen, 0, 3).verdict() == GateReport.Verdict.PASSED;
        } catch (ProbeException e) {
            return false;
        }
    }

    private String progress() {
        List<String> all = allProgress();
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }

    private List<String> allProgress() {
        return bot.slack.calls("chat.update").stream().map(c -> c.param("blocks")).toList();
    }

    private Optional<String> finalMessage() {
        return bot.slack.calls("chat.postMessage").stream().filter(c -> "1".equals(c.param("reply_broadcast"))).map(c -> c.param("text") + c.param("blocks"))
                .reduce((a, b) -> b);
    }

    private void pollUntil(BooleanSupplier done, String what) {
        for (int i = 0; i < 80; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            bot.poll(1);
            bot.runWork(); // the look at the data the poll asked for (it runs off the poll thread)
        }
        throw new AssertionError("no " + what + " within 80 polls; last progress: " + progress());
    }

    /** Waits in real time: the Kafka cluster runs on the wall clock, unlike the bot's. */
    private static void awaitReal(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no " + what + " within 40 s");
    }
}
