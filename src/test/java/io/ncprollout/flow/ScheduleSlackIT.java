package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.testing.BotHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled runs through the real Bolt app, the fake Slack Web API and the in-process simulator: a run stored for ten
 * minutes ahead is reminded of at the next poll cycle with a Cancel button; a signed click by its requester cancels it,
 * so nothing starts when its time comes. And, to show that the absence of a start means something, a run nobody
 * cancels does start at its time.
 */
class ScheduleSlackIT {
    private static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "10178538", "demo-kafka", "KR");
    /** U0ALICE may restart, and nobody is an admin: U0EVE may not cancel her run (on the open simulator policy everybody could). */
    private static final String ALICE_MAY_RESTART = """
            permissions:
              - services: [kafka]
                actions: [restart]
                clusters: ["*"]
                users: [U0ALICE]
            """;

    @TempDir
    Path dir;
    private BotHarness bot;

    @BeforeEach
    void setUp() throws Exception {
        Path file = dir.resolve("rollout.yaml");
        Files.writeString(file, ALICE_MAY_RESTART);
        bot = BotHarness.withEnv(Map.of("ROLLOUT_CONFIG", file.toString()));
    }

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
    }

    private ScheduledRun storeRunInTenMinutes() {
        ScheduledRun run = ScheduledRun.pending("run-1", new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), "U0ALICE", "patch day"),
                "C1", bot.clock.instant().plus(Duration.ofMinutes(10)), ZoneId.of("Asia/Seoul"), bot.clock.instant());
        assertThat(bot.storage.schedules().create(run)).isTrue();
        return run;
    }

    private List<FakeSlackWebApi.Call> posts() {
        return bot.slack.calls("chat.postMessage");
    }

    @Test
    void theRequesterCancelsFromTheReminder_theReminderSaysSo_andNothingStartsAtItsTime() throws Exception {
        storeRunInTenMinutes();

        // the next poll cycle posts the reminder, at short notice (ten minutes ahead), with its Cancel button
        bot.poll(1);
        FakeSlackWebApi.Call reminder = posts().get(0);
        assertThat(posts()).hasSize(1);
        assertThat(reminder.param("channel")).isEqualTo("C1");
        assertThat(reminder.param("blocks")).contains("Soon", "demo-kafka", "@U0ALICE", "schedule-cancel", "\"value\":\"run-1\"");
        String ts = bot.storage.schedules().find("run-1").orElseThrow().reminderTs().orElseThrow();

        // someone else's click is refused to them alone, and the run still waits
        bot.press("schedule-cancel", "run-1", "U0EVE", "C1");
        bot.runWork();
        assertThat(bot.slack.calls("response_url")).singleElement().satisfies(c -> assertThat(c.param("json")).contains("Only the person who scheduled it"));
        assertThat(bot.storage.schedules().find("run-1").orElseThrow().state()).isEqualTo(ScheduledRun.State.REMINDED);

        // the requester's click cancels it: the reminder loses its button, and the channel is told
        bot.press("schedule-cancel", "run-1", "U0ALICE", "C1");
        bot.runWork();
        assertThat(bot.storage.schedules().find("run-1").orElseThrow().state()).isEqualTo(ScheduledRun.State.CANCELLED);
        assertThat(bot.slack.calls("chat.update")).singleElement().satisfies(c -> {
            assertThat(c.param("ts")).isEqualTo(ts);
            assertThat(c.param("blocks")).contains("Cancelled by").doesNotContain("schedule-cancel");
        });
        assertThat(posts()).hasSize(2).last().satisfies(c -> assertThat(c.param("text")).contains("cancelled"));

        // its time comes and goes: nothing is sent to NCP, nothing more is said
        bot.clock.advance(Duration.ofMinutes(11));
        bot.poll(4);
        assertThat(bot.simulator().journal().starts()).isEmpty();
        assertThat(bot.storage.schedules().find("run-1").orElseThrow().state()).isEqualTo(ScheduledRun.State.CANCELLED);
        assertThat(posts()).hasSize(2);
    }

    @Test
    void aRunNobodyCancels_startsAtItsTime_andItsReminderSaysSo() throws Exception {
        storeRunInTenMinutes();
        bot.poll(1);

        bot.clock.advance(Duration.ofMinutes(10));
        bot.poll(1);

        assertThat(bot.simulator().journal().starts()).containsOnlyKeys("demo-kafka");
        assertThat(bot.storage.schedules().find("run-1").orElseThrow().state()).isEqualTo(ScheduledRun.State.STARTED);
        assertThat(bot.slack.calls("chat.update")).anySatisfy(c -> assertThat(c.param("blocks")).contains("Started at its time"));
    }
}
