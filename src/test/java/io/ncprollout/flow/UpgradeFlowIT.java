package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.testing.BotHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /kafka upgrade} and {@code /opensearch upgrade} end to end through the real Bolt app and the simulator. */
class UpgradeFlowIT {
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
    void kafkaUpgrade_happyPath_offersNewerVersionPrechecksStartsOnceAndCompletesAtTheTargetVersion() throws Exception {
        bot.command("/kafka", "upgrade demo-kafka", "U1", "C1");
        bot.runWork();

        String modal = bot.lastView().toString();
        assertThat(bot.slack.methods()).containsExactly("views.open", "views.update");
        assertThat(modal).contains("3903006", "Kafka 3.9.0", "config group", "replicat");
        assertThat(bot.simulator().journal().count("rollingUpgradePreCheck")).isEqualTo(1);

        Response submitted = bot.submitView(Map.of("confirm-name", "demo-kafka", "reason", "CVE fix"), "U1");
        assertThat(submitted.getBody()).contains("\"response_action\":\"update\"");
        bot.runWork();
        assertThat(bot.simulator().journal().count("rollingUpgrade")).isEqualTo(1);

        bot.poll(20);

        assertThat(finalReply()).contains("completed");
        assertThat(bot.simulator().journal().count("rollingUpgradeProgressCheck")).isPositive();
        assertThat(bot.simulator().journal().count("rollingUpgrade")).isEqualTo(1);
    }

    @Test
    void kafkaUpgrade_pickingAnotherVersion_refreshesConfigGroupsAndPrecheck() throws Exception {
        bot.command("/kafka", "upgrade inventory-prod", "U1", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("3903006").contains("3713006");

        bot.select("target-version", "target-version-select", "3713006", "U1");
        bot.runWork();

        List<FakeSlackWebApi.Call> updates = bot.slack.calls("views.update");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).param("hash")).isNotEmpty();
        String modal = bot.lastView().toString();
        assertThat(modal).contains("(#311)").doesNotContain("(#321)");
        assertThat(bot.simulator().journal().count("rollingUpgradePreCheck")).isEqualTo(2);
    }

    @Test
    void kafkaUpgrade_precheckFails_showsNcpsMessageAndStartsNothing() throws Exception {
        bot.command("/kafka", "upgrade events-staging", "U1", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("not ready").doesNotContain("confirm-name");

        Response submitted = bot.submitView(Map.of(), "U1");
        bot.runWork();

        assertThat(submitted.getBody()).contains("\"response_action\":\"update\"");
        assertThat(bot.simulator().journal().count("rollingUpgradePreCheck")).isEqualTo(2);
        assertThat(bot.simulator().journal().count("rollingUpgrade")).isZero();
    }

    @Test
    void kafkaUpgrade_versionNotOffered_saysWhichAre() throws Exception {
        bot.command("/kafka", "upgrade demo-kafka 2.8.1", "U1", "C1");
        bot.runWork();

        assertThat(bot.lastView().toString()).contains("not a version").contains("Kafka 3.9.0");
    }

    @Test
    void kafkaUpgrade_alreadyNewest_saysSoWithoutAForm() throws Exception {
        bot.command("/kafka", "upgrade clickstream-prod", "U1", "C1");
        bot.runWork();

        assertThat(bot.lastView().has("submit")).isFalse();
        assertThat(bot.lastView().toString()).containsIgnoringCase("newest");
    }

    @Test
    void openSearchUpgrade_happyPath_tracksNodesToTheTargetVersion() throws Exception {
        bot.command("/opensearch", "upgrade demo-search 2180", "U1", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("2180").contains("6 hours");

        bot.submitView(Map.of("confirm-name", "demo-search", "reason", "security release"), "U1");
        bot.runWork();
        assertThat(bot.simulator().journal().count("rollingUpgradeCluster")).isEqualTo(1);

        bot.poll(20);

        assertThat(finalReply()).contains("completed");
        assertThat(bot.slack.calls("chat.update").stream().map(c -> c.param("blocks")).anyMatch(b -> b.contains("Upgrade_OpenSearch")))
                .isTrue();
    }

    @Test
    void openSearchUpgrade_noRecentSnapshot_explainsTheSixHourRule() throws Exception {
        bot.command("/opensearch", "upgrade logs-search", "U1", "C1");
        bot.runWork();

        assertThat(bot.lastView().toString()).contains("snapshot").contains("6 hours").doesNotContain("confirm-name");
        assertThat(bot.simulator().journal().count("rollingUpgradeCluster")).isZero();
    }

    @Test
    void openSearchUpgrade_nodeFails_isReportedAsFailed() throws Exception {
        String secondDataNode = bot.simulator().settings().clusters().stream().filter(c -> c.name().equals("demo-search"))
                .findFirst().orElseThrow().workerHosts().get(1);
        bot.simulator().faults().goesRed("demo-search", secondDataNode);
        bot.command("/opensearch", "upgrade demo-search", "U1", "C1");
        bot.runWork();
        bot.submitView(Map.of("confirm-name", "demo-search", "reason", "upgrade"), "U1");
        bot.runWork();

        bot.poll(20);

        assertThat(finalReply()).contains("fail");
    }

    private String finalReply() {
        return bot.slack.calls("chat.postMessage").stream().filter(c -> c.param("reply_broadcast").equals("1"))
                .map(c -> c.param("text").toLowerCase()).reduce("", String::concat);
    }
}
