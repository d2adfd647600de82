package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reminder of a scheduled run, its endings, and {@code /kafka schedule}, in English and Korean. */
class ScheduleMessagesTest {
    /** Sat 2026-12-05 02:00 KST. */
    private static final Instant AT = Instant.parse("2026-12-04T17:00:00Z");
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final Locale KO = Locale.KOREAN;
    private final ScheduleMessages messages = new ScheduleMessages(false);

    private static ScheduledRun run(String id, ClusterRef cluster, String reason, Optional<String> approver) {
        RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, cluster), "U0ALICE", reason, approver);
        return ScheduledRun.pending(id, request, "C0OPS", AT, KST, AT.minus(Duration.ofDays(1)));
    }

    private static ScheduledRun run() {
        return run("run-1", Rollouts.KAFKA, "monthly patch", Optional.of("U0BOB"));
    }

    private static ScheduledRun reminded() {
        return ScheduleSteps.reminded(run(), "1700000000.000100", AT.minus(ScheduleSteps.REMIND_BEFORE));
    }

    @Test
    void reminder_fifteenMinutesAhead_matchesGolden_withTheTimeBothWaysAndADangerCancelBehindADialog() {
        SlackMessage m = messages.reminder(run(), AT.minus(ScheduleSteps.REMIND_BEFORE).plusSeconds(15), Locale.ENGLISH);

        String text = mrkdwn(m);
        assertThat(text).startsWith(":alarm_clock: In 15 minutes — the rolling restart of *demo-kafka* at Sat 2026-12-05 02:00 KST "
                + "(Fri 2026-12-04 17:00 UTC) (<!date^" + AT.getEpochSecond() + "^{date_short_pretty} {time}|2026-12-04 17:00 UTC> your time), "
                + "asked by <@U0ALICE>: monthly patch, approved by <@U0BOB>. At that time permissions, freezes, NCP's precheck");
        JsonObject button = button(m);
        assertThat(button.get("action_id").getAsString()).isEqualTo("schedule-cancel");
        assertThat(button.get("value").getAsString()).isEqualTo("run-1");
        assertThat(button.get("style").getAsString()).isEqualTo("danger");
        assertThat(button.getAsJsonObject("confirm").getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("The rolling restart of demo-kafka at Sat 2026-12-05 02:00 KST (Fri 2026-12-04 17:00 UTC) will not start.");
        assertThat(m.text()).isEqualTo("In 15 minutes: Scheduled rolling restart of demo-kafka at Sat 2026-12-05 02:00 KST (Fri 2026-12-04 17:00 UTC)");
        BlockKitLimits.assertWithinLimits(m);
        Golden.assertMatches("schedule-reminder", m.blocks());
    }

    @Test
    void reminder_inKorean_matchesGolden() {
        SlackMessage m = messages.reminder(run(), AT.minus(ScheduleSteps.REMIND_BEFORE), KO);

        assertThat(mrkdwn(m)).contains("15분 후", "*demo-kafka* 롤링 재시작", "<@U0ALICE>");
        assertThat(button(m).getAsJsonObject("text").get("text").getAsString()).isEqualTo("취소");
        BlockKitLimits.assertWithinLimits(m);
        Golden.assertMatches("schedule-reminder-ko", m.blocks());
    }

    @Test
    void reminder_scheduledAtShortNotice_saysSoonNotFifteenMinutes() {
        SlackMessage m = messages.reminder(run(), AT.minus(Duration.ofMinutes(6)), Locale.ENGLISH);

        assertThat(mrkdwn(m)).startsWith(":alarm_clock: Soon — the rolling restart of *demo-kafka* at Sat 2026-12-05 02:00 KST").doesNotContain("15 minutes");
    }

    @Test
    void reminder_withoutApprover_saysNoApprover() {
        SlackMessage m = messages.reminder(run("run-2", Rollouts.KAFKA, "patch", Optional.empty()), AT.minus(Duration.ofMinutes(15)), Locale.ENGLISH);

        assertThat(mrkdwn(m)).contains("asked by <@U0ALICE>: patch. At that time").doesNotContain("approved");
    }

    @Test
    void reminder_hostileReasonAndClusterName_areEscapedAndTheDialogIsCut() {
        ClusterRef hostile = new ClusterRef(Product.KAFKA, "42", "<!channel>" + "x".repeat(300), "KR");
        ScheduledRun run = run("run-3", hostile, "<!here> & <@U0EVE> " + "y".repeat(2000), Optional.empty());

        SlackMessage m = messages.reminder(run, AT.minus(Duration.ofMinutes(15)), Locale.ENGLISH);

        assertThat(mrkdwn(m)).doesNotContain("<!channel>", "<!here>", "<@U0EVE>").contains("&lt;!channel&gt;", "&lt;!here&gt; &amp; &lt;@U0EVE&gt;");
        assertThat(m.text()).doesNotContain("<!channel>");
        assertThat(button(m).getAsJsonObject("confirm").getAsJsonObject("text").get("text").getAsString()).hasSizeLessThanOrEqualTo(300);
        BlockKitLimits.assertWithinLimits(m);
    }

    @Test
    void reminderEnded_cancelled_matchesGolden_withoutTheButton() {
        SlackMessage m = messages.reminderEnded(ScheduleSteps.cancelled(reminded(), "U0ADMIN", AT.minusSeconds(60)), Optional.empty(), Locale.ENGLISH);

        assertThat(mrkdwn(m)).contains("The scheduled rolling restart of *demo-kafka* at Sat 2026-12-05 02:00 KST", ":x: Cancelled by <@U0ADMIN>.")
                .doesNotContain("In 15 minutes");
        assertThat(BlockKitLimits.json(m.blocks()).toString()).doesNotContain("schedule-cancel");
        BlockKitLimits.assertWithinLimits(m);
        Golden.assertMatches("schedule-reminder-cancelled", m.blocks());
    }

    @Test
    void reminderEnded_started_saysTheOperationsOwnMessageFollowsIt() {
        ScheduledRun started = ScheduleSteps.started(ScheduleSteps.starting(reminded(), "op-9", AT), "op-9", AT);

        SlackMessage m = messages.reminderEnded(started, Optional.empty(), Locale.ENGLISH);

        assertThat(mrkdwn(m)).contains(":arrow_forward: Started at its time; the operation's own message in this channel follows it.");
        Golden.assertMatches("schedule-reminder-started", m.blocks());
    }

    @Test
    void notStarted_refused_saysWhyInTheRequestersWords_andMentionsThem() {
        Refusal frozen = new Refusal.Frozen(Optional.of("demo-kafka"), "U0ADMIN", AT.minus(Duration.ofHours(2)), "<b>incident</b>");
        ScheduledRun refused = ScheduleSteps.refused(ScheduleSteps.starting(reminded(), "op-9", AT), "frozen", AT);

        SlackMessage m = messages.notStarted(refused, Optional.of(StartOutcome.refused(StartOutcome.Result.DENIED, frozen)), Locale.ENGLISH);

        assertThat(mrkdwn(m)).startsWith(":no_entry: <@U0ALICE> The scheduled rolling restart of *demo-kafka* (at Sat 2026-12-05 02:00 KST "
                + "(Fri 2026-12-04 17:00 UTC)) did not start: demo-kafka is frozen by <@U0ADMIN>").contains("&lt;b&gt;incident&lt;/b&gt;");
        BlockKitLimits.assertWithinLimits(m);
        Golden.assertMatches("schedule-refused", m.blocks());
    }

    @Test
    void notStarted_refusedWithoutAnAnswer_saysTheBotStoppedWhileStartingIt() {
        ScheduledRun refused = ScheduleSteps.refused(ScheduleSteps.starting(reminded(), "op-9", AT), "not started: the bot stopped", AT.plusSeconds(1000));

        assertThat(mrkdwn(messages.notStarted(refused, Optional.empty(), Locale.ENGLISH)))
                .endsWith("did not start: the bot stopped while starting it; nothing was sent to NCP.");
        assertThat(mrkdwn(messages.notStarted(refused, Optional.empty(), KO))).contains("NCP에는 아무것도 보내지 않았습니다");
    }

    @Test
    void notStarted_missed_matchesGolden_andSaysToScheduleAgain() {
        ScheduledRun missed = ScheduleSteps.missed(reminded(), AT.plus(Duration.ofMinutes(40)));

        SlackMessage m = messages.notStarted(missed, Optional.empty(), Locale.ENGLISH);

        assertThat(mrkdwn(m)).contains("was not started: its time passed while the bot was down, more than 15 minutes ago. Schedule it again");
        Golden.assertMatches("schedule-missed", m.blocks());
        Golden.assertMatches("schedule-missed-ko", messages.notStarted(missed, Optional.empty(), KO).blocks());
    }

    @Test
    void notStarted_cancelled_namesWhoCancelledIt() {
        ScheduledRun cancelled = ScheduleSteps.cancelled(run(), "U0ALICE", AT.minus(Duration.ofHours(1)));

        SlackMessage m = messages.notStarted(cancelled, Optional.empty(), Locale.ENGLISH);

        assertThat(mrkdwn(m)).isEqualTo(":x: <@U0ALICE> The scheduled rolling restart of *demo-kafka* (at Sat 2026-12-05 02:00 KST "
                + "(Fri 2026-12-04 17:00 UTC)) was cancelled by <@U0ALICE>.");
        assertThat(m.text()).isEqualTo("Scheduled rolling restart of demo-kafka: cancelled");
        Golden.assertMatches("schedule-cancelled", m.blocks());
    }

    @Test
    void notStarted_aRunThatStarted_isRefused() {
        ScheduledRun started = ScheduleSteps.started(ScheduleSteps.starting(reminded(), "op-9", AT), "op-9", AT);

        assertThatThrownBy(() -> messages.notStarted(started, Optional.empty(), Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void list_matchesGolden_withIdsTimesAndHowToCancel() {
        ScheduledRun later = run("run-2", Rollouts.KAFKA, "later", Optional.empty());
        later = ScheduledRun.pending("run-2", later.request(), "C0OPS", AT.plus(Duration.ofDays(1)), ZoneId.of("UTC"), AT);

        SlackMessage m = messages.list(Product.KAFKA, List.of(later, reminded()), Locale.ENGLISH);

        String text = mrkdwn(m);
        assertThat(text).contains("*Scheduled Kafka (CDSS) operations*", "`run-1` · Rolling restart of *demo-kafka* · Sat 2026-12-05 02:00 KST",
                "asked by <@U0ALICE> · waiting (reminded)", "cancel with `/kafka schedule cancel run-1`", "Sat 2026-12-05 17:00 UTC (");
        assertThat(text.indexOf("run-1")).isLessThan(text.indexOf("run-2"));
        BlockKitLimits.assertWithinLimits(m);
        Golden.assertMatches("schedule-list", m.blocks());
        Golden.assertMatches("schedule-list-ko", messages.list(Product.KAFKA, List.of(later, reminded()), KO).blocks());
    }

    @Test
    void list_none_saysHowToScheduleOne() {
        SlackMessage m = messages.list(Product.OPENSEARCH, List.of(), Locale.ENGLISH);

        assertThat(mrkdwn(m)).isEqualTo("No OpenSearch (SES) operation is scheduled. To schedule one, add `--at \"YYYY-MM-DD HH:MM\" [KST|UTC]` "
                + "to the command that starts it.");
        BlockKitLimits.assertWithinLimits(m);
    }

    @Test
    void list_manyRunsWithLongNames_staysWithinTheLimits_andCountsTheRest() {
        List<ScheduledRun> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ClusterRef c = new ClusterRef(Product.KAFKA, "" + i, "cluster-" + "n".repeat(50) + i, "KR");
            runs.add(run("0f8fad5b-d9cb-469f-a165-70867728" + String.format("%04d", i), c, "r", Optional.empty()));
        }

        SlackMessage m = messages.list(Product.KAFKA, runs, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(m);
        assertThat(mrkdwn(m)).containsPattern("…and \\d+ more");
    }

    @Test
    void homeLine_isCompact_andEscaped() {
        String line = ScheduleMessages.homeLine(Texts.of(Locale.ENGLISH), reminded());

        assertThat(line).isEqualTo(":calendar: Rolling restart of *demo-kafka* · Sat 2026-12-05 02:00 KST (Fri 2026-12-04 17:00 UTC) (<!date^"
                + AT.getEpochSecond() + "^{date_short_pretty} {time}|2026-12-04 17:00 UTC> your time)\nasked by <@U0ALICE> · waiting (reminded) · `run-1` · in <#C0OPS>");
    }

    @Test
    void everyMessage_whileSimulated_saysSo() {
        ScheduleMessages simulated = new ScheduleMessages(true);

        assertThat(mrkdwn(simulated.reminder(run(), AT.minus(Duration.ofMinutes(15)), Locale.ENGLISH))).contains(":test_tube:");
        assertThat(mrkdwn(simulated.list(Product.KAFKA, List.of(), Locale.ENGLISH))).contains(":test_tube:");
    }

    /** Every text of the message's blocks, one after another. */
    private static String mrkdwn(SlackMessage m) {
        return UpgradeViewsTest.mrkdwn(BlockKitLimits.json(m.blocks())).stripTrailing();
    }

    private static JsonObject button(SlackMessage m) {
        return BlockKitLimits.json(m.blocks()).getAsJsonArray().get(1).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject();
    }
}
