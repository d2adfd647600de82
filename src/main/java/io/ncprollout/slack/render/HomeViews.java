package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.rollout.tracking.Tracking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure: the bot's Home tab ({@code views.publish}): the operations running now, the runs scheduled for later, and the
 * last {@value #RECENT_MAX} that finished, each with a link to its thread. Times are Slack date tokens, so the view
 * needs no clock and renders equal for equal input. Within the Home tab's 100 blocks: one section per
 * operation, at most {@value #ACTIVE_MAX} running ones listed (newest first), the rest counted.
 */
public final class HomeViews {
    /** Running operations listed one by one. */
    static final int ACTIVE_MAX = 40;
    /** Finished operations listed. */
    static final int RECENT_MAX = 20;
    /** Fleets shown, running ones first. */
    static final int FLEETS_MAX = 10;
    /** Scheduled runs listed one by one, soonest first (the 100 blocks hold every section at its largest). */
    static final int SCHEDULED_MAX = 10;

    private HomeViews() {
    }

    /**
     * The Home tab.
     *
     * @param active       operations still running, in any order
     * @param recent       finished operations, in any order; the {@value #RECENT_MAX} that ended last are shown
     * @param workspaceUrl the workspace's URL as {@code auth.test} gives it ({@code https://test.slack.com/}); blank
     *                     when unknown, and then threads are named by channel only
     */
    public static View home(List<TrackedRollout> active, List<TrackedRollout> recent, String workspaceUrl, boolean simulated, Locale locale) {
        return home(active, recent, 0, workspaceUrl, simulated, locale);
    }

    /**
     * The Home tab of a viewer who may not read every operation: {@code active} and {@code recent} are those the viewer
     * may read, and the tab says that {@code hidden} more are not shown.
     */
    public static View home(List<TrackedRollout> active, List<TrackedRollout> recent, int hidden, String workspaceUrl, boolean simulated,
            Locale locale) {
        return home(active, recent, List.of(), hidden, workspaceUrl, simulated, locale);
    }

    /**
     * The Home tab with the viewer's {@code fleets} first (running ones, then the latest finished, at most
     * {@value #FLEETS_MAX}), each linked to its message; nothing of fleets when there are none.
     */
    public static View home(List<TrackedRollout> active, List<TrackedRollout> recent, List<Fleet> fleets, int hidden, String workspaceUrl,
            boolean simulated, Locale locale) {
        return home(active, recent, fleets, List.of(), hidden, workspaceUrl, simulated, locale);
    }

    /**
     * The Home tab with the viewer's {@code scheduled} runs (those waiting for their time) after the running operations,
     * soonest first, at most {@value #SCHEDULED_MAX} and then how many more; nothing of them when there are none.
     */
    public static View home(List<TrackedRollout> active, List<TrackedRollout> recent, List<Fleet> fleets, List<ScheduledRun> scheduled, int hidden,
            String workspaceUrl, boolean simulated, Locale locale) {
        Objects.requireNonNull(active, "active == null");
        Objects.requireNonNull(recent, "recent == null");
        Objects.requireNonNull(workspaceUrl, "workspaceUrl == null");
        Texts t = Texts.of(locale);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!fleets.isEmpty()) {
            blocks.add(header(h -> h.text(plainText(t.t("home.fleets")))));
            fleets.stream().limit(FLEETS_MAX).forEach(f -> blocks.add(SlackText.text(
                    (f.state().isFinal() ? ":checkered_flag: " : ":ocean: ") + FleetMessages.summary(t, f)
                            + threadUrl(f.thread(), workspaceUrl).map(url -> " · <" + url + "|" + t.t("home.fleetMessage") + ">").orElse(""))));
            blocks.add(divider());
        }
        blocks.add(header(h -> h.text(plainText(t.t("home.active")))));
        if (active.isEmpty()) {
            blocks.add(SlackText.text(":sunny: " + t.t("home.nothingRunning",
                    SlackText.escape("`/kafka restart <cluster>`"), SlackText.escape("`/opensearch upgrade <cluster>`"))));
        }
        List<TrackedRollout> running = active.stream()
                .sorted(Comparator.comparing((TrackedRollout r) -> r.rollout().startedAt()).reversed().thenComparing(TrackedRollout::id))
                .toList();
        running.stream().limit(ACTIVE_MAX).forEach(r -> blocks.add(SlackText.text(activeLine(t, r, workspaceUrl))));
        if (running.size() > ACTIVE_MAX) {
            blocks.add(SlackText.note(t.t("home.moreRunning", running.size() - ACTIVE_MAX)));
        }
        blocks.add(divider());
        scheduled(t, scheduled, blocks);
        blocks.add(header(h -> h.text(plainText(t.t("home.recent", RECENT_MAX)))));
        if (recent.isEmpty()) {
            blocks.add(SlackText.text(t.t("home.noneFinished")));
        }
        recent.stream()
                .sorted(Comparator.comparing(HomeViews::endedAt).reversed().thenComparing(TrackedRollout::id))
                .limit(RECENT_MAX)
                .forEach(r -> blocks.add(SlackText.text(finishedLine(t, r, workspaceUrl))));
        if (hidden > 0) {
            blocks.add(SlackText.note(":lock: " + t.t("home.hidden", hidden)));
        }
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
        return view(v -> v.type("home").blocks(blocks));
    }

    /** The "Scheduled" section: a header, a section per run, "…and N more", a divider; nothing when none waits. */
    private static void scheduled(Texts t, List<ScheduledRun> scheduled, List<LayoutBlock> blocks) {
        if (scheduled.isEmpty()) {
            return;
        }
        blocks.add(header(h -> h.text(plainText(t.t("home.scheduled")))));
        scheduled.stream().sorted(Comparator.comparing(ScheduledRun::at).thenComparing(ScheduledRun::id)).limit(SCHEDULED_MAX)
                .forEach(r -> blocks.add(SlackText.text(ScheduleMessages.homeLine(t, r))));
        if (scheduled.size() > SCHEDULED_MAX) {
            blocks.add(SlackText.note(t.t("home.moreScheduled", scheduled.size() - SCHEDULED_MAX)));
        }
        blocks.add(divider());
    }

    /** ":arrows_counterclockwise: *Rolling restart* of *demo-kafka* · Kafka (CDSS) · KR · 1234567", then who, when, state, link. */
    private static String activeLine(Texts t, TrackedRollout tracked, String workspaceUrl) {
        Rollout r = tracked.rollout();
        return ":arrows_counterclockwise: " + what(t, r) + "\n"
                + t.t("fact.requestedBy", SlackText.mention(r.request().requester())) + " · " + t.t("fact.started", SlackText.dateTime(r.startedAt()))
                + " · " + Outcomes.word(t, r) + ", " + Outcomes.overall(t, r) + " · " + thread(t, tracked.thread(), workspaceUrl);
    }

    /** ":white_check_mark: *Rolling restart* of *demo-kafka* · …", then outcome, duration, end, link. */
    private static String finishedLine(Texts t, TrackedRollout tracked, String workspaceUrl) {
        Rollout r = tracked.rollout();
        String ended = r.tracking().ending().map(e -> " · " + t.t("fact.ended", SlackText.dateTime(e.at()))).orElse("");
        return emoji(r) + " " + what(t, r) + "\n"
                + t.t("home.after", Outcomes.word(t, r), Outcomes.duration(t, Outcomes.duration(r))) + reason(t, r) + ended
                + " · " + t.t("home.requestedBy", SlackText.mention(r.request().requester())) + " · " + thread(t, tracked.thread(), workspaceUrl);
    }

    /** " (demo-kafka-b-2 (broker) reported red)" for an operation that did not complete; escaped. */
    private static String reason(Texts t, Rollout r) {
        return r.endingReason().filter(x -> !Endings.saysNothingMore(x))
                .map(x -> " (" + Endings.of(t, x, text -> SlackText.escape(SlackText.cut(text, 300))) + ")").orElse("");
    }

    private static String what(Texts t, Rollout r) {
        ClusterRef c = r.request().cluster();
        return t.t("confirm.heading", Outcomes.kind(t, r.request().kind()), SlackText.escape(c.name())) + " · " + c.product().displayName()
                + " · " + SlackText.escape(c.region()) + " · " + SlackText.escape(c.number());
    }

    private static String emoji(Rollout r) {
        return switch (r.state()) {
            case RUNNING -> ":arrows_counterclockwise:";
            case COMPLETED -> ":white_check_mark:";
            case FAILED -> ":x:";
            case STALLED -> ":warning:";
            case UNCONFIRMED -> ":grey_question:";
            case NOT_STARTED -> ":no_entry_sign:";
            case ABANDONED -> ":wastebasket:";
        };
    }

    /** "&lt;https://test.slack.com/archives/C1/p1700000000000103|thread&gt; in &lt;#C1&gt;", or the channel alone. */
    private static String thread(Texts t, ThreadRef thread, String workspaceUrl) {
        String channel = "<#" + SlackText.escape(thread.channel()) + ">";
        return threadUrl(thread, workspaceUrl).map(url -> t.t("home.threadIn", url, channel)).orElse(t.t("home.in", channel));
    }

    /**
     * The thread's permalink, e.g. {@code https://test.slack.com/archives/C1/p1700000000000103} for parent ts
     * {@code 1700000000.000103}; empty while the thread is not posted or the workspace URL is unknown. The result is
     * escaped for mrkdwn, and a '|' (which would end the link) is percent-encoded.
     */
    static Optional<String> threadUrl(ThreadRef thread, String workspaceUrl) {
        if (thread.isPending() || workspaceUrl.isBlank()) {
            return Optional.empty();
        }
        String base = workspaceUrl.strip().endsWith("/") ? workspaceUrl.strip() : workspaceUrl.strip() + "/";
        String url = base + "archives/" + thread.channel() + "/p" + thread.parentTs().replace(".", "");
        return Optional.of(SlackText.escape(url.replace("|", "%7C").replace(" ", "%20")));
    }

    private static Instant endedAt(TrackedRollout t) {
        return t.rollout().tracking().ending().map(Tracking.Ending::at).orElse(t.rollout().startedAt());
    }
}
