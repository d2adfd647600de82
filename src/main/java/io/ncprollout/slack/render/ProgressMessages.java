package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.ClusterRef;
import io.ncprollout.rollout.Durations;
import io.ncprollout.rollout.Notice;
import io.ncprollout.rollout.Rollout;
import io.ncprollout.slack.SlackIds.ActionIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pure: the messages of an operation's thread, each a function of the rollout alone.
 *
 * <ul>
 *   <li>{@link #parent}: who started what, why and when; once final, also the outcome.</li>
 *   <li>{@link #progress}: the reply edited in place, one line per node; while the operation runs it ends with
 *       "Refresh now" and "Cluster status" buttons whose value is the rollout id.</li>
 *   <li>{@link #notice}: what {@link io.ncprollout.rollout.RolloutTransitions} decided to say, including the
 *       final summary.</li>
 * </ul>
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

    /** @param simulated true when the embedded simulator serves: every message then says so */
    public ProgressMessages(boolean simulated) {
        this.simulated = simulated;
    }

    /** The channel message that starts the thread: "Rolling restart of *demo-kafka* started by @alice", and the outcome once final. */
    public SlackMessage parent(Rollout r) {
        Objects.requireNonNull(r, "r == null");
        ClusterRef cluster = r.request().cluster();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":arrows_counterclockwise: " + Outcomes.title(r) + " started by " + SlackText.mention(r.request().requester())));
        List<String> facts = new ArrayList<>(List.of(
                "Cluster " + SlackText.escape(cluster.number()),
                SlackText.escape(cluster.region()),
                cluster.service().displayName(),
                "started " + SlackText.dateTime(r.startedAt())));
        r.request().targetVersion().ifPresent(v -> facts.add("target version " + SlackText.escape(v)));
        blocks.add(SlackText.note(String.join(" · ", facts)));
        blocks.add(SlackText.text("*Reason:* " + reason(r)));
        String text = Outcomes.plainTitle(r) + " started by " + SlackText.mention(r.request().requester());
        if (r.state().isTerminal()) {
            blocks.add(SlackText.text(Outcomes.line(r)));
            text = Outcomes.plainTitle(r) + ": " + Outcomes.word(r) + " after " + Durations.describe(Outcomes.duration(r));
        }
        return message(text, blocks);
    }

    /**
     * The threaded progress reply: the overall line, the cluster status, read trouble, and every node; while the
     * rollout runs, the {@link ActionIds#REFRESH_NOW} and {@link ActionIds#SHOW_STATUS} buttons (the final edit drops them).
     */
    public SlackMessage progress(Rollout r) {
        Objects.requireNonNull(r, "r == null");
        List<LayoutBlock> blocks = new ArrayList<>();
        String headline = Outcomes.title(r) + ": " + Outcomes.overall(r);
        if (r.state().isTerminal()) {
            headline += "\n" + Outcomes.line(r);
        }
        blocks.add(SlackText.text(headline));
        blocks.add(SlackText.note(Outcomes.clusterParts(r)));
        if (r.tracking().alerts().has(Notice.API_UNREACHABLE)) {
            String error = r.tracking().alerts().lastReadError().map(SlackText::user).orElse("no answer");
            blocks.add(SlackText.text(":warning: NCP API unreachable (" + error + "); still trying"));
        }
        blocks.addAll(NodeLines.sections(r.tracking().snapshot().nodes(), 50, NODE_SECTIONS_MAX, NODE_TEXT_BUDGET));
        if (!r.state().isTerminal()) {
            blocks.add(actions(List.of(
                    button(b -> b.actionId(ActionIds.REFRESH_NOW).text(plainText("Refresh now")).value(r.id())),
                    button(b -> b.actionId(ActionIds.SHOW_STATUS).text(plainText("Cluster status")).value(r.id())))));
        }
        return message(Outcomes.plainTitle(r) + ": " + Outcomes.overall(r), blocks);
    }

    /**
     * What the thread says for {@code notice}. {@link Notice#FINISHED} is the final summary (posted with
     * {@code reply_broadcast}); it requires a rollout in a final state.
     *
     * @throws IllegalArgumentException for {@link Notice#FINISHED} on a rollout that is still running
     */
    public SlackMessage notice(Rollout r, Notice n) {
        Objects.requireNonNull(r, "r == null");
        Objects.requireNonNull(n, "n == null");
        String title = Outcomes.title(r);
        String plain = Outcomes.plainTitle(r);
        String requester = SlackText.mention(r.request().requester());
        return switch (n) {
            case STALL_WARNING -> {
                var since = r.tracking().lastChangeAt();
                yield single(requester + " " + plain + ": nothing changed since " + SlackText.plainTime(since) + "; still watching",
                        ":hourglass: " + requester + " " + title + ": nothing has changed since " + SlackText.timeAgo(since)
                                + ". The bot keeps watching and will say when something moves; check the cluster in the NCP console if this goes on.");
            }
            case NO_CHANGE_YET -> single(plain + ": NCP accepted the start, but no node has changed yet",
                    ":hourglass_flowing_sand: NCP accepted the start of " + title + " at " + SlackText.time(r.startedAt())
                            + ", but no node has changed yet, so success is not claimed. The bot keeps watching.");
            case API_UNREACHABLE -> {
                String error = r.tracking().alerts().lastReadError().map(SlackText::user).orElse("no answer");
                yield single(plain + ": the NCP API is unreachable; still trying",
                        ":warning: The NCP API is unreachable (" + error + "). The bot keeps trying; the operation goes on at NCP either way.");
            }
            case RESUMED -> single(plain + ": tracking resumed after a bot restart",
                    ":arrows_counterclockwise: The bot restarted and is following " + title + " again in this thread.");
            case API_REACHABLE_AGAIN -> single(plain + ": the NCP API is reachable again",
                    ":white_check_mark: The NCP API is reachable again; progress updates resume.");
            case FINISHED -> finished(r);
        };
    }

    private SlackMessage finished(Rollout r) {
        if (!r.state().isTerminal()) {
            throw new IllegalArgumentException("rollout " + r.id() + " is still running");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(Outcomes.title(r) + "\n" + Outcomes.line(r)));
        String ended = r.tracking().ending().map(e -> " · ended " + SlackText.dateTime(e.at())).orElse("");
        blocks.add(SlackText.note("Requested by " + SlackText.mention(r.request().requester()) + " · started "
                + SlackText.dateTime(r.startedAt()) + ended));
        blocks.add(SlackText.text("*Reason:* " + reason(r)));
        blocks.add(SlackText.note(Outcomes.clusterParts(r)));
        blocks.add(SlackText.text("*" + Outcomes.overall(r) + "*"));
        blocks.addAll(NodeLines.sections(r.tracking().snapshot().nodes(), SUMMARY_LINES_MAX, NODE_SECTIONS_MAX, NODE_TEXT_BUDGET));
        String text = Outcomes.plainTitle(r) + ": " + Outcomes.word(r) + " after "
                + Durations.describe(Outcomes.duration(r))
                + r.endingReason().filter(x -> !"completed".equals(x)).map(x -> " (" + SlackText.escape(x) + ")").orElse("");
        return message(text, blocks);
    }

    private static String reason(Rollout r) {
        String reason = r.request().reason().strip();
        return reason.isEmpty() ? "_none given_" : SlackText.user(reason);
    }

    private SlackMessage single(String text, String mrkdwn) {
        return message(text, List.of(SlackText.text(mrkdwn)));
    }

    private SlackMessage message(String text, List<LayoutBlock> blocks) {
        if (!simulated) {
            return new SlackMessage(text, blocks);
        }
        List<LayoutBlock> labelled = new ArrayList<>(blocks);
        labelled.add(SlackText.note(SlackText.SIMULATED));
        return new SlackMessage(text, labelled);
    }
}
