package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.VersionNames;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.slack.SlackIds.ActionIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Pure: the messages of an operation's thread, each a function of the rollout alone.
 *
 * <ul>
 *   <li>{@link #parent}: who started what, why and when; once final, also the outcome.</li>
 *   <li>{@link #progress}: the reply edited in place, one line per node; while the operation runs it ends with
 *       "Refresh now" and "Cluster status" buttons whose value is the rollout id.</li>
 *   <li>{@link #notice}: what {@link io.ncprollout.rollout.tracking.RolloutTransitions} decided to say, including the
 *       final summary.</li>
 * </ul>
 *
 * <p>Language: every method takes the reader's {@link Locale}. The channel messages of an operation (parent,
 * progress reply, notices, final summary) are written in the <em>requester's</em> language: the requester is the
 * one following the thread and the one it mentions, and a channel message cannot be shown differently to each
 * reader. NCP's statuses and messages, cluster names and the reason typed by the user stay verbatim.
 *
 * <p>Nothing rendered depends on the time of rendering: running times are Slack date tokens that the reader's
 * client resolves, and durations appear only for finished nodes and operations. So equal rollouts render
 * equal messages, and the poller can send {@code chat.update} only when the message differs. Every message
 * stays within Slack's limits (50 blocks, 3000 characters per section) for any number of nodes; user and
 * NCP text is escaped for mrkdwn.
 */
public final class ProgressMessages {
    /** Blocks a progress message may spend on nodes (50 allowed, the rest are the fixed lines). */
    static final int NODE_SECTIONS_MAX = 40;
    /** Characters the node lines of one message may take; Slack rejects messages near 13,000 in total. */
    static final int NODE_TEXT_BUDGET = 9_000;
    /** Nodes listed one by one in the final summary; bigger clusters get counts. */
    static final int SUMMARY_LINES_MAX = 20;

    private final boolean simulated;
    private final VersionNames names;
    private final Function<Rollout, List<Duration>> past;

    /** @param simulated true when the embedded simulator serves: every message then says so */
    public ProgressMessages(boolean simulated) {
        this(simulated, VersionNames.none());
    }

    /** Messages without history: estimates come from each run's own pace. */
    public ProgressMessages(boolean simulated, VersionNames names) {
        this(simulated, names, r -> List.of());
    }

    /**
     * @param simulated true when the embedded simulator serves: every message then says so
     * @param names     the names of version codes, so messages say "Kafka 3.9.0" where NCP sends 3903006
     * @param past      the durations of an operation's last completed runs on its cluster, newest first, for its estimate
     */
    public ProgressMessages(boolean simulated, VersionNames names, Function<Rollout, List<Duration>> past) {
        this.simulated = simulated;
        this.names = names;
        this.past = past;
    }

    /** The channel message that starts the thread: "Rolling restart of *demo-kafka* started by @alice", and the outcome once final. */
    public SlackMessage parent(Rollout r, Locale locale) {
        Objects.requireNonNull(r, "r == null");
        Texts t = Texts.of(locale);
        ClusterRef cluster = r.request().cluster();
        List<LayoutBlock> blocks = new ArrayList<>();
        String requester = SlackText.mention(r.request().requester());
        blocks.add(SlackText.text(":arrows_counterclockwise: " + t.t("progress.startedBy", Outcomes.title(t, r), requester)));
        List<String> facts = new ArrayList<>(List.of(
                t.t("fact.cluster", SlackText.escape(cluster.number())),
                SlackText.escape(cluster.region()),
                cluster.product().displayName(),
                t.t("fact.started", SlackText.dateTime(r.startedAt()))));
        r.request().targetVersion().ifPresent(v -> facts.add(t.t("fact.targetVersion", Outcomes.version(names, v))));
        blocks.add(SlackText.note(String.join(" · ", facts)));
        blocks.add(SlackText.text(t.t("label.reason") + " " + reason(t, r)));
        String text = t.t("progress.startedBy", Outcomes.plainTitle(t, r), requester);
        if (r.state().isTerminal()) {
            blocks.add(SlackText.text(Outcomes.line(t, r)));
            text = t.t("progress.endedAfter", Outcomes.plainTitle(t, r), Outcomes.word(t, r), Outcomes.duration(t, Outcomes.duration(r)));
        }
        return message(t, text, blocks);
    }

    /**
     * The threaded progress reply: the overall line, the cluster status, read trouble, and every node; while the
     * rollout runs, the {@link ActionIds#REFRESH_NOW} and {@link ActionIds#SHOW_STATUS} buttons (the final edit drops them).
     */
    public SlackMessage progress(Rollout r, Locale locale) {
        Objects.requireNonNull(r, "r == null");
        Texts t = Texts.of(locale);
        List<LayoutBlock> blocks = new ArrayList<>();
        String headline = Outcomes.title(t, r) + ": " + Outcomes.overall(t, r);
        if (r.state().isTerminal()) {
            headline += "\n" + Outcomes.line(t, r);
        }
        blocks.add(SlackText.text(headline));
        EtaLines.running(t, r, past.apply(r)).ifPresent(eta -> blocks.add(SlackText.note(eta)));
        blocks.add(SlackText.note(Outcomes.clusterParts(t, r, names)));
        if (r.tracking().alerts().has(Notice.API_UNREACHABLE)) {
            String error = r.tracking().alerts().lastReadError().map(SlackText::user).orElse(t.t("progress.noAnswer"));
            blocks.add(SlackText.text(":warning: " + t.t("progress.unreachable", error)));
        }
        blocks.addAll(NodeLines.sections(t, r.tracking().snapshot().nodes(), r.tracking().catchUp(), r.request().cluster().product(), 50, NODE_SECTIONS_MAX,
                NODE_TEXT_BUDGET));
        if (!r.state().isTerminal()) {
            blocks.add(actions(List.of(
                    button(b -> b.actionId(ActionIds.REFRESH_NOW).text(plainText(t.t("button.refreshNow"))).value(r.id())),
                    button(b -> b.actionId(ActionIds.SHOW_STATUS).text(plainText(t.t("button.clusterStatus"))).value(r.id())))));
        }
        return message(t, Outcomes.plainTitle(t, r) + ": " + Outcomes.overall(t, r), blocks);
    }

    /**
     * What the thread says for {@code notice}. {@link Notice#FINISHED} is the final summary (posted with
     * {@code reply_broadcast}); it requires a rollout in a final state.
     *
     * @throws IllegalArgumentException for {@link Notice#FINISHED} on a rollout that is still running
     */
    public SlackMessage notice(Rollout r, Notice n, Locale locale) {
        Objects.requireNonNull(r, "r == null");
        Objects.requireNonNull(n, "n == null");
        Texts t = Texts.of(locale);
        String title = Outcomes.title(t, r);
        String plain = Outcomes.plainTitle(t, r);
        String requester = SlackText.mention(r.request().requester());
        return switch (n) {
            case STALL_WARNING -> {
                var since = r.tracking().lastChangeAt();
                yield single(t, t.t("notice.stall.text", requester, plain, SlackText.plainTime(since)),
                        ":hourglass: " + t.t("notice.stall", requester, title, SlackText.timeAgo(since)));
            }
            case NO_CHANGE_YET -> single(t, t.t("notice.noChange.text", plain),
                    ":hourglass_flowing_sand: " + t.t("notice.noChange", title, SlackText.time(r.startedAt())));
            case API_UNREACHABLE -> {
                String error = r.tracking().alerts().lastReadError().map(SlackText::user).orElse(t.t("progress.noAnswer"));
                yield single(t, t.t("notice.unreachable.text", plain), ":warning: " + t.t("notice.unreachable", error));
            }
            case RESUMED -> single(t, t.t("notice.resumed.text", plain), ":arrows_counterclockwise: " + t.t("notice.resumed", title));
            case RESTARTED_WHILE_STARTING -> single(t, t.t("notice.restartedWhileStarting.text", plain),
                    ":arrows_counterclockwise: " + t.t("notice.restartedWhileStarting", title));
            case API_REACHABLE_AGAIN -> single(t, t.t("notice.reachable.text", plain), ":white_check_mark: " + t.t("notice.reachable"));
            case DATA_LAGGING -> lagging(t, r, requester, title, plain);
            case FINISHED -> finished(t, r);
        };
    }

    /** The one warning that a node's data did not catch up in time: the node, how many, since when, and what to check. */
    private SlackMessage lagging(Texts t, Rollout r, String requester, String title, String plain) {
        io.ncprollout.rollout.cluster.Product product = r.request().cluster().product();
        // the node the warning is about: still pending, with a count known to lag (as CatchUps raised it)
        var lag = r.tracking().catchUp().nodes().stream().filter(c -> c.outcome() == io.ncprollout.rollout.tracking.CatchUp.Outcome.PENDING
                && c.lagging().isPresent() && c.lagging().getAsInt() > 0).findFirst();
        String node = lag.map(c -> SlackText.escape(c.node())).orElse("?");
        String count = lag.flatMap(c -> c.lagging().isPresent() ? java.util.Optional.of(Integer.toString(c.lagging().getAsInt())) : java.util.Optional.empty())
                .orElse("?");
        String since = lag.map(c -> SlackText.timeAgo(c.returnedAt())).orElse("?");
        return single(t, t.t("notice.lagging.text." + product.name(), requester, plain, count),
                ":warning: " + t.t("notice.lagging." + product.name(), requester, title, node, since, count));
    }

    private SlackMessage finished(Texts t, Rollout r) {
        if (!r.state().isTerminal()) {
            throw new IllegalArgumentException("rollout " + r.id() + " is still running");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(Outcomes.title(t, r) + "\n" + Outcomes.line(t, r)));
        String ended = r.tracking().ending().map(e -> " · " + t.t("fact.ended", SlackText.dateTime(e.at()))).orElse("");
        blocks.add(SlackText.note(t.t("fact.requestedBy", SlackText.mention(r.request().requester())) + " · "
                + t.t("fact.started", SlackText.dateTime(r.startedAt())) + ended));
        blocks.add(SlackText.text(t.t("label.reason") + " " + reason(t, r)));
        blocks.add(SlackText.note(Outcomes.clusterParts(t, r, names)));
        blocks.add(SlackText.text("*" + Outcomes.overall(t, r) + "*"));
        EtaLines.ended(t, r, past.apply(r)).ifPresent(line -> blocks.add(SlackText.note(":stopwatch: " + line)));
        blocks.addAll(NodeLines.sections(t, r.tracking().snapshot().nodes(), r.tracking().catchUp(), r.request().cluster().product(), SUMMARY_LINES_MAX,
                NODE_SECTIONS_MAX, NODE_TEXT_BUDGET));
        String text = t.t("progress.endedAfter", Outcomes.plainTitle(t, r), Outcomes.word(t, r), Outcomes.duration(t, Outcomes.duration(r)))
                + r.endingReason().filter(x -> !Endings.saysNothingMore(x)).map(x -> " (" + Endings.of(t, x) + ")").orElse("");
        return message(t, text, blocks);
    }

    private static String reason(Texts t, Rollout r) {
        String reason = r.request().reason().strip();
        return reason.isEmpty() ? "_" + t.t("progress.noReason") + "_" : SlackText.user(reason);
    }

    private SlackMessage single(Texts t, String text, String mrkdwn) {
        return message(t, text, List.of(SlackText.text(mrkdwn)));
    }

    private SlackMessage message(Texts t, String text, List<LayoutBlock> blocks) {
        if (!simulated) {
            return new SlackMessage(text, blocks);
        }
        List<LayoutBlock> labelled = new ArrayList<>(blocks);
        labelled.add(SlackText.note(SlackText.simulated(t)));
        return new SlackMessage(text, labelled);
    }
}
