package io.ncprollout.slack.render;

import static io.ncprollout.slack.render.Rollouts.kafka;
import static io.ncprollout.slack.render.Rollouts.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.testing.Observations;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProgressMessagesTest {
    private static final Pattern DATE_TOKEN = Pattern.compile("<!date\\^(\\d+)\\^");

    private final ProgressMessages messages = new ProgressMessages(false);

    @Test
    void progress_threeBrokerRestartMidway_matchesGolden() {
        SlackMessage message = triggerProgress(Rollouts.midway());

        assertThat(message.text()).isEqualTo("Rolling restart of demo-kafka: 1/3 brokers done");
        Golden.assertMatches("progress-restart-midway", message.blocks());
    }

    @Test
    void progress_runningRollout_endsWithRefreshAndStatusButtonsCarryingTheRolloutId() {
        SlackMessage message = triggerProgress(Rollouts.midway());

        var blocks = BlockKitLimits.json(message.blocks()).getAsJsonArray();
        var last = blocks.get(blocks.size() - 1).getAsJsonObject();
        assertThat(last.get("type").getAsString()).isEqualTo("actions");
        var buttons = last.getAsJsonArray("elements");
        assertThat(buttons.size()).isEqualTo(2);
        assertThat(buttons.get(0).getAsJsonObject().get("action_id").getAsString()).isEqualTo(SlackIds.ActionIds.REFRESH_NOW);
        assertThat(buttons.get(0).getAsJsonObject().get("value").getAsString()).isEqualTo("r-1");
        assertThat(buttons.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString()).isEqualTo("Refresh now");
        assertThat(buttons.get(1).getAsJsonObject().get("action_id").getAsString()).isEqualTo(SlackIds.ActionIds.SHOW_STATUS);
        assertThat(buttons.get(1).getAsJsonObject().get("value").getAsString()).isEqualTo("r-1");
        assertThat(buttons.get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString()).isEqualTo("Cluster status");
    }

    @Test
    void progress_finalRollouts_haveNoButtons() {
        for (Rollout r : new Rollout[] {Rollouts.completed(), Rollouts.failed()}) {
            String json = BlockKitLimits.json(triggerProgress(r).blocks()).toString();

            assertThat(json).doesNotContain("\"type\":\"actions\"").doesNotContain(SlackIds.ActionIds.REFRESH_NOW);
        }
    }

    @Test
    void progress_simulatedRunningRollout_keepsButtonsAndLabelWithinLimits() {
        SlackMessage message = new ProgressMessages(true).progress(Rollouts.big(120), Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains(SlackIds.ActionIds.SHOW_STATUS).contains("Simulated cluster");
    }

    @Test
    void notice_finishedCompletedRestart_matchesGolden() {
        Rollout r = Rollouts.completed();

        SlackMessage message = messages.notice(r, Notice.FINISHED, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(message.text()).isEqualTo("Rolling restart of demo-kafka: completed after 3m 05s");
        Golden.assertMatches("finished-restart-completed", message.blocks());
    }

    @Test
    void notice_finishedFailedRestart_matchesGolden() {
        Rollout r = Rollouts.failed();

        SlackMessage message = messages.notice(r, Notice.FINISHED, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(r.state()).isEqualTo(RolloutState.FAILED);
        assertThat(message.text()).isEqualTo("Rolling restart of demo-kafka: failed after 2m 20s (demo-kafka-b-2 (broker) reported red)");
        Golden.assertMatches("finished-restart-failed", message.blocks());
    }

    @Test
    void progress_equalRollouts_renderEqualMessages() {
        // GIVEN two rollouts built independently from the same polls
        Rollout first = Rollouts.midway();
        Rollout second = Rollouts.midway();

        // WHEN / THEN
        assertThat(triggerProgress(first)).isEqualTo(triggerProgress(second));
        assertThat(BlockKitLimits.json(triggerProgress(first).blocks())).isEqualTo(BlockKitLimits.json(triggerProgress(second).blocks()));
    }

    @Test
    void progress_nodeStatusChanges_renderDiffers() {
        Rollout before = Rollouts.midway();
        Rollout after = poll(before, 100, kafka("changing", "green", "yellow", "green").membersMissing());

        assertThat(BlockKitLimits.json(triggerProgress(after).blocks())).isNotEqualTo(BlockKitLimits.json(triggerProgress(before).blocks()));
    }

    @Test
    void progress_runningRollout_showsOnlyTimesTakenFromTheRollout() {
        Rollout r = Rollouts.midway();
        Set<Long> known = new HashSet<>();
        known.add(r.startedAt().getEpochSecond());
        r.tracking().snapshot().nodes().stream().flatMap(n -> Stream.of(n.startedAt(), n.finishedAt()))
                .flatMap(java.util.Optional::stream).map(Instant::getEpochSecond).forEach(known::add);
        // the estimate is derived from the rollout too: b-1 took 72 s, two brokers left after it
        known.add(Rollouts.at(87 + 144).getEpochSecond());

        String json = BlockKitLimits.json(triggerProgress(r).blocks()).toString();

        Matcher dates = DATE_TOKEN.matcher(json);
        while (dates.find()) {
            assertThat(Long.parseLong(dates.group(1))).isIn(known);
        }
        assertThat(json).contains("done in 1m 12s").contains("in progress since <!date^" + Rollouts.at(87).getEpochSecond());
        // the one relative time is the estimate's, and the reader's client computes it, not the render
        assertThat(json.split("\\{ago\\}", -1)).hasSize(2);
        assertThat(json).contains("ETA <!date^" + Rollouts.at(231).getEpochSecond() + "^{time_secs} ({ago})");
    }

    @Test
    void progress_unknownRawStatus_rendersVerbatimWithNeutralEmoji() {
        Rollout r = poll(Rollouts.restart(), 15, kafka("migrating", "purple", "green", "green"));

        String json = BlockKitLimits.json(triggerProgress(r).blocks()).toString();

        assertThat(json).contains(":grey_question: *demo-kafka-b-1* · broker · purple · in progress since")
                .contains("Cluster status: migrating");
    }

    @Test
    void parent_reasonWithMentions_isEscaped() {
        Rollout r = Rollouts.restart("<!channel> & <@U1>");

        SlackMessage message = messages.parent(r, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        String json = BlockKitLimits.json(message.blocks()).toString() + message.text();
        assertThat(json).contains("&lt;!channel&gt; &amp; &lt;@U1&gt;").doesNotContain("<!channel>").doesNotContain("<@U1>");
    }

    @Test
    void parent_runningRollout_namesRequesterClusterAndStartTime() {
        SlackMessage message = messages.parent(Rollouts.restart(), Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(message.text()).isEqualTo("Rolling restart of demo-kafka started by <@U123>");
        assertThat(BlockKitLimits.json(message.blocks()).toString())
                .contains("Rolling restart of *demo-kafka* started by <@U123>")
                .contains("Cluster 1234567 · KR")
                .contains("<!date^" + Rollouts.T0.getEpochSecond() + "^{date_short_pretty} {time_secs}|2026-11-22 10:00:00 UTC>")
                .contains("monthly patching");
    }

    @Test
    void parent_completedRollout_showsOutcome() {
        SlackMessage message = messages.parent(Rollouts.completed(), Locale.ENGLISH);

        assertThat(message.text()).isEqualTo("Rolling restart of demo-kafka: completed after 3m 05s");
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains(":white_check_mark: completed in 3m 05s");
    }

    @Test
    void parent_failedRollout_showsEndingReason() {
        assertThat(BlockKitLimits.json(messages.parent(Rollouts.failed(), Locale.ENGLISH).blocks()).toString())
                .contains(":x: failed: demo-kafka-b-2 (broker) reported red (after 2m 20s)");
    }

    @Test
    void progress_fiftyBrokers_listsEveryNodeWithinLimits() {
        SlackMessage message = triggerProgress(Rollouts.big(50));

        BlockKitLimits.assertWithinLimits(message);
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("demo-kafka-broker-001").contains("demo-kafka-broker-050");
    }

    @Test
    void notice_finishedFiftyBrokers_staysWithinLimits() {
        SlackMessage message = messages.notice(Rollouts.bigCompleted(50), Notice.FINISHED, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("*brokers* (50): 50 done");
    }

    @Test
    void progress_120Brokers_degradesToCountsWithinLimits() {
        SlackMessage message = triggerProgress(Rollouts.big(120));

        BlockKitLimits.assertWithinLimits(message);
        String json = BlockKitLimits.json(message.blocks()).toString();
        assertThat(json).contains("*brokers* (120): 79 waiting · 1 in progress · 40 done").contains("demo-kafka-broker-041");
        assertThat(message.text()).isEqualTo("Rolling restart of demo-kafka: 40/120 brokers done");
    }

    @Test
    void notice_finished120Brokers_staysWithinLimits() {
        BlockKitLimits.assertWithinLimits(messages.notice(Rollouts.bigCompleted(120), Notice.FINISHED, Locale.ENGLISH));
    }

    @Test
    void progress_apiUnreachable_saysStillTrying() {
        Rollout r = Rollouts.midway();
        for (int i = 1; i <= 3; i++) {
            r = Rollouts.readFailed(r, 87 + 15L * i, "timeout <after 10s>");
        }

        SlackMessage message = triggerProgress(r);

        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("NCP API unreachable (timeout &lt;after 10s&gt;); still trying");
    }

    @Test
    void notice_stallWarning_mentionsRequesterAndLastChange() {
        SlackMessage message = messages.notice(Rollouts.midway(), Notice.STALL_WARNING, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(message.text()).startsWith("<@U123> ");
        assertThat(BlockKitLimits.json(message.blocks()).toString())
                .contains("<@U123>").contains("<!date^" + Rollouts.at(87).getEpochSecond() + "^{time_secs} ({ago})|10:01:27 UTC>")
                .contains("keeps watching");
    }

    @Test
    void notice_noChangeYet_doesNotClaimSuccess() {
        Rollout r = poll(Rollouts.restart(), 300, kafka("running", "green", "green", "green"));

        SlackMessage message = messages.notice(r, Notice.NO_CHANGE_YET, Locale.ENGLISH);

        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("no node has changed yet, so success is not claimed");
    }

    @Test
    void notice_finishedOnRunningRollout_isRefused() {
        assertThatThrownBy(() -> messages.notice(Rollouts.midway(), Notice.FINISHED, Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyMessage_simulated_carriesTheSimulatedLabel() {
        // GIVEN messages for a simulated cluster
        ProgressMessages simulated = new ProgressMessages(true);
        Rollout running = Rollouts.midway();

        // WHEN every kind of message is rendered
        Stream<SlackMessage> all = Stream.concat(
                Stream.of(simulated.parent(running, Locale.ENGLISH), simulated.progress(running, Locale.ENGLISH), simulated.parent(Rollouts.completed(), Locale.ENGLISH),
                        simulated.notice(Rollouts.completed(), Notice.FINISHED, Locale.ENGLISH)),
                Stream.of(Notice.STALL_WARNING, Notice.NO_CHANGE_YET, Notice.API_UNREACHABLE, Notice.API_REACHABLE_AGAIN)
                        .map(n -> simulated.notice(running, n, Locale.ENGLISH)));

        // THEN each says so, within limits
        all.forEach(m -> {
            BlockKitLimits.assertWithinLimits(m);
            assertThat(BlockKitLimits.json(m.blocks()).toString()).contains(":test_tube: Simulated cluster — nothing real is touched");
        });
    }

    @Test
    void progress_openSearchUpgrade_showsVersionAndDataNodeCount() {
        Rollout r = poll(Rollouts.openSearchUpgrade(), 15, Observations.cluster("changing").version("2110")
                .manager("m-1", "running").data("d-1", "complete").data("d-2", "Upgrade_OpenSearch"));

        SlackMessage message = triggerProgress(r);

        assertThat(message.text()).isEqualTo("Rolling upgrade of demo-search: 1/2 data nodes done");
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("Version: 2110 → 2190")
                .contains(":white_check_mark: *d-1* · data node · complete · done (not observed)")
                .contains(":arrows_counterclockwise: *d-2*");
    }

    private SlackMessage triggerProgress(Rollout r) {
        SlackMessage message = messages.progress(r, Locale.ENGLISH);
        BlockKitLimits.assertWithinLimits(message);
        return message;
    }
}
