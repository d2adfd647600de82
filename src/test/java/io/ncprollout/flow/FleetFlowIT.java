package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import io.ncprollout.ncp.NcpRegion;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetState;
import io.ncprollout.rollout.fleet.MemberStatus;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.sim.ClusterSpec;
import io.ncprollout.testing.BotHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fleets end to end through the real Bolt app, the fake Slack Web API and the in-process simulator (one node per 30 s,
 * a poll every 15 s): the plan modal, the typed count, waves, the stop at the first failure, one message edited, and
 * the buttons.
 */
class FleetFlowIT {
    private static final String FIVE = "demo-kafka-1,demo-kafka-2,demo-kafka-3,demo-kafka-4,demo-kafka-5";
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
    void fiveClustersInWavesOfTwo_redNodeInTheThird_stopsAfterItsWaveAndNeverStartsTheFifth() throws Exception {
        bot.simulator().faults().goesRed("demo-kafka-3", hostOf("demo-kafka-3", 10_178_603L));

        // the plan: five clusters in order, each prechecked, the pace, what stops it, and the count to type
        bot.command("/kafka", "restart " + FIVE + " --wave 2", "U1", "C1");
        bot.runWork();
        String plan = bot.lastView().toString();
        assertThat(plan).contains("Fleet plan", "demo-kafka-1", "demo-kafka-5", "Wave size 2", "the canary", "NCP has no cancel",
                "Type the number of clusters that will run (5)");
        assertThat(plan.indexOf("demo-kafka-1")).isLessThan(plan.indexOf("demo-kafka-2"));
        assertThat(bot.simulator().journal().count("rollingRestartPreCheck")).isEqualTo(5);

        // a wrong count is a field error and starts nothing
        Response wrong = bot.submitConfirmation("6", "patch day", "U1");
        assertThat(wrong.getBody()).contains("\"response_action\":\"errors\"").contains("Type 5");
        bot.runWork();
        assertThat(bot.simulator().journal().count("rollingRestart")).isZero();

        Response submitted = bot.submitConfirmation("5", "patch day", "U1");
        assertThat(submitted.getBody()).contains("Posting the fleet");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("Fleet started");

        // the first wave: two starts, the fleet message posted first
        assertThat(bot.simulator().journal().starts()).containsOnlyKeys("demo-kafka-1", "demo-kafka-2");
        FakeSlackWebApi.Call fleetMessage = bot.slack.calls("chat.postMessage").get(0);
        assertThat(fleetMessage.param("text")).contains("fleet of 5 clusters");
        assertThat(fleetMessage.param("thread_ts")).isEmpty();

        Fleet fleet = pollUntilFinished(120);

        // clusters 1-2 complete, 3 fails, 4 (its wave) runs to its end, 5 never starts
        assertThat(fleet.state()).isEqualTo(FleetState.STOPPED);
        assertThat(fleet.members()).extracting(m -> m.status()).containsExactly(MemberStatus.DONE, MemberStatus.DONE, MemberStatus.FAILED,
                MemberStatus.DONE, MemberStatus.NOT_STARTED);
        assertThat(bot.simulator().journal().starts()).isEqualTo(Map.of("demo-kafka-1", 1, "demo-kafka-2", 1, "demo-kafka-3", 1, "demo-kafka-4", 1));

        // one fleet message, edited; its thread has a line per start and end, and mentions the requester once, at the stop
        String fleetTs = fleet.thread().parentTs();
        List<FakeSlackWebApi.Call> parents = bot.slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("thread_ts").isEmpty() && c.param("text").contains("fleet of")).toList();
        assertThat(parents).hasSize(1);
        assertThat(bot.slack.calls("chat.update").stream().filter(c -> c.param("ts").equals(fleetTs))).hasSizeGreaterThan(3);
        List<FakeSlackWebApi.Call> lines = bot.slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts").equals(fleetTs)).toList();
        assertThat(lines.stream().filter(c -> c.param("text").startsWith(":arrow_forward:"))).hasSize(4);
        assertThat(lines.stream().filter(c -> c.param("text").contains("<@U1>"))).singleElement()
                .satisfies(c -> assertThat(c.param("text")).contains("demo-kafka-3", "FAILED", "NCP has no cancel"));
        assertThat(lines.get(lines.size() - 1).param("text")).contains("Fleet stopped", "3 done", "1 failed", "1 not started");
        String lastTable = bot.slack.calls("chat.update").stream().filter(c -> c.param("ts").equals(fleetTs)).reduce((a, b) -> b).orElseThrow()
                .param("blocks");
        assertThat(lastTable).contains("Stopped", "not started").doesNotContain("fleet-pause");
    }

    @Test
    void aPollCycleBetweenTheSubmissionAndThePostOfTheFleetsMessage_leavesTheFleetAlone() throws Exception {
        bot.command("/kafka", "restart demo-kafka-1,demo-kafka-2", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("2", "patch", "U1");

        bot.poll(1); // the fleet is stored, its message not yet posted (the work queue has not run)
        assertThat(bot.storage.fleets().active()).singleElement().satisfies(f -> assertThat(f.state()).isEqualTo(FleetState.RUNNING));
        bot.runWork();

        assertThat(bot.lastView().toString()).contains("Fleet started");
        assertThat(bot.simulator().journal().starts()).containsOnlyKeys("demo-kafka-1");
        assertThat(bot.slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("text")).contains("did not start"));
    }

    @Test
    void pauseThenResume_holdsTheNextWaveUntilResumed() throws Exception {
        bot.command("/kafka", "restart demo-kafka-1,demo-kafka-2", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("2", "patch", "U1");
        bot.runWork();
        String id = bot.storage.fleets().active().get(0).id();

        bot.press("fleet-pause", id, "U1", "C1");
        bot.runWork();
        assertThat(bot.storage.fleets().find(id).orElseThrow().state()).isEqualTo(FleetState.PAUSED);
        bot.poll(30);
        assertThat(bot.simulator().journal().starts()).containsOnlyKeys("demo-kafka-1");

        bot.press("fleet-resume", id, "U1", "C1");
        bot.runWork();
        Fleet fleet = pollUntilFinished(60);
        assertThat(fleet.state()).isEqualTo(FleetState.COMPLETED);
        assertThat(bot.simulator().journal().starts()).isEqualTo(Map.of("demo-kafka-1", 1, "demo-kafka-2", 1));
    }

    @Test
    void stop_isFinal_runningClusterFollowedToItsEnd_nothingNewStarts() throws Exception {
        bot.command("/kafka", "restart demo-kafka-* --pause 5m", "U1", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("(6)");
        bot.submitConfirmation("6", "patch", "U1");
        bot.runWork();
        String id = bot.storage.fleets().active().get(0).id();

        bot.press("fleet-stop", id, "U1", "C1");
        bot.runWork();
        Fleet fleet = pollUntilFinished(40);

        assertThat(fleet.state()).isEqualTo(FleetState.STOPPED);
        assertThat(fleet.members().get(0).status()).isEqualTo(MemberStatus.DONE);
        assertThat(fleet.members().subList(1, 6)).allMatch(m -> m.status() == MemberStatus.NOT_STARTED);
        assertThat(bot.simulator().journal().starts()).isEqualTo(Map.of("demo-kafka-1", 1));
    }

    @Test
    void planWithAnUnknownName_isRefusedWhole_andAPrecheckFailureIsSkippedWithWhy() throws Exception {
        bot.command("/kafka", "restart demo-kafka-1,demo-kafak-9", "U1", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("There is no cluster named demo-kafak-9").doesNotContain("\"submit\"");

        bot.command("/kafka", "restart demo-kafka-1,events-staging", "U1", "C1");
        bot.runWork();
        String plan = bot.lastView().toString();
        assertThat(plan).contains("events-staging", "skipped", "precheck failed", "(1)");

        assertThat(bot.command("/kafka", "restart demo-kafka-1 --wave 0", "U1", "C1").getBody()).contains("is not a wave size");
    }

    @Test
    void fleetsCommandAndHomeTab_listTheRunningFleet() throws Exception {
        bot.command("/kafka", "restart demo-kafka-1,demo-kafka-2", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("2", "patch", "U1");
        bot.runWork();

        bot.command("/kafka", "fleets", "U1", "C1");
        bot.runWork();

        assertThat(bot.slack.calls("response_url")).last()
                .satisfies(c -> assertThat(c.param("json")).contains("Running fleets", "demo-kafka-1,demo-kafka-2", "1 running", "1 waiting"));

        bot.openHome("U1");
        bot.runWork();
        assertThat(bot.slack.calls("views.publish")).last().satisfies(c -> assertThat(c.param("view"))
                .contains("Fleets", "demo-kafka-1,demo-kafka-2", "1 running", "https://test.slack.com/archives/C1/p"));
    }

    private Fleet pollUntilFinished(int maxPolls) {
        for (int i = 0; i < maxPolls; i++) {
            bot.poll(1);
            List<Fleet> active = bot.storage.fleets().active();
            if (active.isEmpty()) {
                break;
            }
        }
        assertThat(bot.storage.fleets().active()).as("fleet still unfinished after %d polls", maxPolls).isEmpty();
        return bot.storage.fleets().recent(1).get(0);
    }

    private static String hostOf(String cluster, long number) {
        return ClusterSpec.kafka(cluster, NcpRegion.KR, number, "3713006", 3).workerHosts().get(0);
    }

    @Test
    void upgradeFleets_eachClusterItsOwnOffer_kafkaNeedsTheConfigGroupNamed() throws Exception {
        bot.command("/opensearch", "upgrade demo-search,products-search 2.18.0", "U1", "C1");
        bot.runWork();
        String plan = bot.lastView().toString();
        assertThat(plan).contains("*Rolling upgrade* to `2.18.0`", "demo-search", "precheck passed · the canary → OpenSearch 2.18.0",
                "products-search", "that version is not offered to it", "(1)");

        bot.command("/kafka", "upgrade inventory-prod,notifications 3.9.0", "U1", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("name its config group with --config-group, one of: kafka390-default, kafka390-high-throughput",
                "nothing would run").doesNotContain("\"submit\"");

        bot.command("/kafka", "upgrade inventory-prod,notifications 3.9.0 --config-group kafka390-default --wave 2", "U1", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("→ Kafka 3.9.0, CMAK 3.0.0.6 · kafka390-default", "(2)");
        bot.submitConfirmation("2", "upgrade day", "U1");
        bot.runWork();
        Fleet fleet = pollUntilFinished(60);

        assertThat(fleet.state()).isEqualTo(FleetState.COMPLETED);
        assertThat(bot.simulator().journal().count("rollingUpgrade")).isEqualTo(2);
        assertThat(bot.storage.rollouts().recent(10)).allSatisfy(t -> {
            assertThat(t.rollout().request().targetVersion()).hasValue("3903006");
            assertThat(t.rollout().request().target().configGroupNo()).hasValue("321");
        });
    }

    @Test
    void upgradeFleetWithoutAVersion_saysHowToGiveIt() throws Exception {
        bot.command("/kafka", "upgrade orders-*", "U1", "C1");
        bot.runWork();

        assertThat(bot.lastView().toString()).contains("A fleet upgrade needs the version", "/kafka upgrade orders-* &lt;version&gt;");
        assertThat(bot.simulator().journal().count("rollingUpgradePreCheck")).isZero();
    }

    @Test
    void aPlanUnderAnApprovalRule_waitsForAnotherApprover_thenRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path rules = java.nio.file.Files.writeString(dir.resolve("rollout.yaml"), """
                approvals:
                  - clusters: ["demo-kafka-*"]
                    approvers: { users: [U0BOB2] }
                    expires: 30m
                """);
        bot.close();
        bot = BotHarness.withEnv(Map.of("ROLLOUT_CONFIG", rules.toString()));
        bot.command("/kafka", "restart demo-kafka-1,demo-kafka-2 --wave 2", "U1", "C1");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("An approval rule covers demo-kafka-1, demo-kafka-2", "(2)");
        bot.submitConfirmation("2", "patch", "U1");
        bot.runWork();

        Fleet waiting = bot.storage.fleets().active().get(0);
        assertThat(waiting.state()).isEqualTo(FleetState.AWAITING_APPROVAL);
        assertThat(bot.slack.calls("chat.postMessage")).anySatisfy(c -> assertThat(c.param("text")).contains("<@U0BOB2>", "asks to run this fleet"));
        assertThat(bot.slack.calls("chat.update").stream().filter(c -> c.param("ts").equals(waiting.thread().parentTs())).reduce((a, b) -> b)
                .orElseThrow().param("blocks")).contains("fleet-approve", "fleet-reject").doesNotContain("fleet-pause");
        bot.poll(3);
        assertThat(bot.simulator().journal().starts()).as("nothing before the approval").isEmpty();

        bot.press("fleet-approve", waiting.id(), "U1", "C1");
        bot.runWork();
        assertThat(bot.slack.calls("response_url")).last().satisfies(c -> assertThat(c.param("json")).contains("cannot approve your own fleet"));
        bot.press("fleet-approve", waiting.id(), "U0BOB2", "C1");
        bot.runWork();

        assertThat(bot.simulator().journal().starts()).containsOnlyKeys("demo-kafka-1", "demo-kafka-2");
        Fleet done = pollUntilFinished(40);
        assertThat(done.state()).isEqualTo(FleetState.COMPLETED);
        assertThat(bot.storage.rollouts().recent(10)).allSatisfy(t -> assertThat(t.rollout().request().approver()).hasValue("U0BOB2"));
    }
}
