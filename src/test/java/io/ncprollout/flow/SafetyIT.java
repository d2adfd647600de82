package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
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
 * The safety rules through the real Bolt app: permissions on every entry point (forged but validly signed requests
 * included), the two-person rule, freezes and the history. U0ALICE may restart demo-kafka; U0BOB approves.
 */
class SafetyIT {
    private static final String POLICY = """
            permissions:
              - services: [kafka]
                actions: [restart, restart-cmak]
                clusters: ["demo-*"]
                channels: ["*"]
                users: [U0ALICE]
            read:
              users: ["*"]
            approvals:
              - clusters: ["demo-kafka"]
                approvers: { users: [U0BOB, U0ALICE] }
                expires: 30m
            admins: [U0ADMIN]
            """;

    @TempDir
    Path dir;
    private BotHarness bot;

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
    }

    @Test
    void forgedSubmissionByAnotherUser_startsNothing() throws Exception {
        bot = withPolicy(POLICY.replace("approvals:\n  - clusters: [\"demo-kafka\"]", "approvals:\n  - clusters: [\"none\"]"));
        bot.command("/kafka", "restart demo-kafka", "U0ALICE", "C1");
        bot.runWork();

        Response forged = bot.submitConfirmation("demo-kafka", "I am not allowed", "U0MALLORY");
        bot.runWork();

        assertThat(forged.getStatusCode()).isEqualTo(200);
        assertThat(bot.simulator().journal().count("rollingRestart")).isZero();
        assertThat(bot.lastView().toString()).contains("Not started").contains("not allowed");
        assertThat(bot.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void forgedCmakButtonByAnotherUser_startsNothing() throws Exception {
        bot = withPolicy(POLICY);

        bot.press("cmak-restart-confirm", "kafka|KR|10178538|demo-kafka", "U0MALLORY", "C1");
        bot.runWork();

        assertThat(bot.simulator().journal().count("restartCMAKService")).isZero();
        assertThat(lastResponse()).contains("not allowed");
    }

    @Test
    void commandByUnauthorisedUser_isToldInTheModalAndNothingIsPrechecked() throws Exception {
        bot = withPolicy(POLICY);

        bot.command("/kafka", "restart demo-kafka", "U0MALLORY", "C1");
        bot.runWork();

        assertThat(bot.lastView().toString()).contains("Not allowed");
        assertThat(bot.simulator().journal().count("rollingRestartPreCheck")).isZero();
    }

    @Test
    void twoPersonRule_selfApprovalRefusedThenAnotherApproverStartsItOnce() throws Exception {
        bot = withPolicy(POLICY);
        bot.command("/kafka", "restart demo-kafka", "U0ALICE", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U0ALICE");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("Awaiting approval");
        String approvalId = buttonValue("approve-request");

        bot.press("approve-request", approvalId, "U0ALICE", "C1");
        bot.runWork();
        bot.press("approve-request", approvalId, "U0MALLORY", "C1");
        bot.runWork();
        assertThat(bot.simulator().journal().count("rollingRestart")).isZero();

        bot.press("approve-request", approvalId, "U0BOB", "C1");
        bot.runWork();
        bot.press("approve-request", approvalId, "U0BOB", "C1");
        bot.runWork();

        assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(1);
        assertThat(bot.simulator().journal().count("rollingRestartPreCheck")).isEqualTo(2);
        List<String> answers = bot.slack.calls("response_url").stream().map(c -> c.param("json")).toList();
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("cannot approve your own request"));
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("Only the approvers"));
        assertThat(answers).anySatisfy(a -> assertThat(a).contains("already approved"));
        assertThat(bot.slack.calls("chat.update")).anySatisfy(c -> assertThat(c.param("text")).startsWith("approved"));
    }

    @Test
    void twoPersonRule_unansweredRequestExpiresAndSaysSo() throws Exception {
        bot = withPolicy(POLICY);
        bot.command("/kafka", "restart demo-kafka", "U0ALICE", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U0ALICE");
        bot.runWork();
        String approvalId = buttonValue("approve-request");

        bot.clock.advance(java.time.Duration.ofMinutes(31));
        bot.housekeeping();
        bot.press("approve-request", approvalId, "U0BOB", "C1");
        bot.runWork();

        assertThat(bot.slack.calls("chat.update")).anySatisfy(c -> assertThat(c.param("text")).startsWith("expired"));
        assertThat(bot.simulator().journal().count("rollingRestart")).isZero();
        assertThat(lastResponse()).contains("already expired");
    }

    @Test
    void freeze_refusesStartsUntilUnfrozen_andOnlyAdminsMayFreeze() throws Exception {
        bot = withPolicy(POLICY.replace("approvals:\n  - clusters: [\"demo-kafka\"]", "approvals:\n  - clusters: [\"none\"]"));

        bot.command("/kafka", "freeze demo-kafka change freeze for the sale", "U0ALICE", "C1");
        bot.runWork();
        assertThat(lastResponse()).contains("Only the admins");
        bot.command("/kafka", "freeze demo-kafka change freeze for the sale", "U0ADMIN", "C1");
        bot.runWork();
        bot.command("/kafka", "restart demo-kafka", "U0ALICE", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("frozen").contains("change freeze for the sale");

        bot.command("/kafka", "unfreeze demo-kafka", "U0ADMIN", "C1");
        bot.runWork();
        bot.command("/kafka", "restart demo-kafka", "U0ALICE", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "after the sale", "U0ALICE");
        bot.runWork();

        assertThat(bot.simulator().journal().count("rollingRestart")).isEqualTo(1);
    }

    @Test
    void abandon_byAnAdmin_freesTheCluster_saysItInTheThread_andIsAudited() throws Exception {
        bot = withPolicy(POLICY.replace("approvals:\n  - clusters: [\"demo-kafka\"]", "approvals:\n  - clusters: [\"none\"]"));
        bot.command("/kafka", "restart demo-kafka", "U0ALICE", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "monthly patch", "U0ALICE");
        bot.runWork();
        String parentTs = bot.slack.calls("chat.postMessage").get(1).param("thread_ts");

        bot.command("/kafka", "abandon demo-kafka finished it in the console", "U0ALICE", "C1");
        bot.runWork();
        assertThat(lastResponse()).contains("Only the admins");
        assertThat(bot.command("/kafka", "abandon demo-kafka", "U0ADMIN", "C1").getBody()).as("a reason is required").contains("give a reason");
        bot.command("/kafka", "abandon demo-kafka finished it in the console", "U0ADMIN", "C1");
        bot.runWork();
        bot.poll(3);

        assertThat(lastResponse()).contains("no longer tracks");
        assertThat(bot.slack.calls("chat.postMessage")).filteredOn(p -> p.param("reply_broadcast").equals("1")).singleElement()
                .satisfies(p -> {
                    assertThat(p.param("thread_ts")).isEqualTo(parentTs);
                    assertThat(p.param("text")).contains("abandoned");
                });
        assertThat(bot.storage.rollouts().active()).isEmpty();
        assertThat(bot.storage.audit().latest(java.util.Optional.empty(), 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("abandon");
            assertThat(e.actor()).isEqualTo("U0ADMIN");
            assertThat(e.detail()).contains("finished it in the console");
        });
        bot.command("/kafka", "abandon demo-kafka again", "U0ADMIN", "C1");
        bot.runWork();
        assertThat(lastResponse()).contains("No operation is running on demo-kafka");
    }

    @Test
    void history_showsRequestsDenialsStartsAndOutcomes() throws Exception {
        bot = withPolicy(POLICY.replace("approvals:\n  - clusters: [\"demo-kafka\"]", "approvals:\n  - clusters: [\"none\"]"));
        bot.command("/kafka", "restart demo-kafka", "U0MALLORY", "C1");
        bot.runWork();
        bot.command("/kafka", "restart demo-kafka", "U0ALICE", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "monthly patch", "U0ALICE");
        bot.runWork();
        bot.poll(20);

        bot.command("/kafka", "history demo-kafka", "U0ALICE", "C1");
        bot.runWork();

        assertThat(lastResponse()).contains("denied").contains("start").contains("started").contains("outcome").contains("completed")
                .contains("monthly patch");
    }

    private BotHarness withPolicy(String yaml) throws Exception {
        Path file = dir.resolve("rollout.yaml");
        Files.writeString(file, yaml);
        return BotHarness.withEnv(Map.of("ROLLOUT_CONFIG", file.toString()));
    }

    private String lastResponse() {
        List<FakeSlackWebApi.Call> replies = bot.slack.calls("response_url");
        return replies.isEmpty() ? "" : replies.get(replies.size() - 1).param("json");
    }

    private String buttonValue(String actionId) {
        String blocks = bot.slack.calls("chat.postMessage").get(0).param("blocks");
        int at = blocks.indexOf("\"action_id\":\"" + actionId + "\"");
        String around = blocks.substring(Math.max(0, blocks.lastIndexOf('{', at)), blocks.indexOf('}', at) + 1);
        return around.replaceAll("(?s).*\"value\":\"([^\"]+)\".*", "$1");
    }
}
