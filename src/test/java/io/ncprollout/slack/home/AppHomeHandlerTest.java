package io.ncprollout.slack.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.events.payload.AppHomeOpenedPayload;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.util.json.GsonFactory;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.testing.SlackHandlerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Home tab, on its own: what each user may see of the operations, published through the Slack chokepoint. */
class AppHomeHandlerTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final AppHomeHandler handler = new AppHomeHandler(f.work, new AppHomeHandler.Sources(f.service, f.fleets, f.schedules), f.gatekeeper, true,
            f.locales);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aReader_seesTheRunningOperation_linkedToItsThread() {
        publishFor("U0KIM");

        assertThat(f.slack.calls("views.publish")).singleElement().satisfies(c -> {
            assertThat(c.param("user_id")).isEqualTo("U0KIM");
            assertThat(c.param("view")).contains("demo-kafka").contains("https://test.slack.com/archives/C0OPS");
        });
    }

    @Test
    void someoneTheReadRuleLeavesOut_seesNoneOfIt_onlyThatSomeAreHidden() {
        publishFor("U0EVE");

        assertThat(f.slack.calls("views.publish")).singleElement().satisfies(c -> assertThat(c.param("view")).doesNotContain("demo-kafka"));
    }

    @Test
    void whenSlackRefusesThePublish_nothingBreaks_andTheNextOpenTriesAgain() {
        f.slack.rateLimit("views.publish", 1);

        publishFor("U0KIM");
        publishFor("U0KIM");

        assertThat(f.slack.timeline.stream().filter(t -> t.call().method().equals("views.publish")).map(t -> t.answer()))
                .first().asString().isEqualTo("429");
        assertThat(f.slack.calls("views.publish")).hasSize(2);
    }

    @Test
    void aReader_seesTheRunsScheduledInChannelsTheyRead_andSomeoneLeftOut_doesNot() {
        f.scheduleStore.create(io.ncprollout.rollout.schedule.ScheduledRun.pending("run-1", new RolloutRequest(OperationTarget.of(
                OperationKind.KAFKA_RESTART, SlackHandlerFixture.ORDERS), "U0ALICE", "patch"), "C0OPS", f.clock.instant().plusSeconds(3600),
                java.time.ZoneId.of("UTC"), f.clock.instant()));

        publishFor("U0KIM");
        publishFor("U0EVE");

        assertThat(f.slack.calls("views.publish")).extracting(c -> c.param("view")).satisfiesExactly(
                kim -> assertThat(kim).contains("Scheduled", "orders-prod", "run-1"),
                eve -> assertThat(eve).doesNotContain("orders-prod", "run-1"));
    }

    private void publishFor(String user) {
        if (f.service.active().isEmpty()) {
            f.service.start(new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, SlackHandlerFixture.DEMO), "U0ALICE", "patch"),
                    "C0OPS");
        }
        EventRequest request = f.homeOpened(user);
        AppHomeOpenedPayload payload = GsonFactory.createSnakeCase().fromJson(request.getRequestBodyAsString(), AppHomeOpenedPayload.class);
        handler.apply(payload, request.getContext());
        f.work.runAll();
    }
}
