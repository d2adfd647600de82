package io.ncprollout.slack.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.builtin.BlockActionRequest;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.testing.SlackHandlerFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Refresh now and Status buttons of a progress message, on their own. */
class ProgressButtonsHandlerTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final ProgressButtonsHandler handler = new ProgressButtonsHandler(f.work, f.service, f.poller, f.gatekeeper, f.clock, true, f.locales);
    private final String id = f.service.start(new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, SlackHandlerFixture.DEMO),
            "U0ALICE", "patch"), "C0OPS").rollout().orElseThrow().id();

    @AfterEach
    void close() {
        f.close();
    }

    private void click(String actionId, String value, String user) {
        BlockActionRequest request = f.press(actionId, value, user, "C0OPS");
        handler.apply(request, request.getContext());
        f.work.runAll();
    }

    @Test
    void refreshNow_pollsAtOnce_butNotTwiceInARow() {
        long before = f.api.count("observe");

        click(SlackIds.ActionIds.REFRESH_NOW, id, "U0KIM");
        click(SlackIds.ActionIds.REFRESH_NOW, id, "U0KIM");

        assertThat(f.api.count("observe")).isEqualTo(before + 1);
        assertThat(f.replies()).singleElement().asString().contains("Refreshed less than");

        f.clock.advance(Duration.ofMinutes(1));
        click(SlackIds.ActionIds.REFRESH_NOW, id, "U0KIM");
        assertThat(f.api.count("observe")).isEqualTo(before + 2);
    }

    @Test
    void status_showsTheClusterNow_toAReader() {
        click(SlackIds.ActionIds.SHOW_STATUS, id, "U0KIM");

        assertThat(f.replies()).singleElement().asString().contains("demo-kafka").contains("b-1");
    }

    @Test
    void status_toSomeoneTheReadRuleLeavesOut_isRefused_andShowsNothingOfTheCluster() {
        click(SlackIds.ActionIds.SHOW_STATUS, id, "U0EVE");

        assertThat(f.replies()).singleElement().asString().contains(":no_entry:").doesNotContain("b-1");
        assertThat(f.api.count("inspect")).as("nothing read for them").isZero();
    }

    @Test
    void anUnknownOperation_isSaidToBeUnknown() {
        click(SlackIds.ActionIds.SHOW_STATUS, "op-404", "U0KIM");

        assertThat(f.replies()).singleElement().asString().contains("know that operation any more.");
    }

    @Test
    void status_whenNcpCannotBeRead_saysWhy() {
        f.api.failInspect(new OperationsException(OperationsException.Reason.UNAVAILABLE, "HTTP 503 from NCP"));

        click(SlackIds.ActionIds.SHOW_STATUS, id, "U0KIM");

        assertThat(f.replies()).singleElement().asString().contains(":x:").contains("HTTP 503 from NCP");
    }
}
