package io.ncprollout.slack.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.testing.SlackHandlerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Approve and Reject buttons of a request message, on their own. */
class ApprovalActionHandlerTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final ApprovalActionHandler handler = new ApprovalActionHandler(f.work, f.approvals, f.locales);
    private final String id = f.approvals.submit(new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, SlackHandlerFixture.ORDERS),
            "U0ALICE", "monthly patch"), "C0OPS").approval().orElseThrow().id();

    @AfterEach
    void close() {
        f.close();
    }

    private Response click(String actionId, String value, String user) {
        BlockActionRequest request = f.press(actionId, value, user, "C0OPS");
        Response ack = handler.apply(request, request.getContext());
        f.work.runAll();
        return ack;
    }

    @Test
    void approveByTheApprover_startsTheOperation_andTellsThem() {
        Response ack = click(SlackIds.ActionIds.APPROVE, id, "U0BOB");

        assertThat(ack.getStatusCode()).isEqualTo(200);
        assertThat(f.api.count("start")).isEqualTo(1);
        assertThat(f.replies()).singleElement().asString().contains(":white_check_mark:");
        assertThat(f.approvalStore.find(id)).hasValueSatisfying(a -> assertThat(a.decision().status()).isEqualTo(PendingApproval.Status.APPROVED));
    }

    @Test
    void approveByTheRequester_isRefusedWithWhy_andStartsNothing() {
        click(SlackIds.ActionIds.APPROVE, id, "U0ALICE");

        assertThat(f.api.count("start")).isZero();
        assertThat(f.replies()).singleElement().asString().contains(":no_entry:").contains("your own request");
    }

    @Test
    void rejectByTheRequester_withdrawsIt() {
        click(SlackIds.ActionIds.REJECT, id, "U0ALICE");

        assertThat(f.replies()).singleElement().asString().contains("Rejected: nothing was started.");
        assertThat(f.approvalStore.find(id)).hasValueSatisfying(a -> assertThat(a.decision().status()).isEqualTo(PendingApproval.Status.REJECTED));
    }

    @Test
    void anUnknownOrForgedRequestId_isAnsweredAsUnknown() {
        click(SlackIds.ActionIds.APPROVE, "ap-<script>", "U0BOB");

        assertThat(f.api.count("start")).isZero();
        assertThat(f.replies()).singleElement().asString().contains(":no_entry:").doesNotContain("<script>");
    }

    @Test
    void aClickWithoutAnAction_isAcknowledged_andDoesNothing() {
        BlockActionRequest request = f.emptyClick("U0BOB");

        assertThat(handler.apply(request, request.getContext()).getStatusCode()).isEqualTo(200);
        assertThat(f.work.pending()).isZero();
    }
}
