package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.testing.BotHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /kafka restart} end to end through the real Bolt app: signed requests in, a fake Slack Web API and the
 * in-process NCP simulator out. demo-kafka has 3 brokers; the simulator rolls one per 30 s step; polls every 15 s.
 */
class KafkaRestartFlowIT {
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
    void restart_happyPath_acksFirstThenModalThenOneStartThenThreadToCompletion() throws Exception {
        // WHEN the command arrives
        Response ack = bot.command("/kafka", "restart demo-kafka", "U1", "C1");

        // THEN the ack comes before any NCP or Slack call
        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(bot.simulator().journal().entries()).isEmpty();
        assertThat(bot.slack.methods()).isEmpty();

        // WHEN the follow-up work runs: the loading modal opens, then shows the precheck
        bot.runWork();
        assertThat(bot.slack.methods()).containsExactly("views.open", "views.update");
        assertThat(bot.simulator().journal().count("rollingRestartPreCheck")).isEqualTo(1);
        String modal = bot.lastView().toString();
        assertThat(modal).contains("demo-kafka", "10178538", "KR", "data loss or intermittent interruptions", "demo-kafka-b-25t6");
        assertThat(bot.lastView().has("submit")).isTrue();

        // WHEN the user confirms with the right name and a reason
        Response submitted = bot.submitConfirmation("demo-kafka", "monthly patch", "U1");
        assertThat(submitted.getBody()).contains("\"response_action\":\"update\"");
        bot.runWork();

        // THEN one start, a parent message and a threaded progress reply
        assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(1);
        List<FakeSlackWebApi.Call> posts = bot.slack.calls("chat.postMessage");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).param("text")).contains("demo-kafka").contains("U1");
        String parentTs = "1700000000." + String.format("%06d", Integer.parseInt(posts.get(1).param("thread_ts").substring(11)));
        assertThat(posts.get(1).param("thread_ts")).isEqualTo(parentTs);
        assertThat(bot.lastView().toString()).contains("Started");

        // WHEN the poller follows the roll to the end
        bot.poll(20);

        // THEN progress edits only on change, a broadcast final reply, and the parent updated
        List<FakeSlackWebApi.Call> progressEdits = bot.slack.calls("chat.update").stream()
                .filter(c -> !c.param("ts").equals(parentTs)).toList();
        assertThat(progressEdits).isNotEmpty();
        for (int i = 1; i < progressEdits.size(); i++) {
            assertThat(progressEdits.get(i).param("blocks")).isNotEqualTo(progressEdits.get(i - 1).param("blocks"));
        }
        List<FakeSlackWebApi.Call> finals = bot.slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("reply_broadcast").equals("1")).toList();
        assertThat(finals).singleElement().satisfies(f -> {
            assertThat(f.param("thread_ts")).isEqualTo(parentTs);
            assertThat(f.param("text").toLowerCase()).contains("completed");
        });
        assertThat(bot.slack.calls("chat.update")).anySatisfy(c -> assertThat(c.param("ts")).isEqualTo(parentTs));
        // the final edits (idempotent) come before the final reply (said once), so a crash between them repeats no post
        List<String> methods = bot.slack.methods();
        assertThat(methods.subList(methods.size() - 3, methods.size())).containsExactly("chat.update", "chat.update", "chat.postMessage");
        assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(1);
    }

    @Test
    void restart_mistypedName_isAFieldErrorAndStartsNothing() throws Exception {
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();

        Response submitted = bot.submitConfirmation("demo-kafak", "patch", "U1");
        bot.runWork();

        assertThat(submitted.getBody()).contains("\"response_action\":\"errors\"").contains("confirm-name");
        assertThat(bot.simulator().journal().count("rollingRestart")).isZero();
        assertThat(bot.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void restart_nodeStuckOrange_warnsOnceMentioningTheRequester() throws Exception {
        bot.simulator().faults().stuckOrange("demo-kafka", "demo-kafka-b-25t7");
        startRestart();

        bot.poll(20);

        List<FakeSlackWebApi.Call> warnings = bot.slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("text").contains("nothing changed since")).toList();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.param("text")).contains("<@U1>");
            assertThat(w.param("thread_ts")).isNotEmpty();
        });
    }

    @Test
    void restart_precheckFails_modalShowsNcpsMessageWithoutSubmit() throws Exception {
        bot.command("/kafka", "restart events-staging", "U1", "C1");
        bot.runWork();

        assertThat(bot.lastView().has("submit")).isFalse();
        assertThat(bot.lastView().toString()).contains("not ready");
    }

    @Test
    void restart_clusterChangedSinceTheModalOpened_isRefusedAtSubmit() throws Exception {
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.simulator().faults().notReady("demo-kafka", true);

        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();

        assertThat(bot.simulator().journal().count("rollingRestart")).isZero();
        assertThat(bot.lastView().toString()).contains("Not started").contains("precheck fails now");
        assertThat(bot.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void restart_chatUpdateRateLimited_sendsOnlyTheLatestStateAfterRetryAfter() throws Exception {
        startRestart();
        bot.slack.rateLimit("chat.update", 1);

        bot.poll(1);                                       // first edit gets 429 (Retry-After: 1 s)
        int refusedAt = bot.slack.calls("chat.update").size();
        bot.poll(20);                                      // later polls: the waiting edit is replaced, then sent

        List<FakeSlackWebApi.Call> edits = bot.slack.calls("chat.update");
        assertThat(refusedAt).isEqualTo(1);
        assertThat(edits.get(edits.size() - 1).param("text").toLowerCase()).contains("completed");
        assertThat(bot.slack.calls("chat.postMessage").stream().filter(c -> c.param("reply_broadcast").equals("1"))).hasSize(1);
    }

    @Test
    void status_answersAnEphemeralNodeTable() throws Exception {
        Response ack = bot.command("/kafka", "status demo-kafka", "U1", "C1");
        bot.runWork();

        assertThat(ack.getBody()).isNullOrEmpty();
        assertThat(bot.slack.calls("response_url")).singleElement().satisfies(c -> {
            assertThat(c.param("json")).contains("ephemeral").contains("demo-kafka-b-25t6");
        });
        assertThat(bot.simulator().journal().count("rollingRestart")).isZero();
    }

    @Test
    void help_isAnsweredInTheAckWithoutCallingNcp() throws Exception {
        Response ack = bot.command("/kafka", "help", "U1", "C1");

        assertThat(ack.getBody()).contains("/kafka restart").containsIgnoringCase("simulated");
        assertThat(bot.work.pending()).isZero();
        assertThat(bot.simulator().journal().entries()).isEmpty();
    }

    @Test
    void restart_nodeGoesRed_isReportedAsFailed() throws Exception {
        bot.simulator().faults().goesRed("demo-kafka", "demo-kafka-b-25t7");
        startRestart();

        bot.poll(10);

        List<FakeSlackWebApi.Call> finals = bot.slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("reply_broadcast").equals("1")).toList();
        assertThat(finals).singleElement().satisfies(f -> assertThat(f.param("text").toLowerCase()).contains("fail"));
    }

    @Test
    void restart_botNotInChannel_tellsTheUserAndStartsNothing() throws Exception {
        bot.slack.botNotIn("C9");
        bot.command("/kafka", "restart demo-kafka", "U1", "C9");
        bot.runWork();

        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();

        assertThat(bot.simulator().journal().count("rollingRestart")).isZero();
        assertThat(bot.lastView().toString()).contains("Not started").contains("/invite");
        assertThat(bot.slack.calls("response_url")).anySatisfy(c -> assertThat(c.params().toString()).contains("invite"));
    }

    @Test
    void restart_unknownCluster_namesTheClosestMatches_onceInTheModal() throws Exception {
        bot.command("/kafka", "restart demo-kafak", "U1", "C1");
        bot.runWork();

        assertThat(bot.slack.calls("response_url")).isEmpty();
        assertThat(bot.lastView().toString()).contains("Unknown cluster", "demo-kafka").doesNotContain("Try again in a minute");
    }

    @Test
    void command_usageMistake_isAnsweredInTheAck() throws Exception {
        Response ack = bot.command("/kafka", "restart", "U1", "C1");

        assertThat(ack.getBody()).contains("Name the cluster");
        assertThat(bot.work.pending()).isZero();
    }

    private void startRestart() throws Exception {
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();
    }
}
