package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages a person reads without Slack's help (notifications, the local shell): human dates, no raw tokens. */
class PlainWordsTest {
    @Test
    void busy_showsWhenInWords_neverARawInstant() {
        TrackedRollout running = new TrackedRollout(Rollouts.restart(), new ThreadRef("C1", "1.1", "1.2"));

        String text = StartOutcomeMessages.message(StartOutcome.of(StartOutcome.Result.BUSY, running), Locale.ENGLISH);

        assertThat(text).contains("|2026-11-22 10:00:00 UTC>").doesNotContain("T10:00:00Z");
    }

    @Test
    void history_keepsTheBotsDateTokens_andPutsEachEventOnOneLine() {
        AuditEvent denied = new AuditEvent(Instant.parse("2026-11-22T10:05:00Z"), "U123", "denied", Optional.of(Rollouts.KAFKA),
                "kafka restart", "demo-kafka is frozen by <@U0ADMIN> since <!date^1795341600^{date_short_pretty} {time}|2026-11-22 10:00 UTC>: "
                        + "patch <week>. Nothing can start.");
        AuditEvent precheck = new AuditEvent(Instant.parse("2026-11-22T10:06:00Z"), "U123", "denied", Optional.of(Rollouts.KAFKA),
                "precheck", "NCP says:\n\nnot ready\n");

        String mrkdwn = HistoryMessages.history("demo-kafka", List.of(denied, precheck), Locale.ENGLISH).blocks().toString();

        assertThat(mrkdwn).contains("<@U0ADMIN>", "<!date^1795341600^{date_short_pretty} {time}|2026-11-22 10:00 UTC>", "patch &lt;week&gt;")
                .contains("NCP says: not ready").doesNotContain("&lt;!date", "\n\n");
    }

    @Test
    void upgradeThread_namesVersions_andSaysFromWhatToWhatAtTheEnd() {
        io.ncprollout.rollout.operation.VersionNames names = io.ncprollout.rollout.operation.VersionNames.none();
        names.learn(new io.ncprollout.rollout.operation.VersionChoice("2150", "OpenSearch 2.15.0"));
        names.learn(new io.ncprollout.rollout.operation.VersionChoice("2190", "OpenSearch 2.19.0"));
        io.ncprollout.rollout.tracking.Rollout r = Rollouts.openSearchUpgrade();
        io.ncprollout.rollout.tracking.Rollout midway = Rollouts.poll(r, 15, io.ncprollout.testing.Observations.cluster("changing")
                .data("demo-search-d-1", "upgrading").version("2150"));
        io.ncprollout.rollout.tracking.Rollout done = Rollouts.poll(midway, 60, io.ncprollout.testing.Observations.cluster("running")
                .data("demo-search-d-1", "green").version("2190"));
        ProgressMessages messages = new ProgressMessages(false, names);

        String parent = messages.parent(r, Locale.ENGLISH).blocks().toString();
        String end = messages.notice(done, io.ncprollout.rollout.tracking.Notice.FINISHED, Locale.ENGLISH).blocks().toString();

        assertThat(parent).contains("upgrade to OpenSearch 2.19.0").doesNotContain("2190");
        assertThat(done.state()).isEqualTo(io.ncprollout.rollout.tracking.RolloutState.COMPLETED);
        assertThat(end).contains("Version: OpenSearch 2.15.0 → OpenSearch 2.19.0").doesNotContain("2190 →", "→ 2190");
    }
}
