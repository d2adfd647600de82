package io.ncprollout.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.VersionNames;
import io.ncprollout.slack.render.ScheduleMessages;
import io.ncprollout.testing.SlackHandlerFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The slash command handler alone: what it acks at once, and what its follow-up work says, over fakes. */
class RolloutCommandHandlerTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final RolloutCommandHandler handler = new RolloutCommandHandler(f.work,
            new CommandFlows(new RestartFlow(f.service, f.views, f.gatekeeper, f.locales, f.times), f.upgrades,
                    new StatusFlow(f.service, f.gatekeeper, true, f.locales, VersionNames.none()), new ListFlow(f.service, f.gatekeeper, true, f.locales),
                    new CmakFlow(f.service, f.gatekeeper, true, f.locales), new AdminFlow(f.service, f.gatekeeper, f.clock, f.locales), f.fleetFlow,
                    new ScheduleFlow(f.schedules, new ScheduleMessages(true), f.gatekeeper, f.locales)),
            new CommandDefaults("KR", Map.of(), Map.of("orders", "orders-prod"), false), true, f.locales);

    @AfterEach
    void close() {
        f.close();
    }

    private Response run(String text, String user) {
        SlashCommandRequest request = f.command("/kafka", text, user, "C0OPS");
        return handler.apply(request, request.getContext());
    }

    @Test
    void restart_acksAtOnce_thenOpensTheConfirmationWithThePrecheck() {
        Response ack = run("restart demo-kafka", "U0ALICE");

        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(f.slack.methods()).as("nothing before the ack").isEmpty();
        f.work.runAll();

        assertThat(f.slack.methods()).containsExactly("views.open", "views.update");
        assertThat(f.lastView().toString()).contains("demo-kafka").contains("Start restart");
        assertThat(f.api.count("precheck")).isEqualTo(1);
        assertThat(f.api.count("start")).isZero();
    }

    @Test
    void restart_ofAnAlias_resolvesTheClusterItNames() {
        run("restart orders", "U0ALICE");
        f.work.runAll();

        assertThat(f.lastView().toString()).contains("orders-prod");
    }

    @Test
    void restart_byAUserNoRuleAllows_saysWhyInTheModal_andPrechecksNothing() {
        run("restart demo-kafka", "U0EVE");
        f.work.runAll();

        assertThat(f.lastView().toString()).contains("Not allowed").contains("You are not allowed to run `kafka restart` on demo-kafka");
        assertThat(f.api.count("precheck")).isZero();
    }

    @Test
    void restart_ofAnUnknownCluster_saysSoInTheModal_andPrechecksNothing() {
        run("restart demo-kafak", "U0ALICE");
        f.work.runAll();

        assertThat(f.lastView().toString()).contains("There is no Kafka (CDSS) cluster named or numbered `demo-kafak` in KR.")
                .contains("Did you mean `demo-kafka`?");
        assertThat(f.api.count("precheck")).isZero();
    }

    @Test
    void restart_whenNcpCannotBeRead_saysSoInTheModal_withNcpsReason() {
        f.api.failLists(new OperationsException(OperationsException.Reason.UNAVAILABLE, "HTTP 503 from NCP"));

        run("restart demo-kafka", "U0ALICE");
        f.work.runAll();

        assertThat(f.lastView().toString()).contains("HTTP 503 from NCP");
        assertThat(f.api.count("start")).isZero();
    }

    @Test
    void mistypedCommand_isAnsweredInTheAck_withTheNearestCommand_andNothingRuns() {
        Response ack = run("restat demo-kafka", "U0ALICE");

        assertThat(ack.getBody()).contains("Did you mean `/kafka restart`?");
        assertThat(f.work.pending()).isZero();
    }

    @Test
    void mistypedCommand_byAUserWhoseLanguageIsKnown_isAnsweredInIt() {
        f.slack.locale("U0KIM", "ko-KR");
        f.locales.of("U0KIM"); // learnt from an earlier request

        Response ack = run("restat demo-kafka", "U0KIM");

        assertThat(ack.getBody()).contains("`/kafka restart`을(를) 입력하려고 하셨나요?");
    }

    @Test
    void statusOfAnUnknownCluster_repliesWithTheClosestName() {
        run("status demo-kafak", "U0ALICE");
        f.work.runAll();

        assertThat(f.replies()).singleElement().asString().contains("Did you mean `demo-kafka`?");
    }

    @Test
    void list_whenNcpCannotBeRead_repliesWithTheReason() {
        f.api.failLists(new OperationsException(OperationsException.Reason.UNAVAILABLE, "HTTP 503 from NCP"));

        run("list", "U0ALICE");
        f.work.runAll();

        assertThat(f.replies()).singleElement().asString().contains("HTTP 503 from NCP");
    }

    @Test
    void help_isTheAckItself() {
        Response ack = run("help", "U0ALICE");

        assertThat(ack.getBody()).contains("/kafka restart");
        assertThat(f.work.pending()).isZero();
    }

    @Test
    void schedule_acksAtOnce_thenListsTheScheduledRuns() {
        Response ack = run("schedule", "U0ALICE");

        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(f.slack.methods()).as("nothing before the ack").isEmpty();
        f.work.runAll();

        assertThat(f.replies()).singleElement().asString().contains("No Kafka (CDSS) operation is scheduled");
    }

    @Test
    void scheduleCancelWithoutAnId_isAnsweredInTheAck() {
        Response ack = run("schedule cancel", "U0ALICE");

        assertThat(ack.getBody()).contains("Give the id of the run to cancel");
        assertThat(f.work.pending()).isZero();
    }
}
