package io.ncprollout.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.ScheduleService;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.operation.VersionNames;
import io.ncprollout.rollout.schedule.MaintenanceWindow;
import io.ncprollout.rollout.schedule.MaintenanceWindows;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.slack.view.ConfirmSubmissionHandler;
import io.ncprollout.testing.Journals;
import io.ncprollout.testing.SlackHandlerFixture;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --at}, from the command to the stored run: the modal shows the time in the zone it was read in and in UTC,
 * the submission stores the run and starts nothing, a time that cannot be scheduled (past, outside the windows) is the
 * modal's answer, and an approval happens now for a start later. The clock stands at Thu 2026-12-03 10:00 UTC (19:00 KST).
 */
class ScheduledRequestFlowTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final ConfirmSubmissionHandler submissions = new ConfirmSubmissionHandler(f.work, f.approvals, f.views, f.upgrades, f.locales);

    @AfterEach
    void close() {
        f.close();
    }

    private RolloutCommandHandler handler(AskedTimes times) {
        return new RolloutCommandHandler(f.work, new CommandFlows(new RestartFlow(f.service, f.views, f.gatekeeper, f.locales, times), f.upgrades,
                new StatusFlow(f.service, f.gatekeeper, true, f.locales, VersionNames.none()), new ListFlow(f.service, f.gatekeeper, true, f.locales),
                new CmakFlow(f.service, f.gatekeeper, true, f.locales), new AdminFlow(f.service, f.gatekeeper, f.clock, f.locales), f.fleetFlow,
                new ScheduleFlow(f.schedules, new io.ncprollout.slack.render.ScheduleMessages(true), f.gatekeeper, f.locales)),
                new CommandDefaults("KR", Map.of(), Map.of(), false), true, f.locales);
    }

    private Response run(RolloutCommandHandler handler, String text) {
        SlashCommandRequest request = f.command("/kafka", text, "U0ALICE", "C0OPS");
        Response ack = handler.apply(request, request.getContext());
        f.work.runAll();
        return ack;
    }

    private Response confirm(String name, String user) {
        JsonObject view = f.lastView();
        String id = f.slack.calls.stream().filter(c -> c.method().startsWith("views.open")).reduce((a, b) -> b).orElseThrow().param("view_id");
        ViewSubmissionRequest request = f.submit(view, id == null ? "V0MODAL" : id, Map.of("confirm-name", name, "reason", "patch night"), user);
        Response ack = submissions.apply(request, request.getContext());
        f.work.runAll();
        return ack;
    }

    @Test
    void at_withKst_showsTheTimeInKstAndUtc_andTheSubmissionStoresTheRun_startingNothing() {
        run(handler(f.times), "restart demo-kafka --at \"2026-12-04 02:00\" KST");

        String modal = f.lastView().toString();
        assertThat(modal).contains("Scheduled for Fri 2026-12-04 02:00 KST (Thu 2026-12-03 17:00 UTC)").contains("Nothing starts now")
                .contains("\"Schedule\"");
        assertThat(f.api.count("precheck")).as("checked now too").isEqualTo(1);

        confirm("demo-kafka", "U0ALICE");

        assertThat(f.scheduleStore.pending()).singleElement().satisfies(r -> {
            assertThat(r.at()).isEqualTo(Instant.parse("2026-12-03T17:00:00Z"));
            assertThat(r.zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
            assertThat(r.requester()).isEqualTo("U0ALICE");
            assertThat(r.request().reason()).isEqualTo("patch night");
            assertThat(r.channel()).isEqualTo("C0OPS");
            assertThat(r.state()).isEqualTo(ScheduledRun.State.PENDING);
        });
        assertThat(f.api.count("start")).isZero();
        assertThat(f.lastView().toString()).contains("Scheduled").contains("is scheduled for Fri 2026-12-04 02:00 KST");
    }

    @Test
    void at_withoutAZone_readsTheRequestersSlackTimeZone_andSaysSo() {
        f.slack.timeZone("U0ALICE", "Asia/Seoul");

        run(handler(f.times), "restart demo-kafka --at 2026-12-04 02:00");

        assertThat(f.lastView().toString()).contains("Fri 2026-12-04 02:00 KST (Thu 2026-12-03 17:00 UTC)")
                .contains("read in your Slack time zone, Asia/Seoul");
    }

    @Test
    void at_inThePast_isTheModalsAnswer_andNothingIsPrecheckedOrStored() {
        run(handler(f.times), "restart demo-kafka --at \"2026-12-03 09:00\" UTC");

        assertThat(f.lastView().toString()).contains("Not scheduled").contains("Thu 2026-12-03 09:00 UTC is already past");
        assertThat(f.api.count("precheck")).isZero();
        assertThat(f.scheduleStore.pending()).isEmpty();
    }

    @Test
    void at_outsideTheClustersWindows_isRefusedInTheModal_namingTheNextWindow_andInsideOneSaysWhichWindow() {
        MaintenanceWindows weekdayNights = new MaintenanceWindows(List.of(new MaintenanceWindow(List.of("demo-*"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(1, 0), LocalTime.of(5, 0), ZoneId.of("Asia/Seoul"))));
        AskedTimes windowed = new AskedTimes(f.locales, new ScheduleService(f.scheduleStore, weekdayNights, f.gatekeeper, f.scheduleNotes,
                Journals.WORDING, f.clock, () -> "run-x"));

        run(handler(windowed), "restart demo-kafka --at \"2026-12-04 12:00\" KST");

        assertThat(f.lastView().toString()).contains("Not scheduled")
                .contains("Fri 2026-12-04 12:00 KST (Fri 2026-12-04 03:00 UTC) is outside the maintenance windows of *demo-kafka*")
                .contains("The next window is Fri 2026-12-04 01:00 KST – 05:00");
        assertThat(f.api.count("precheck")).isZero();

        run(handler(windowed), "restart demo-kafka --at \"2026-12-04 02:00\" KST");

        assertThat(f.lastView().toString()).contains("Within the maintenance window Fri 2026-12-04 01:00 KST – 05:00").contains("\"Schedule\"");
    }

    @Test
    void at_onAGuardedCluster_asksForApprovalNow_andTheApprovalStoresTheRunForItsTime() {
        run(handler(f.times), "restart orders-prod --at \"2026-12-04 02:00\" KST");
        confirm("orders-prod", "U0ALICE");

        List<PendingApproval> waiting = f.approvalStore.pending();
        assertThat(waiting).singleElement().satisfies(a -> assertThat(a.schedule()).hasValueSatisfying(
                w -> assertThat(w.at()).isEqualTo(Instant.parse("2026-12-03T17:00:00Z"))));
        assertThat(f.slack.calls("chat.postMessage").get(0).param("blocks")).contains("To start at Fri 2026-12-04 02:00 KST");
        assertThat(f.scheduleStore.pending()).as("not before it is approved").isEmpty();

        StartOutcome approved = f.approvals.approve(waiting.get(0).id(), "U0BOB");

        assertThat(approved.result()).isEqualTo(StartOutcome.Result.SCHEDULED);
        assertThat(f.scheduleStore.pending()).singleElement().satisfies(r -> {
            assertThat(r.request().approver()).contains("U0BOB");
            assertThat(r.at()).isEqualTo(Instant.parse("2026-12-03T17:00:00Z"));
        });
        assertThat(f.api.count("start")).isZero();
    }

    @Test
    void anApprovalCutShortByACrash_beforeItsRunWasStored_isMendedByTheNextHousekeeping() {
        run(handler(f.times), "restart orders-prod --at \"2026-12-04 02:00\" KST");
        confirm("orders-prod", "U0ALICE");
        PendingApproval asked = f.approvalStore.pending().get(0);
        // the approval was decided, then the process died before the run was stored and the message edited
        f.approvalStore.decide(asked.decided(PendingApproval.Status.APPROVED, "U0BOB", f.clock.instant()));
        int edits = f.slack.calls("chat.update").size();

        f.approvals.expire();
        f.approvals.expire();

        assertThat(f.scheduleStore.pending()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("approval-" + asked.id());
            assertThat(r.request().approver()).contains("U0BOB");
            assertThat(r.at()).isEqualTo(Instant.parse("2026-12-03T17:00:00Z"));
        });
        assertThat(f.slack.calls("chat.update")).as("its message says approved, once").hasSize(edits + 1);
    }

    @Test
    void anApprovalAfterTheTimePassed_isRefused_andTheRequestStaysOpen() {
        run(handler(f.times), "restart orders-prod --at \"2026-12-03 10:20\" UTC");
        confirm("orders-prod", "U0ALICE");
        PendingApproval asked = f.approvalStore.pending().get(0);
        f.clock.set(Instant.parse("2026-12-03T10:21:00Z"));

        StartOutcome late = f.approvals.approve(asked.id(), "U0BOB");

        assertThat(late.refusal()).hasValueSatisfying(r -> assertThat(r).isInstanceOf(io.ncprollout.rollout.access.Refusal.BadTime.class));
        assertThat(f.approvalStore.pending()).hasSize(1);
        assertThat(f.scheduleStore.pending()).isEmpty();
    }

    @Test
    void at_onAFleet_showsTheTimeInThePlan_postsTheFleetNow_andItsFirstWaveStartsAtItsTime() {
        io.ncprollout.rollout.FleetRunner runner = new io.ncprollout.rollout.FleetRunner(f.fleetStore, f.store, f.service,
                new io.ncprollout.slack.SlackFleetNotifier(f.client, new io.ncprollout.slack.render.FleetMessages(true), f.locales,
                        io.ncprollout.slack.EditBudget.perMinuteDefault(), f.clock),
                new io.ncprollout.rollout.tracking.Replica(Journals.REPLICA, Journals.LEASE, io.ncprollout.rollout.tracking.RolloutStore.TakeOver.ALL), f.clock,
                () -> "fleet-op-" + java.util.UUID.randomUUID());
        io.ncprollout.slack.view.FleetSubmissionHandler fleetSubmissions = new io.ncprollout.slack.view.FleetSubmissionHandler(f.work, f.fleets, f.views,
                f.locales, runner);

        run(handler(f.times), "restart demo-* --at \"2026-12-04 02:00\" KST");

        assertThat(f.lastView().toString()).contains("Scheduled for Fri 2026-12-04 02:00 KST (Thu 2026-12-03 17:00 UTC)")
                .contains("its first wave starts at that time").contains("\"Schedule\"");
        JsonObject plan = f.lastView();
        String id = f.slack.calls.stream().filter(c -> c.method().startsWith("views.open")).reduce((a, b) -> b).orElseThrow().param("view_id");
        ViewSubmissionRequest request = f.submit(plan, id == null ? "V0PLAN" : id, Map.of("confirm-name", "1", "reason", "patch night"), "U0ALICE");
        fleetSubmissions.apply(request, request.getContext());
        f.work.runAll();

        assertThat(f.fleetStore.active()).singleElement().satisfies(fleet -> assertThat(fleet.spec().startAt()).hasValueSatisfying(
                w -> assertThat(w.at()).isEqualTo(Instant.parse("2026-12-03T17:00:00Z"))));
        assertThat(f.slack.calls("chat.postMessage").get(0).param("blocks")).contains("Starts at Fri 2026-12-04 02:00 KST");
        runner.tick();
        assertThat(f.api.count("start")).as("nothing before its time").isZero();

        f.clock.set(Instant.parse("2026-12-03T17:00:20Z"));
        runner.tick();

        assertThat(f.api.count("start")).isEqualTo(1);
    }
}
