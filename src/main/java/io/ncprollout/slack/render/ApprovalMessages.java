package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.PendingApproval;
import io.ncprollout.rollout.RolloutRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pure: the channel message of a request under the two-person rule, open (with buttons) or decided (without). */
public final class ApprovalMessages {
    private final boolean simulated;

    public ApprovalMessages(boolean simulated) {
        this.simulated = simulated;
    }

    /** The open request: who asks what and why, who may approve, until when; Approve and Reject buttons. */
    public SlackMessage request(PendingApproval a) {
        RolloutRequest r = a.request();
        String what = what(r);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":raising_hand: " + SlackText.mention(r.requester()) + " asks to run a " + what
                + "\n*Reason:* " + SlackText.user(r.reason())
                + "\n*Approvers:* " + approvers(a) + " (not the requester) · expires " + SlackText.time(a.expiresAt())));
        blocks.add(actions(List.of(
                button(b -> b.actionId(io.ncprollout.slack.SlackIds.ActionIds.APPROVE).value(a.id()).style("primary").text(plainText("Approve"))),
                button(b -> b.actionId(io.ncprollout.slack.SlackIds.ActionIds.REJECT).value(a.id()).style("danger").text(plainText("Reject"))))));
        simulatedNote(blocks);
        return new SlackMessage("Approval needed: " + plain(r), blocks);
    }

    /** The same request once approved, rejected or expired; no buttons. */
    public SlackMessage decided(PendingApproval a) {
        RolloutRequest r = a.request();
        String by = a.decision().by().map(SlackText::mention).orElse("");
        String line = switch (a.decision().status()) {
            case APPROVED -> ":white_check_mark: Approved by " + by + ": starting now (the precheck runs again).";
            case REJECTED -> ":no_entry: Rejected by " + by + ": nothing was started.";
            case EXPIRED -> ":hourglass: Expired at " + SlackText.time(a.expiresAt()) + " without a decision: nothing was started. Ask again with the command.";
            case PENDING -> ":raising_hand: Waiting for approval.";
        };
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(SlackText.mention(r.requester()) + " asked to run a " + what(r) + "\n*Reason:* " + SlackText.user(r.reason())
                + "\n" + line));
        simulatedNote(blocks);
        return new SlackMessage(a.decision().status().name().toLowerCase(Locale.ROOT) + ": " + plain(r), blocks);
    }

    private static String what(RolloutRequest r) {
        return r.kind().title().toLowerCase(Locale.ROOT) + " of *" + SlackText.escape(r.cluster().name()) + "* (" + SlackText.escape(r.cluster().number())
                + ", " + SlackText.escape(r.cluster().region()) + ")" + r.targetVersion().map(v -> " to " + SlackText.escape(v)).orElse("");
    }

    private static String plain(RolloutRequest r) {
        return r.kind().title() + " of " + r.cluster().name();
    }

    private static String approvers(PendingApproval a) {
        List<String> names = new ArrayList<>();
        a.approvers().users().stream().sorted().forEach(u -> names.add(u.equals("*") ? "anyone" : SlackText.mention(u)));
        a.approvers().usergroups().stream().sorted().forEach(g -> names.add("<!subteam^" + SlackText.escape(g) + ">"));
        return String.join(", ", names);
    }

    private void simulatedNote(List<LayoutBlock> blocks) {
        if (simulated) {
            blocks.add(SlackText.note(":test_tube: Simulated cluster — nothing real is touched"));
        }
    }
}
