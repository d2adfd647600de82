package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.Storage;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.store.DatabaseSettings;
import io.ncprollout.store.EmbeddedPostgresServer;
import io.ncprollout.store.LeaseClock;
import io.ncprollout.testing.BotHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surviving restarts and replicas: the bot's state is in the database, and the database decides who does what. */
class DurabilityIT {
    @TempDir
    Path dir;

    @Test
    void crash_aNewInstanceOnTheSameStoreFinishesTheSameThread() throws Exception {
        try (Storage storage = Storage.open(DatabaseSettings.embedded(dir));
                BotHarness first = BotHarness.on(storage)) {
            first.command("/kafka", "restart demo-kafka", "U1", "C1");
            first.runWork();
            first.submitConfirmation("demo-kafka", "patch", "U1");
            first.runWork();
            first.poll(2);
            String parentTs = parentTs(first.slack);

            // the first process dies here, without a shutdown: its leases simply run out. Meanwhile the roll
            // finishes at NCP (3 brokers × 30 s), so the new process must also deliver the final message.
            first.clock.advance(Duration.ofMinutes(2));
            BotHarness second = first.replica();
            second.poll(20);

            List<FakeSlackWebApi.Call> posts = first.slack.calls("chat.postMessage");
            assertThat(posts.stream().filter(p -> p.param("thread_ts").isEmpty())).hasSize(1);
            assertThat(posts.stream().filter(p -> !p.param("thread_ts").isEmpty())).allSatisfy(p -> assertThat(p.param("thread_ts")).isEqualTo(parentTs));
            assertThat(posts).filteredOn(p -> p.param("text").contains("resumed")).hasSize(1);
            assertThat(posts).filteredOn(p -> p.param("reply_broadcast").equals("1"))
                    .singleElement().satisfies(p -> assertThat(p.param("text").toLowerCase()).contains("completed"));
            assertThat(first.simulator().journal().count("rollingRestart")).isEqualTo(1);
        }
    }

    @Test
    void twentyConcurrentSubmissions_forOneCluster_startExactlyOnce() throws Exception {
        try (Storage storage = Storage.open(DatabaseSettings.embedded(dir));
                BotHarness bot = BotHarness.on(storage)) {
            bot.command("/kafka", "restart demo-kafka", "U1", "C1");
            bot.runWork();
            for (int i = 0; i < 20; i++) {
                bot.submitConfirmation("demo-kafka", "double click " + i, "U" + i);
            }

            bot.work.runAllConcurrently();

            assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(1);
            assertThat(bot.slack.calls("chat.postMessage").stream().filter(p -> p.param("thread_ts").isEmpty())).hasSize(1);
            assertThat(storage.rollouts().active()).hasSize(1);
        }
    }

    @Test
    void twoReplicasOnPostgres_eachRolloutIsPolledByOneAndTakenOverWhenItDies() throws Exception {
        // lease times on the harness's clock, which the test moves (the database's clock would not move)
        try (Storage storage = Storage.open(EmbeddedPostgresServer.newDatabase(), LeaseClock.CALLER);
                BotHarness a = BotHarness.on(storage)) {
            BotHarness b = a.replica();
            a.command("/kafka", "restart demo-kafka", "U1", "C1");
            a.runWork();
            a.submitConfirmation("demo-kafka", "patch", "U1");
            a.runWork();

            long before = a.simulator().journal().count("rollingRestartProgressCheck");
            a.clock.advance(BotHarness.POLL);
            a.bot.poller().pollOnce();
            b.bot.poller().pollOnce();
            assertThat(a.simulator().journal().count("rollingRestartProgressCheck")).isEqualTo(before + 1);

            // replica a stops polling and its heartbeat stops (it died); b takes the rollout over once a's lease
            // (ROLLOUT_LEASE, 20 s by default) has run out
            a.clock.advance(Duration.ofSeconds(10));
            b.bot.poller().pollOnce();
            long afterTakeoverAttempt = a.simulator().journal().count("rollingRestartProgressCheck");
            assertThat(afterTakeoverAttempt).isEqualTo(before + 1);
            a.clock.advance(Duration.ofSeconds(15));
            b.poll(20);

            assertThat(a.simulator().journal().count("rollingRestartProgressCheck")).isGreaterThan(afterTakeoverAttempt);
            assertThat(storage.rollouts().active()).isEmpty();
            assertThat(a.slack.calls("chat.postMessage")).filteredOn(p -> p.param("reply_broadcast").equals("1")).hasSize(1);
        }
    }

    private static String parentTs(FakeSlackWebApi slack) {
        return slack.calls("chat.postMessage").get(1).param("thread_ts");
    }
}
