package io.ncprollout.slack.render;

import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationKind.Word;
import io.ncprollout.rollout.operation.VersionNames;
import io.ncprollout.rollout.tracking.Durations;
import io.ncprollout.rollout.tracking.NodePhase;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.Snapshot;
import java.time.Duration;
import java.util.Optional;

/** Pure: the phrases that describe a rollout as a whole (its title, its overall progress, its outcome). */
final class Outcomes {
    private Outcomes() {
    }

    /** "Rolling restart of *demo-kafka*" (bold name, escaped). */
    static String title(Texts t, Rollout r) {
        return t.t("outcome.title", kind(t, r.request().kind()), SlackText.escape(r.request().cluster().name()));
    }

    /** The title for fallback text: "Rolling restart of demo-kafka" (escaped, no formatting). */
    static String plainTitle(Texts t, Rollout r) {
        return t.t("outcome.title.plain", kind(t, r.request().kind()), SlackText.escape(r.request().cluster().name()));
    }

    /** The operation's name, e.g. "Rolling restart" (capitalised where the language has capitals). */
    static String kind(Texts t, OperationKind kind) {
        return t.t(kind.messageKey(Word.TITLE));
    }

    /** The operation's name inside a sentence, e.g. "rolling restart". */
    static String kindInSentence(Texts t, OperationKind kind) {
        return t.t(kind.messageKey(Word.TITLE_LOWER));
    }

    /** A role's name for {@code count} nodes: "broker" or "brokers". */
    static String role(Texts t, NodeRole role, long count) {
        return t.t("role." + role.name() + (count == 1 ? ".one" : ".many"));
    }

    /** A duration for people: "45s", "3m 05s", "1h 02m" (the shape of {@link Durations#describe}). */
    static String duration(Texts t, Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return t.t("duration.s", seconds);
        }
        if (seconds < 3600) {
            return t.t("duration.ms", seconds / 60, String.format("%02d", seconds % 60));
        }
        return t.t("duration.hm", seconds / 3600, String.format("%02d", (seconds % 3600) / 60));
    }

    /**
     * "2/3 brokers done", counting the operation's role; all nodes when none has that role, and a wait
     * line before the first poll.
     */
    static String overall(Texts t, Rollout r) {
        Snapshot s = r.tracking().snapshot();
        if (s.nodes().isEmpty()) {
            return t.t("outcome.overall.waiting");
        }
        NodeRole role = r.request().kind().countedRole();
        long total = s.count(role);
        if (total == 0) {
            long done = s.nodes().stream().filter(n -> n.phase() == NodePhase.DONE).count();
            return t.t("outcome.overall", done, s.nodes().size(), role(t, NodeRole.OTHER, 2));
        }
        return t.t("outcome.overall", s.count(role, NodePhase.DONE), total, role(t, role, total));
    }

    /** The total duration of a finished rollout; empty duration while it runs. */
    static Duration duration(Rollout r) {
        return r.tracking().ending().map(e -> r.elapsed(e.at())).orElse(Duration.ZERO);
    }

    /** One word for the final state: "completed", "failed", "stalled", "not confirmed"; "running" otherwise. */
    static String word(Texts t, Rollout r) {
        return t.t("state." + r.state().name());
    }

    /** ":white_check_mark: completed in 3m 05s", ":x: failed: &lt;reason&gt; (after 45s)", … ; mrkdwn. */
    static String line(Texts t, Rollout r) {
        String reason = r.endingReason().map(why -> Endings.of(t, why)).orElse("");
        String took = duration(t, duration(r));
        return switch (r.state()) {
            case RUNNING -> ":arrows_counterclockwise: " + t.t("outcome.line.RUNNING");
            case COMPLETED -> ":white_check_mark: " + t.t("outcome.line.COMPLETED", took);
            case FAILED -> ":x: " + t.t("outcome.line.FAILED", reason, took);
            case STALLED -> ":warning: " + t.t("outcome.line.STALLED", reason);
            case UNCONFIRMED -> ":grey_question: " + t.t("outcome.line.UNCONFIRMED", reason);
            case NOT_STARTED -> ":no_entry_sign: " + t.t("outcome.line.NOT_STARTED", reason);
            case ABANDONED -> ":wastebasket: " + t.t("outcome.line.ABANDONED", reason);
        };
    }

    /**
     * The cluster status and, for versioned operations, "Version: before → target" by name (the version the first poll
     * saw, and the target; at the end the version the cluster is on); mrkdwn parts for a context block.
     */
    static String[] clusterParts(Texts t, Rollout r, VersionNames names) {
        Snapshot s = r.tracking().snapshot();
        String status = t.t("outcome.clusterStatus", s.clusterStatus().isEmpty() ? t.t("outcome.clusterStatus.unread") : SlackText.escape(s.clusterStatus()));
        if (!r.request().kind().isVersioned()) {
            return new String[] {status};
        }
        String target = r.request().targetVersion().map(code -> version(names, code)).orElse("?");
        if (s.versionBefore().isEmpty()) {
            return new String[] {status, t.t("fact.targetVersion", target)};
        }
        String before = version(names, s.versionBefore().get());
        boolean ended = r.state().isTerminal();
        Optional<String> now = s.versionCode();
        if (ended && now.isPresent() && !now.equals(r.request().targetVersion())) {
            return new String[] {status, t.t("outcome.version.notReached", version(names, now.get()), target)};
        }
        return new String[] {status, t.t("outcome.version", before, target)};
    }

    /** A version as people read it: its name ("Kafka 3.9.0, CMAK 3.0.0.6") once a version list named it, else its code; escaped. */
    static String version(VersionNames names, String code) {
        return SlackText.escape(names.nameOf(code).orElse(code));
    }
}
