package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.slack.SlackIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure: what a channel and a reader see of scheduled runs, in the reader's language. The channel messages (the
 * reminder with its Cancel button, the reminder once the run ended, the post that says a run did not start) are
 * written in the requester's language like the rest of the channel's messages; the list in the reader's.
 *
 * <p>Times are shown as {@link ScheduleTimes#both} (the zone the requester wrote, and UTC), fixed text that everybody
 * reads alike, with a Slack date token for the reader's own zone where it helps. Text the requester typed (the reason)
 * and the cluster's name are escaped.
 */
public final class ScheduleMessages {
    /** Runs listed one by one in {@code /kafka schedule}: well under the 50 blocks of a message, then "…and N more". */
    static final int LIST_MAX = 40;
    /** Characters of list lines: with the title and the note, under Slack's total text of a message. */
    static final int LIST_BUDGET = 10_000;
    /** A reminder posted this much less than {@link ScheduleSteps#REMIND_BEFORE} ahead (a poll cycle late) still says "in 15 minutes". */
    static final Duration ROUNDING = Duration.ofMinutes(1);
    private static final String DATE = "{date_short_pretty} {time}";

    private final boolean simulated;

    /** @param simulated whether the embedded simulator serves: every message then says so */
    public ScheduleMessages(boolean simulated) {
        this.simulated = simulated;
    }

    /**
     * The reminder of {@code run} posted at {@code now}: what starts when, who asked and why, what is checked again then,
     * and a danger-styled Cancel button behind a confirm dialog (its value is the run's id). A run scheduled at short
     * notice (less than {@link ScheduleSteps#REMIND_BEFORE} ahead) is not said to start "in 15 minutes".
     */
    public SlackMessage reminder(ScheduledRun run, Instant now, Locale locale) {
        Objects.requireNonNull(run, "run == null");
        Texts t = Texts.of(locale);
        RolloutRequest r = run.request();
        boolean onTime = Duration.between(now, run.at()).compareTo(ScheduleSteps.REMIND_BEFORE.minus(ROUNDING)) > 0;
        String when = onTime ? t.t("schedule.remind.in", ScheduleSteps.REMIND_BEFORE.toMinutes()) : t.t("schedule.remind.soon");
        String body = t.t("schedule.remind", when, Outcomes.kindInSentence(t, r.kind()), SlackText.escape(r.cluster().name()),
                ScheduleTimes.both(run.at(), run.zone()), SlackText.date(run.at(), DATE), SlackText.mention(r.requester()), SlackText.user(r.reason()),
                approvedBy(t, r));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":alarm_clock: " + body));
        String cancel = t.t("schedule.cancel.button");
        String dialog = SlackText.plain(t.t("schedule.cancel.text", Outcomes.kindInSentence(t, r.kind()), r.cluster().name(),
                ScheduleTimes.both(run.at(), run.zone())), 300, cancel);
        blocks.add(actions(List.of(button(b -> b.actionId(SlackIds.ActionIds.SCHEDULE_CANCEL).value(run.id()).style("danger").text(plainText(cancel))
                .confirm(confirmationDialog(d -> d.title(plainText(t.t("schedule.cancel.title"))).text(plainText(dialog))
                        .confirm(plainText(t.t("schedule.cancel.yes"))).deny(plainText(t.t("schedule.cancel.no"))).style("danger")))))));
        simulatedNote(t, blocks);
        return new SlackMessage(when + ": " + plain(t, run), blocks);
    }

    /** The reminder once {@code run} ended: the same facts, no button, and how it ended ({@code why}: what the start answered). */
    public SlackMessage reminderEnded(ScheduledRun run, Optional<StartOutcome> why, Locale locale) {
        Texts t = Texts.of(locale);
        RolloutRequest r = run.request();
        String facts = t.t("schedule.reminded", Outcomes.kindInSentence(t, r.kind()), SlackText.escape(r.cluster().name()),
                ScheduleTimes.both(run.at(), run.zone()), SlackText.date(run.at(), DATE), SlackText.mention(r.requester()), SlackText.user(r.reason()),
                approvedBy(t, r));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":alarm_clock: " + facts + "\n" + emoji(run.state()) + " " + ending(t, run, why)));
        simulatedNote(t, blocks);
        return new SlackMessage(plain(t, run) + ": " + t.t("schedule.state." + run.state().name()), blocks);
    }

    /**
     * The channel post of a run that ended without its rollout (refused, missed or cancelled), mentioning the requester.
     *
     * @throws IllegalArgumentException for a run in another state (a started run has no such post)
     */
    public SlackMessage notStarted(ScheduledRun run, Optional<StartOutcome> why, Locale locale) {
        Texts t = Texts.of(locale);
        RolloutRequest r = run.request();
        String who = SlackText.mention(r.requester());
        String kind = Outcomes.kindInSentence(t, r.kind());
        String cluster = SlackText.escape(r.cluster().name());
        String at = ScheduleTimes.both(run.at(), run.zone());
        String line = switch (run.state()) {
            case REFUSED -> t.t("schedule.post.REFUSED", who, kind, cluster, at, refusal(t, run, why));
            case MISSED -> t.t("schedule.post.MISSED", who, kind, cluster, at, ScheduleSteps.GRACE.toMinutes());
            case CANCELLED -> t.t("schedule.post.CANCELLED", who, kind, cluster, at, SlackText.mention(run.decidedBy().orElse("?")));
            case PENDING, REMINDED, STARTING, STARTED -> throw new IllegalArgumentException("run " + run.id() + " is " + run.state());
        };
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(emoji(run.state()) + " " + line));
        simulatedNote(t, blocks);
        return new SlackMessage(SlackText.escape(t.t("schedule.post.text", Outcomes.kindInSentence(t, r.kind()), r.cluster().name(),
                t.t("schedule.state." + run.state().name()))), blocks);
    }

    /**
     * {@code /kafka schedule}: the waiting runs of {@code product} (the caller filters them), soonest first, each with
     * its id and how to cancel it; at most {@value #LIST_MAX} and then how many more. None: how to schedule one.
     */
    public SlackMessage list(Product product, List<ScheduledRun> runs, Locale locale) {
        Texts t = Texts.of(locale);
        String title = "*" + t.t("schedule.list.title", product.displayName()) + "*";
        List<LayoutBlock> blocks = new ArrayList<>();
        if (runs.isEmpty()) {
            blocks.add(SlackText.text(t.t("schedule.list.none", product.displayName())));
            simulatedNote(t, blocks);
            return new SlackMessage(SlackText.escape(t.t("schedule.list.none", product.displayName())), blocks);
        }
        List<String> lines = new ArrayList<>();
        for (ScheduledRun run : runs.stream().sorted(java.util.Comparator.comparing(ScheduledRun::at).thenComparing(ScheduledRun::id)).toList()) {
            lines.add(listLine(t, run) + "\n      " + t.t("schedule.list.cancel", product.command(), SlackText.escape(run.id())));
        }
        List<String> shown = SlackText.fit(lines, LIST_MAX, LIST_BUDGET, n -> t.t("nodes.more", n));
        List<String> all = new ArrayList<>();
        all.add(title);
        all.addAll(shown);
        blocks.addAll(SlackText.sections(all));
        simulatedNote(t, blocks);
        return new SlackMessage(SlackText.escape(t.t("schedule.list.title", product.displayName())) + " (" + runs.size() + ")", blocks);
    }

    /** One run in the Home tab: what, when, who, its state, its id and its channel. */
    static String homeLine(Texts t, ScheduledRun run) {
        RolloutRequest r = run.request();
        return ":calendar: " + t.t("home.scheduled.line", Outcomes.kind(t, r.kind()), SlackText.escape(r.cluster().name()),
                ScheduleTimes.both(run.at(), run.zone()), SlackText.date(run.at(), DATE), SlackText.mention(r.requester()),
                t.t("schedule.state." + run.state().name()), SlackText.escape(run.id()), "<#" + SlackText.escape(run.channel()) + ">");
    }

    private static String listLine(Texts t, ScheduledRun run) {
        RolloutRequest r = run.request();
        return t.t("schedule.list.line", SlackText.escape(run.id()), Outcomes.kind(t, r.kind()), SlackText.escape(r.cluster().name()),
                ScheduleTimes.both(run.at(), run.zone()), SlackText.date(run.at(), DATE), SlackText.mention(r.requester()),
                t.t("schedule.state." + run.state().name()));
    }

    /** How the run ended, in the edited reminder. */
    private static String ending(Texts t, ScheduledRun run, Optional<StartOutcome> why) {
        return switch (run.state()) {
            case STARTED, MISSED -> t.t("schedule.ended." + run.state().name());
            case REFUSED -> t.t("schedule.ended.REFUSED", refusal(t, run, why));
            case CANCELLED -> t.t("schedule.ended.CANCELLED", SlackText.mention(run.decidedBy().orElse("?")));
            case PENDING, REMINDED, STARTING -> t.t("schedule.state." + run.state().name());
        };
    }

    /** Why the start refused it: the start's own answer, else what the runner stored, else that the bot stopped while starting it. */
    private static String refusal(Texts t, ScheduledRun run, Optional<StartOutcome> why) {
        String said = why.map(o -> StartOutcomeMessages.message(o, t.locale())).orElse("");
        if (!said.isBlank()) {
            return said;
        }
        return why.isPresent() && run.outcome().isPresent() ? SlackText.user(run.outcome().get()) : t.t("schedule.stoppedWhileStarting");
    }

    private static String emoji(ScheduledRun.State state) {
        return switch (state) {
            case STARTED -> ":arrow_forward:";
            case REFUSED -> ":no_entry:";
            case MISSED -> ":hourglass:";
            case CANCELLED -> ":x:";
            case PENDING, REMINDED, STARTING -> ":alarm_clock:";
        };
    }

    private static String approvedBy(Texts t, RolloutRequest r) {
        return r.approver().map(a -> t.t("schedule.approvedBy", SlackText.mention(a))).orElse("");
    }

    /** "Scheduled rolling restart of demo-kafka at …", escaped: the fallback text of notifications. */
    private static String plain(Texts t, ScheduledRun run) {
        RolloutRequest r = run.request();
        return SlackText.escape(t.t("schedule.remind.text", Outcomes.kindInSentence(t, r.kind()), r.cluster().name(), ScheduleTimes.both(run.at(), run.zone())));
    }

    private void simulatedNote(Texts t, List<LayoutBlock> blocks) {
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
    }
}
