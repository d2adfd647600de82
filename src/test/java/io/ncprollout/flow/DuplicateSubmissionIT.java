package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.testing.BotHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A submitted form is one request: its view id is recorded before anything starts, so the same submission delivered
 * again (a Slack retry, a replay) starts nothing, even once the first operation ended and the cluster is free again.
 */
class DuplicateSubmissionIT {
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
    void sameViewSubmittedAgain_afterTheOperationEnded_startsNothing() throws Exception {
        // GIVEN a restart submitted from a form and followed to completion
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();
        bot.poll(20);
        assertThat(bot.storage.rollouts().active()).isEmpty();
        assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(1);

        // WHEN the very same submission arrives again
        bot.resubmit();
        bot.runWork();

        // THEN nothing starts, and the modal says why
        assertThat(bot.storage.rollouts().active()).isEmpty();
        assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(1);
        assertThat(bot.lastView().toString()).contains("already submitted");
        assertThat(bot.storage.audit().latest(java.util.Optional.empty(), 5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("duplicate"));
    }

    @Test
    void sameViewSubmittedTwice_whileTheFirstRuns_startsOnce() throws Exception {
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.resubmit();
        bot.runWork();

        assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(1);
        assertThat(bot.storage.rollouts().active()).hasSize(1);
    }

    @Test
    void aNewFormForTheSameCluster_afterTheOperationEnded_startsAgain() throws Exception {
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();
        bot.poll(20);

        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch again", "U1");
        bot.runWork();

        assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(2);
    }
}
