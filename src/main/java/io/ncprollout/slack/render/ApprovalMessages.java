package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.operation.VersionNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure: the channel message of a request under the two-person rule, open (with buttons) or decided (without). Like
 * the thread of an operation, it is written in the requester's language (see {@link ProgressMessages}).
 */
public final class ApprovalMessages {
    private final boolean simulated;
    private final VersionNames names;

    public ApprovalMessages(boolean simulated) {
        this(simulated, VersionNames.none());
    }

    /** @param names the names of version codes, so a request says "to Kafka 3.9.0" where NCP takes 3903006 */
    public ApprovalMessages(boolean simulated, VersionNames names) {
        this.simulated = simulated;
        this.names = names;
    }

    /** The open request: who asks what and why, who may approve, until when; Approve and Reject buttons. */
    public SlackMessage request(PendingApproval a, Locale locale) {
        Texts t = Texts.of(locale);
        RolloutRequest r = a.request();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":raising_hand: " + t.t("approval.asks", SlackText.mention(r.requester()), what(t, r)) + when(t, a)
                + "\n" + t.t("label.reason") + " " + SlackText.user(r.reason())
                + "\n" + t.t("approval.approvers", approvers(t, a), SlackText.time(a.expiresAt()))));
        if (r.startAnyway()) {
            // the approver must know: this start goes ahead even if the data-level health gate does not pass
            blocks.add(SlackText.text(":warning: " + t.t("approval.startAnyway")));
        }
        blocks.add(actions(List.of(
                button(b -> b.actionId(io.ncprollout.slack.SlackIds.ActionIds.APPROVE).value(a.id()).style("primary").text(plainText(t.t("approval.approve")))),
                button(b -> b.actionId(io.ncprollout.slack.SlackIds.ActionIds.REJECT).value(a.id()).style("danger").text(plainText(t.t("approval.reject")))))));
        simulatedNote(t, blocks);
        return new SlackMessage(t.t("approval.text", plain(t, r)), blocks);
    }

    /** The same request once approved, rejected or expired; no buttons. */
    public SlackMessage decided(PendingApproval a, Locale locale) {
        Texts t = Texts.of(locale);
        RolloutRequest r = a.request();
        String by = a.decision().by().map(SlackText::mention).orElse("");
        String line = switch (a.decision().status()) {
            case APPROVED -> ":white_check_mark: " + t.t("approval.APPROVED", by);
            case REJECTED -> ":no_entry: " + t.t("approval.REJECTED", by);
            case EXPIRED -> ":hourglass: " + t.t("approval.EXPIRED", SlackText.time(a.expiresAt()));
            case PENDING -> ":raising_hand: " + t.t("approval.PENDING");
        };
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(t.t("approval.asked", SlackText.mention(r.requester()), what(t, r)) + when(t, a) + "\n" + t.t("label.reason") + " "
                + SlackText.user(r.reason()) + "\n" + line));
        simulatedNote(t, blocks);
        return new SlackMessage(t.t("approval.status." + a.decision().status().name()) + ": " + plain(t, r), blocks);
    }

    private String what(Texts t, RolloutRequest r) {
        String what = t.t("approval.what", Outcomes.kindInSentence(t, r.kind()), SlackText.escape(r.cluster().name()),
                SlackText.escape(r.cluster().number()), SlackText.escape(r.cluster().region()));
        return what + r.targetVersion().map(v -> t.t("approval.toVersion", Outcomes.version(names, v))).orElse("");
    }

    /** For a request made with {@code --at}: when it is to start once approved (the approval happens now). */
    private static String when(Texts t, PendingApproval a) {
        return a.schedule().map(w -> "\n:calendar: " + t.t("approval.scheduledFor", ScheduleTimes.both(w), SlackText.date(w.at(), "{date_short_pretty} {time}")))
                .orElse("");
    }

    private static String plain(Texts t, RolloutRequest r) {
        return t.t("outcome.title.plain", Outcomes.kind(t, r.kind()), r.cluster().name());
    }

    /** Approvers named one by one: at most this many, then "…and N more". */
    static final int APPROVERS_MAX = 20;

    private static String approvers(Texts t, PendingApproval a) {
        List<String> names = new ArrayList<>();
        a.approvers().users().stream().sorted().forEach(u -> names.add(u.equals("*") ? t.t("approval.anyone") : SlackText.mention(SlackText.cut(u, 30))));
        a.approvers().usergroups().stream().sorted().forEach(g -> names.add("<!subteam^" + SlackText.escape(SlackText.cut(g, 30)) + ">"));
        return String.join(", ", SlackText.fit(names, APPROVERS_MAX, 1_000, n -> t.t("nodes.more", n)));
    }

    private void simulatedNote(Texts t, List<LayoutBlock> blocks) {
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
    }
}
