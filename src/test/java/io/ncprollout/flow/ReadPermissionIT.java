package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.testing.BotHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read rule covers everything that shows a cluster or an operation, not only {@code /kafka status}: the App Home
 * tab and the progress reply's Cluster status and Refresh now buttons.
 */
class ReadPermissionIT {
    private static final String ALICE_MAY_RESTART = """
            permissions:
              - services: [kafka]
                actions: [restart]
                clusters: ["*"]
                users: [U0ALICE]
            """;

    @TempDir
    Path dir;
    private BotHarness bot;

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
    }

    @Test
    void homeTab_ofAUserTheReadRuleLeavesOut_showsNoOperationAndSaysHowManyAreHidden() throws Exception {
        // GIVEN only Alice may read, and her restart runs in C1
        bot = withPolicy(ALICE_MAY_RESTART + "read:\n  users: [U0ALICE]\n");
        startRestart("U0ALICE", "C0123456789");

        // WHEN Bob and Alice open the Home tab
        bot.openHome("U0BOB");
        bot.runWork();
        String bobs = lastPublished();
        bot.openHome("U0ALICE");
        bot.runWork();
        String alices = lastPublished();

        // THEN Bob sees neither the cluster nor the channel, only a count; Alice sees her operation
        assertThat(bobs).doesNotContain("demo-kafka").doesNotContain("C0123456789").contains("1 hidden");
        assertThat(alices).contains("demo-kafka").doesNotContain("hidden");
    }

    @Test
    void clusterStatusButton_pressedByAUserTheReadRuleLeavesOut_isRefusedWithoutNodes() throws Exception {
        bot = withPolicy(ALICE_MAY_RESTART + "read:\n  users: [U0ALICE]\n");
        String id = startRestart("U0ALICE", "C0123456789");

        bot.press("show-status", id, "U0BOB", "C0123456789");
        bot.runWork();
        String bobs = lastResponse();
        bot.press("show-status", id, "U0ALICE", "C0123456789");
        bot.runWork();
        String alices = lastResponse();

        assertThat(bobs).contains("not allowed to read").doesNotContain("demo-kafka-b");
        assertThat(alices).contains("demo-kafka-b");
    }

    @Test
    void refreshNowButton_pressedByAUserTheReadRuleLeavesOut_isRefusedAndPollsNothing() throws Exception {
        bot = withPolicy(ALICE_MAY_RESTART + "read:\n  users: [U0ALICE]\n");
        String id = startRestart("U0ALICE", "C0123456789");
        int updates = bot.slack.calls("chat.update").size();
        int ncpCalls = bot.simulator().journal().entries().size();

        bot.press("refresh-now", id, "U0BOB", "C0123456789");
        bot.runWork();

        assertThat(lastResponse()).contains("not allowed to read");
        assertThat(bot.simulator().journal().entries()).hasSize(ncpCalls);
        assertThat(bot.slack.calls("chat.update")).hasSize(updates);
    }

    @Test
    void readRuleWithChannels_hidesTheOperationsOfOtherChannels_evenFromReaders() throws Exception {
        // GIVEN everyone may read, but only what happens in C1; Alice restarts from C2
        bot = withPolicy(ALICE_MAY_RESTART + "read:\n  users: [\"*\"]\n  channels: [C0123456789]\n");
        String id = startRestart("U0ALICE", "C0987654321");

        // WHEN she opens the Home tab, presses Cluster status in C2, and asks for status in C2 and in C1
        bot.openHome("U0ALICE");
        bot.runWork();
        String home = lastPublished();
        bot.press("show-status", id, "U0ALICE", "C0987654321");
        bot.runWork();
        String button = lastResponse();
        bot.command("/kafka", "status demo-kafka", "U0ALICE", "C0987654321");
        bot.runWork();
        String statusInC2 = lastResponse();
        bot.command("/kafka", "status demo-kafka", "U0ALICE", "C0123456789");
        bot.runWork();
        String statusInC1 = lastResponse();

        // THEN
        assertThat(home).doesNotContain("demo-kafka").contains("1 hidden");
        assertThat(button).contains("not shown in this channel").doesNotContain("demo-kafka-b");
        assertThat(statusInC2).contains("not shown in this channel");
        assertThat(statusInC1).contains("demo-kafka-b");
    }

    /** Runs a restart of demo-kafka as {@code user} in {@code channel} up to its start; returns the rollout id. */
    private String startRestart(String user, String channel) throws Exception {
        bot.command("/kafka", "restart demo-kafka", user, channel);
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", user);
        bot.runWork();
        assertThat(bot.storage.rollouts().active()).hasSize(1);
        return bot.storage.rollouts().active().get(0).id();
    }

    private BotHarness withPolicy(String yaml) throws Exception {
        Path file = dir.resolve("rollout.yaml");
        Files.writeString(file, yaml);
        return BotHarness.withEnv(Map.of("ROLLOUT_CONFIG", file.toString()));
    }

    private String lastPublished() {
        List<FakeSlackWebApi.Call> published = bot.slack.calls("views.publish");
        return published.get(published.size() - 1).param("view");
    }

    private String lastResponse() {
        List<FakeSlackWebApi.Call> replies = bot.slack.calls("response_url");
        return replies.isEmpty() ? "" : replies.get(replies.size() - 1).param("json");
    }
}
