package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.ncprollout.ncp.NcpRegion;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.sim.ClusterSpec;
import io.ncprollout.testing.BotHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CMAK restart, list and status, the progress message's buttons and the App Home tab, through the real Bolt app. */
class CmakListAndHomeIT {
    private BotHarness bot;

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
    }

    @Test
    void restartCmak_buttonAfterConfirmDialog_startsOnceAndFollowsCmakToGreen() throws Exception {
        bot = BotHarness.start();
        bot.command("/kafka", "restart-cmak demo-kafka", "U1", "C1");
        bot.runWork();
        String offer = bot.slack.calls("response_url").get(0).param("json");
        assertThat(offer).contains("cmak-restart-confirm").contains("\"confirm\"");
        String value = buttonValue(offer, "cmak-restart-confirm");

        bot.press("cmak-restart-confirm", value, "U1", "C1");
        bot.runWork();
        bot.poll(10);

        assertThat(bot.simulator().journal().count("restartCMAKService")).isEqualTo(1);
        assertThat(finalReply()).contains("completed");
    }

    @Test
    void restartCmak_whileARestartRuns_isRefusedNamingTheHolder() throws Exception {
        bot = BotHarness.start();
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();

        bot.press("cmak-restart-confirm", "kafka|KR|10178538|demo-kafka", "U2", "C1");
        bot.runWork();

        assertThat(bot.simulator().journal().count("restartCMAKService")).isZero();
        assertThat(bot.slack.calls("response_url").get(bot.slack.calls("response_url").size() - 1).param("json"))
                .contains("already running");
    }

    @Test
    void restartCmakCommand_whileARestartRuns_offersNoButtonAndSaysWhy() throws Exception {
        bot = BotHarness.start();
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();

        bot.command("/kafka", "restart-cmak demo-kafka", "U2", "C1");
        bot.runWork();

        String answer = bot.slack.calls("response_url").get(bot.slack.calls("response_url").size() - 1).params().toString();
        assertThat(answer).contains("is running a rolling restart of *demo-kafka*", "CMAK can be restarted once it has ended")
                .doesNotContain("cmak-restart-confirm");
    }

    @Test
    void list_manyClustersOverSeveralPages_listsThemAll() throws Exception {
        bot = BotHarness.start(settings -> {
            List<ClusterSpec> clusters = new ArrayList<>(settings.clusters());
            for (int i = 0; i < 60; i++) {
                clusters.add(ClusterSpec.kafka("bulk-" + i, NcpRegion.KR, 30_000_000L + i, "3713006", 3));
            }
            return settings.withClusters(clusters);
        });

        bot.command("/kafka", "list", "U1", "C1");
        bot.runWork();

        String listed = bot.slack.calls("response_url").get(0).param("json");
        assertThat(listed).contains("77").contains("bulk-0").contains("bulk-59").contains("demo-kafka");
        assertThat(bot.simulator().journal().count("getClusterInfoList")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void opensearchStatus_showsEveryNode() throws Exception {
        bot = BotHarness.start();

        bot.command("/opensearch", "status demo-search --region kr", "U1", "C1");
        bot.runWork();

        String status = bot.slack.calls("response_url").get(0).param("json");
        assertThat(status).contains("demo-search").contains("running");
    }

    @Test
    void progressButtons_refreshIsRateLimitedAndStatusAnswersEphemerally() throws Exception {
        bot = BotHarness.start();
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();
        String id = rolloutIdFromProgressReply();
        long before = bot.simulator().journal().count("rollingRestartProgressCheck");

        bot.press("refresh-now", id, "U2", "C1");
        bot.runWork();
        bot.press("refresh-now", id, "U2", "C1");
        bot.runWork();
        bot.press("show-status", id, "U2", "C1");
        bot.runWork();

        assertThat(bot.simulator().journal().count("rollingRestartProgressCheck")).isEqualTo(before + 1);
        List<FakeSlackWebApi.Call> replies = bot.slack.calls("response_url");
        assertThat(replies.get(replies.size() - 2).param("json")).contains("Refreshed less than");
        assertThat(replies.get(replies.size() - 1).param("json")).contains("ephemeral").contains("demo-kafka");
    }

    @Test
    void appHome_listsTheActiveOperationWithALinkToItsThread() throws Exception {
        bot = BotHarness.start();
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();

        bot.openHome("U1");
        bot.runWork();

        List<FakeSlackWebApi.Call> published = bot.slack.calls("views.publish");
        assertThat(published).singleElement().satisfies(p -> {
            assertThat(p.param("user_id")).isEqualTo("U1");
            assertThat(p.param("view")).contains("demo-kafka").contains("https://test.slack.com/archives/C1/p1700000000");
        });
    }

    private String rolloutIdFromProgressReply() {
        return buttonValue("{\"blocks\":" + bot.slack.calls("chat.postMessage").get(1).param("blocks") + "}", "refresh-now");
    }

    /** The value of the button {@code actionId} in a message's JSON. */
    private static String buttonValue(String messageJson, String actionId) {
        for (var block : JsonParser.parseString(messageJson).getAsJsonObject().getAsJsonArray("blocks")) {
            var elements = block.getAsJsonObject().getAsJsonArray("elements");
            if (elements == null) {
                continue;
            }
            for (var element : elements) {
                var e = element.getAsJsonObject();
                if (e.has("action_id") && e.get("action_id").getAsString().equals(actionId)) {
                    return e.get("value").getAsString();
                }
            }
        }
        throw new AssertionError("no button " + actionId + " in " + messageJson);
    }

    private String finalReply() {
        return bot.slack.calls("chat.postMessage").stream().filter(c -> c.param("reply_broadcast").equals("1"))
                .map(c -> c.param("text").toLowerCase()).reduce("", String::concat);
    }
}
