package io.ncprollout.slack.render;

import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.StartPhase;
import java.util.function.UnaryOperator;

/**
 * Pure: why an operation ended, in the reader's words ({@code ending.*} in the bundles). Text of NCP and of users
 * inside a reason (a node's status, an admin's reason, NCP's refusal) goes through the caller's {@code data} function
 * (escaping it for mrkdwn, cutting it, or, for the audit trail, nothing); a reason an older version stored as a
 * sentence is that text, as it was written.
 */
final class Endings {
    private Endings() {
    }

    /** The reason as mrkdwn, NCP and user text escaped. */
    static String of(Texts t, EndingReason reason) {
        return of(t, reason, SlackText::escape);
    }

    /** The reason, with {@code data} applied to each piece of NCP or user text in it. */
    static String of(Texts t, EndingReason reason, UnaryOperator<String> data) {
        if (reason instanceof EndingReason.Completed) {
            return t.t("ending.completed");
        } else if (reason instanceof EndingReason.NodeFailed r) {
            return t.t("ending.nodeFailed", data.apply(r.node()), Outcomes.role(t, r.role(), 1), data.apply(r.status()));
        } else if (reason instanceof EndingReason.ClusterFailed r) {
            return t.t("ending.clusterFailed", data.apply(r.status()));
        } else if (reason instanceof EndingReason.Stalled r) {
            return t.t("ending.stalled", Outcomes.duration(t, r.quiet()));
        } else if (reason instanceof EndingReason.NeverChanged r) {
            return t.t("ending.neverChanged", Outcomes.duration(t, r.quiet()));
        } else if (reason instanceof EndingReason.AnswerLost r) {
            return t.t("ending.answerLost", Outcomes.duration(t, r.sinceStart()));
        } else if (reason instanceof EndingReason.NotStarted r) {
            return t.t(r.phase() == StartPhase.RECEIVED || r.phase() == StartPhase.CLAIMED ? "ending.notStarted." + r.phase().name()
                    : "ending.notStarted");
        } else if (reason instanceof EndingReason.Abandoned r) {
            return t.t("ending.abandoned", SlackText.mention(r.admin()), data.apply(r.reason()));
        } else if (reason instanceof EndingReason.StartRefused r) {
            return t.t("ending.startRefused", data.apply(r.message()));
        } else if (reason instanceof EndingReason.StartNotSent r) {
            return t.t("ending.startNotSent", data.apply(r.error()));
        } else if (reason instanceof EndingReason.Text r) {
            return data.apply(r.text());
        }
        throw new IllegalArgumentException("no words for " + reason);
    }

    /** True when the reason says no more than the state does ("completed"), so lines that show the state leave it out. */
    static boolean saysNothingMore(EndingReason reason) {
        return reason instanceof EndingReason.Completed || reason instanceof EndingReason.Text r && r.text().equals("completed");
    }
}
