package io.ncprollout.slack.render;

import io.ncprollout.rollout.Durations;
import io.ncprollout.rollout.NodePhase;
import io.ncprollout.rollout.NodeRole;
import io.ncprollout.rollout.Rollout;
import io.ncprollout.rollout.Snapshot;
import java.time.Duration;

/** Pure: the phrases that describe a rollout as a whole (its title, its overall progress, its outcome). */
final class Outcomes {
    private Outcomes() {
    }

    /** "Rolling restart of *demo-kafka*" (bold name, escaped). */
    static String title(Rollout r) {
        return r.request().kind().title() + " of *" + SlackText.escape(r.request().cluster().name()) + "*";
    }

    /** The title for fallback text: "Rolling restart of demo-kafka" (escaped, no formatting). */
    static String plainTitle(Rollout r) {
        return r.request().kind().title() + " of " + SlackText.escape(r.request().cluster().name());
    }

    /**
     * "2/3 brokers done", counting the operation's role; all nodes when none has that role, and a wait
     * line before the first poll.
     */
    static String overall(Rollout r) {
        Snapshot s = r.tracking().snapshot();
        if (s.nodes().isEmpty()) {
            return "waiting for the first status from NCP";
        }
        NodeRole role = r.request().kind().countedRole();
        long total = s.count(role);
        if (total == 0) {
            long done = s.nodes().stream().filter(n -> n.phase() == NodePhase.DONE).count();
            return done + "/" + s.nodes().size() + " nodes done";
        }
        return s.count(role, NodePhase.DONE) + "/" + total + " " + (total == 1 ? role.singular() : role.plural()) + " done";
    }

    /** The total duration of a finished rollout; empty duration while it runs. */
    static Duration duration(Rollout r) {
        return r.tracking().ending().map(e -> r.elapsed(e.at())).orElse(Duration.ZERO);
    }

    /** One word for the final state: "completed", "failed", "stalled", "not confirmed"; "running" otherwise. */
    static String word(Rollout r) {
        return switch (r.state()) {
            case RUNNING -> "running";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case STALLED -> "stalled";
            case UNCONFIRMED -> "not confirmed";
        };
    }

    /** ":white_check_mark: completed in 3m 05s", ":x: failed: &lt;reason&gt; (after 45s)", … ; mrkdwn. */
    static String line(Rollout r) {
        String reason = SlackText.escape(r.endingReason().orElse(""));
        String took = Durations.describe(duration(r));
        return switch (r.state()) {
            case RUNNING -> ":arrows_counterclockwise: running";
            case COMPLETED -> ":white_check_mark: completed in " + took;
            case FAILED -> ":x: failed: " + reason + " (after " + took + ")";
            case STALLED -> ":warning: stalled: " + reason;
            case UNCONFIRMED -> ":grey_question: not confirmed: " + reason;
        };
    }

    /** The cluster status and, for versioned operations, "version current → target"; mrkdwn parts for a context block. */
    static String[] clusterParts(Rollout r) {
        Snapshot s = r.tracking().snapshot();
        String status = "Cluster status: " + (s.clusterStatus().isEmpty() ? "not read yet" : SlackText.escape(s.clusterStatus()));
        if (!r.request().kind().isVersioned()) {
            return new String[] {status};
        }
        String current = SlackText.escape(s.versionCode().orElse("?"));
        String target = SlackText.escape(r.request().targetVersion().orElse("?"));
        return new String[] {status, "Version: " + current + " → " + target};
    }
}
