package io.ncprollout.slack.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.ScheduleService;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.MaintenanceWindows;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.SlackScheduleNotifier;
import io.ncprollout.slack.render.ScheduleMessages;
import io.ncprollout.testing.Journals;
import io.ncprollout.testing.SlackHandlerFixture;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Cancel button of a scheduled run's reminder, on its own, with the Slack notifier over the fake Slack Web API. */
class ScheduleButtonsHandlerTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final SlackScheduleNotifier notifier = new SlackScheduleNotifier(f.client, new ScheduleMessages(false), f.locales, f.clock);
    private final ScheduleService schedules = new ScheduleService(f.scheduleStore, MaintenanceWindows.none(), f.gatekeeper, notifier, Journals.WORDING,
            f.clock, () -> "unused");
    private final ScheduleButtonsHandler handler = new ScheduleButtonsHandler(f.work, schedules, f.locales);
    private String reminderTs;

    @BeforeEach
    void aRemindedRun() {
        // GIVEN a run of U0ALICE's in ten minutes, whose reminder is in the channel
        ScheduledRun run = ScheduledRun.pending("run-1", new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, SlackHandlerFixture.DEMO),
                "U0ALICE", "patch"), "C0OPS", f.clock.instant().plus(Duration.ofMinutes(10)), ZoneId.of("UTC"), f.clock.instant());
        f.scheduleStore.create(run);
        reminderTs = notifier.remind(run).orElseThrow();
        f.scheduleStore.commit(ScheduleSteps.reminded(run, reminderTs, f.clock.instant())).orElseThrow();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Response click(String value, String user) {
        BlockActionRequest request = f.press(SlackIds.ActionIds.SCHEDULE_CANCEL, value, user, "C0OPS");
        Response ack = handler.apply(request, request.getContext());
        f.work.runAll();
        return ack;
    }

    @Test
    void cancelByTheRequester_cancelsTheRun_editsTheReminder_andTellsTheChannel() {
        Response ack = click("run-1", "U0ALICE");

        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(f.scheduleStore.find("run-1")).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(ScheduledRun.State.CANCELLED);
            assertThat(r.decidedBy()).contains("U0ALICE");
        });
        assertThat(f.slack.calls("chat.update")).singleElement().satisfies(c -> {
            assertThat(c.param("ts")).isEqualTo(reminderTs);
            assertThat(c.param("blocks")).contains("Cancelled by").doesNotContain("schedule-cancel");
        });
        assertThat(f.slack.calls("chat.postMessage")).hasSize(2).last().satisfies(c -> assertThat(c.param("text")).contains("cancelled"));
        assertThat(f.replies()).isEmpty();
    }

    @Test
    void cancelByAnAdmin_cancelsIt() {
        click("run-1", "U0ADMIN");

        assertThat(f.scheduleStore.find("run-1").orElseThrow().state()).isEqualTo(ScheduledRun.State.CANCELLED);
    }

    @Test
    void cancelBySomeoneElse_isRefusedEphemerally_andLeavesTheRunAlone() {
        click("run-1", "U0EVE");

        assertThat(f.replies()).singleElement().asString().contains(":no_entry:", "Only the person who scheduled it, or an admin, may cancel it.");
        assertThat(f.scheduleStore.find("run-1").orElseThrow().state()).isEqualTo(ScheduledRun.State.REMINDED);
        assertThat(f.slack.calls("chat.update")).isEmpty();
        assertThat(f.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void cancelBySomeoneElse_isAnsweredInTheirLanguage() {
        f.slack.locale("U0EVE", "ko-KR");

        click("run-1", "U0EVE");

        assertThat(f.replies()).singleElement().asString().contains("예약한 사람이나 관리자만 취소할 수 있습니다.");
    }

    @Test
    void aSecondCancel_saysItCanNoLongerBeCancelled() {
        click("run-1", "U0ALICE");

        click("run-1", "U0ALICE");

        assertThat(f.replies()).singleElement().asString().contains("It can no longer be cancelled: it is cancelled.");
        assertThat(f.slack.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void anUnknownOrForgedId_isAnsweredAsUnknown() {
        click("run-<script>", "U0ALICE");

        assertThat(f.replies()).singleElement().asString().contains("No scheduled run has that id").doesNotContain("<script>");
    }

    @Test
    void aClickWithoutAnAction_isAcknowledged_andDoesNothing() {
        BlockActionRequest request = f.emptyClick("U0ALICE");

        assertThat(handler.apply(request, request.getContext()).getStatusCode()).isEqualTo(200);
        assertThat(f.work.pending()).isZero();
    }
}
