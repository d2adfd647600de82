package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.slack.render.ScheduleMessages;
import io.ncprollout.testing.SlackHandlerFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reminders and endings of scheduled runs as the fake Slack Web API receives them. */
class SlackScheduleNotifierTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final SlackScheduleNotifier notifier = new SlackScheduleNotifier(f.client, new ScheduleMessages(false), f.locales, f.clock);
    private final Instant at = f.clock.instant().plus(ScheduleSteps.REMIND_BEFORE);
    private final ScheduledRun run = ScheduledRun.pending("run-1", new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART,
            SlackHandlerFixture.DEMO), "U0ALICE", "patch"), "C0OPS", at, ZoneId.of("UTC"), f.clock.instant().minus(Duration.ofHours(1)));

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void remind_postsInTheRunsChannel_andReturnsTheMessagesTs() {
        Optional<String> ts = notifier.remind(run);

        assertThat(ts).isPresent();
        assertThat(f.slack.calls("chat.postMessage")).singleElement().satisfies(c -> {
            assertThat(c.param("channel")).isEqualTo("C0OPS");
            assertThat(c.param("blocks")).contains("@U0ALICE", "In 15 minutes", "schedule-cancel");
        });
    }

    @Test
    void remind_inTheRequestersLanguage() {
        f.slack.locale("U0ALICE", "ko-KR");

        notifier.remind(run);

        assertThat(f.slack.calls("chat.postMessage").get(0).param("blocks")).contains("15분 후");
    }

    @Test
    void remind_aChannelWithoutTheBot_isNotPosted_andDoesNotThrow() {
        f.slack.botNotIn("C0OPS");

        assertThat(notifier.remind(run)).isEmpty();
    }

    @Test
    void withdraw_deletesThatMessage_andAMissingOneIsOnlyLogged() {
        String ts = notifier.remind(run).orElseThrow();

        notifier.withdraw(run, ts);
        notifier.withdraw(run, ts);

        assertThat(f.slack.calls("chat.delete")).hasSize(2).allSatisfy(c -> assertThat(c.param("ts")).isEqualTo(ts));
    }

    @Test
    void ended_started_onlyEditsTheReminder() {
        ScheduledRun reminded = ScheduleSteps.reminded(run, notifier.remind(run).orElseThrow(), f.clock.instant());
        ScheduledRun started = ScheduleSteps.started(ScheduleSteps.starting(reminded, "op-1", at), "op-1", at);

        assertThat(notifier.ended(started, Optional.empty())).isTrue();

        assertThat(f.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(f.slack.calls("chat.update")).singleElement().satisfies(c -> {
            assertThat(c.param("ts")).isEqualTo(reminded.reminderTs().orElseThrow());
            assertThat(c.param("blocks")).contains("Started at its time").doesNotContain("schedule-cancel");
        });
    }

    @Test
    void ended_startedWithoutAReminder_saysNothing() {
        ScheduledRun started = ScheduleSteps.started(ScheduleSteps.starting(run, "op-1", at), "op-1", at);

        assertThat(notifier.ended(started, Optional.empty())).isTrue();

        assertThat(f.slack.calls("chat.postMessage")).isEmpty();
        assertThat(f.slack.calls("chat.update")).isEmpty();
    }

    @Test
    void ended_refused_editsTheReminder_andTellsTheChannelWhy() {
        ScheduledRun reminded = ScheduleSteps.reminded(run, notifier.remind(run).orElseThrow(), f.clock.instant());
        ScheduledRun refused = ScheduleSteps.refused(ScheduleSteps.starting(reminded, "op-1", at), "denied", at);

        boolean told = notifier.ended(refused, Optional.of(StartOutcome.refused(StartOutcome.Result.DENIED, new Refusal.NotAnAdmin())));

        assertThat(told).isTrue();
        assertThat(f.slack.calls("chat.update")).singleElement().satisfies(c -> assertThat(c.param("blocks")).contains("Did not start"));
        assertThat(f.slack.calls("chat.postMessage")).hasSize(2).last().satisfies(c -> {
            assertThat(c.param("channel")).isEqualTo("C0OPS");
            assertThat(c.param("blocks")).contains("@U0ALICE\\u003e The scheduled rolling restart of *demo-kafka*", "did not start");
        });
    }

    @Test
    void ended_missed_whenTheChannelRefuses_returnsFalse() {
        ScheduledRun missed = ScheduleSteps.missed(run, at.plus(Duration.ofHours(1)));
        f.slack.botNotIn("C0OPS");

        assertThat(notifier.ended(missed, Optional.empty())).isFalse();
    }
}
