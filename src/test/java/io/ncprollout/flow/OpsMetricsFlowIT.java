package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.testing.BotHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wired bot's meters after a real restart flow: NCP attempts, Slack calls, 429s, poll lag and the outcome. */
class OpsMetricsFlowIT {
    private BotHarness bot;

    @BeforeEach
    void setUp() throws Exception {
        bot = BotHarness.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
    }

    @Test
    void restart_toCompletion_isCountedByEveryMeter() throws Exception {
        // GIVEN a restart started through Slack, with one chat.update rate-limited
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();
        bot.slack.rateLimit("chat.update", 1);
        String running = bot.bot.metrics().scrape();

        // WHEN the poller follows it to the end
        bot.poll(20);
        String done = bot.bot.metrics().scrape();

        // THEN
        assertThat(running).contains("rollout_operations_active{kind=\"kafka_restart\"} 1");
        assertThat(done)
                .contains("rollout_operations_active{kind=\"kafka_restart\"} 0")
                .contains("rollout_operations_finished_total{kind=\"kafka_restart\",state=\"completed\"} 1")
                .contains("ncp_calls_seconds_count{method=\"POST\",operation=\"CDSS rollingRestart\",outcome=\"ok\"} 1")
                .contains("slack_calls_seconds_count{method=\"chat.postMessage\",outcome=\"ok\"}")
                .contains("slack_calls_seconds_count{method=\"chat.update\",outcome=\"ratelimited\"} 1")
                .contains("rate_limited_responses_total{source=\"slack\"} 1")
                .contains("rollout_poll_lag_seconds_count")
                .contains("rollout_outbox_pending 0.0");
    }
}
