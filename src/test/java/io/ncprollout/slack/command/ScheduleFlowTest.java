package io.ncprollout.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.slack.render.ScheduleMessages;
import io.ncprollout.testing.SlackHandlerFixture;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code /kafka schedule} and {@code /kafka schedule cancel <id>} answer after the ack, over fakes. */
class ScheduleFlowTest {
    private static final ClusterRef SEARCH = new ClusterRef(Product.OPENSEARCH, "7654321", "demo-search", "KR");
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final ScheduleFlow flow = new ScheduleFlow(f.schedules, new ScheduleMessages(false), f.gatekeeper, f.locales);

    @AfterEach
    void close() {
        f.close();
    }

    private ScheduledRun stored(String id, OperationKind kind, ClusterRef cluster) {
        OperationTarget target = kind.isVersioned() ? new OperationTarget(kind, cluster, Optional.of("2190"), Optional.empty()) : OperationTarget.of(kind, cluster);
        ScheduledRun run = ScheduledRun.pending(id, new RolloutRequest(target, "U0ALICE", "patch"), "C0OPS",
                f.clock.instant().plus(Duration.ofHours(3)), ZoneId.of("Asia/Seoul"), f.clock.instant());
        f.scheduleStore.create(run);
        return run;
    }

    /** What the handler does after its ack, on its own (the dispatch to it is RolloutCommandHandlerTest's). */
    private void run(String text, String user) {
        SlashCommandRequest request = f.command("/kafka", text, user, "C0OPS");
        CommandLine line = CommandParser.parse("/kafka", text);
        flow.run(request.getContext(), new Invocation(line, "", "KR", user, "C0OPS", "1337.1.trigger", request.getPayload().getResponseUrl()));
    }

    @Test
    void schedule_listsTheWaitingRunsOfThatProductOnly() {
        stored("run-k", OperationKind.KAFKA_RESTART, SlackHandlerFixture.DEMO);
        stored("run-s", OperationKind.OPENSEARCH_UPGRADE, SEARCH);
        ScheduledRun gone = stored("run-gone", OperationKind.KAFKA_RESTART, SlackHandlerFixture.ORDERS);
        f.scheduleStore.commit(ScheduleSteps.cancelled(gone, "U0ALICE", f.clock.instant())).orElseThrow();

        run("schedule", "U0KIM");

        assertThat(f.replies()).singleElement().asString().contains("Scheduled Kafka (CDSS) operations", "`run-k`", "demo-kafka",
                "cancel with `/kafka schedule cancel run-k`", "KST").doesNotContain("run-s", "run-gone");
    }

    @Test
    void schedule_withNone_saysHowToScheduleOne() {
        run("schedule", "U0KIM");

        assertThat(f.replies()).singleElement().asString().contains("No Kafka (CDSS) operation is scheduled", "--at");
    }

    @Test
    void schedule_byANonReader_isDenied() {
        stored("run-k", OperationKind.KAFKA_RESTART, SlackHandlerFixture.DEMO);

        run("schedule", "U0EVE");

        assertThat(f.replies()).singleElement().asString().contains(":no_entry:").doesNotContain("run-k");
    }

    @Test
    void scheduleCancel_byTheRequester_cancelsIt_andTellsThem() {
        stored("run-k", OperationKind.KAFKA_RESTART, SlackHandlerFixture.DEMO);

        run("schedule cancel run-k", "U0ALICE");

        assertThat(f.scheduleStore.find("run-k").orElseThrow().state()).isEqualTo(ScheduledRun.State.CANCELLED);
        assertThat(f.scheduleNotes.ended).singleElement().satisfies(e -> assertThat(e.run().id()).isEqualTo("run-k"));
        assertThat(f.replies()).singleElement().asString().contains(":white_check_mark: Cancelled: the rolling restart of *demo-kafka* at ");
    }

    @Test
    void scheduleCancel_bySomeoneElse_isRefused_andTheRunWaits() {
        stored("run-k", OperationKind.KAFKA_RESTART, SlackHandlerFixture.DEMO);

        run("schedule cancel run-k", "U0KIM");

        assertThat(f.scheduleStore.find("run-k").orElseThrow().state()).isEqualTo(ScheduledRun.State.PENDING);
        assertThat(f.replies()).singleElement().asString().contains("Only the person who scheduled it, or an admin, may cancel it.");
    }

    @Test
    void scheduleCancel_ofAnUnknownId_saysSo() {
        run("schedule cancel run-nope", "U0ALICE");

        assertThat(f.replies()).singleElement().asString().contains("No scheduled run has that id");
    }
}
