package io.ncprollout.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.slack.ModalMetadata;
import io.ncprollout.testing.SlackHandlerFixture;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The confirmation form's submission, on its own: what it checks before anything starts, and what it answers. */
class ConfirmSubmissionHandlerTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final ConfirmSubmissionHandler handler = new ConfirmSubmissionHandler(f.work, f.approvals, f.views, f.upgrades, f.locales);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void rightNameAndAReason_acksStarting_thenStartsOnce_andSaysStarted() {
        Opened form = open(SlackHandlerFixture.DEMO);

        Response ack = submit(form, "demo-kafka", "monthly patch");

        assertThat(ack.getBody()).contains("\"response_action\":\"update\"").contains("demo-kafka");
        assertThat(f.store.find("op-1")).as("stored before Slack hears of it").hasValueSatisfying(t -> assertThat(t.phase()).isEqualTo(StartPhase.RECEIVED));
        f.work.runAll();
        assertThat(f.api.count("start")).isEqualTo(1);
        assertThat(f.slack.calls("chat.postMessage")).first().satisfies(c -> assertThat(c.param("channel")).isEqualTo("C0OPS"));
        assertThat(f.lastView().toString()).contains("demo-kafka");
    }

    @Test
    void wrongName_orNoReason_isAFieldError_andNothingIsStoredOrStarted() {
        Opened form = open(SlackHandlerFixture.DEMO);

        Response wrongName = submit(form, "demo-kafak", "patch");
        Response noReason = submit(form, "demo-kafka", "   ");

        assertThat(wrongName.getBody()).contains("\"response_action\":\"errors\"").contains("confirm-name").contains("demo-kafka");
        assertThat(noReason.getBody()).contains("\"response_action\":\"errors\"").contains("\"reason\"");
        assertThat(f.store.find("op-1")).isEmpty();
        assertThat(f.work.pending()).isZero();
    }

    @Test
    void forgedMetadata_isAnOutOfDateForm_andStartsNothing() {
        Opened form = open(SlackHandlerFixture.DEMO);
        form.view.addProperty("private_metadata", "{\"kind\":\"DROP_TABLE\"}");

        Response ack = submit(form, "demo-kafka", "patch");

        assertThat(ack.getBody()).contains("\"response_action\":\"update\"").contains("out of date");
        assertThat(f.store.find("op-1")).isEmpty();
        assertThat(f.work.pending()).isZero();
    }

    @Test
    void theSameSubmissionTwice_startsOnce() {
        Opened form = open(SlackHandlerFixture.DEMO);

        submit(form, "demo-kafka", "patch");
        f.work.runAll();
        submit(form, "demo-kafka", "patch");
        f.work.runAll();

        assertThat(f.api.count("start")).isEqualTo(1);
    }

    @Test
    void onAGuardedCluster_asksForApproval_andStartsNothing() {
        Opened form = open(SlackHandlerFixture.ORDERS);

        submit(form, "orders-prod", "patch");
        f.work.runAll();

        assertThat(f.api.count("start")).isZero();
        assertThat(f.approvalStore.pending()).hasSize(1);
        assertThat(f.lastView().toString()).contains("approve");
    }

    @Test
    void whenTheBotIsNotInTheChannel_startsNothing_andTellsTheUserWhereTheyAre() {
        f.slack.botNotIn("C0OPS");
        Opened form = open(SlackHandlerFixture.DEMO);

        submit(form, "demo-kafka", "patch");
        f.work.runAll();

        assertThat(f.api.count("start")).isZero();
        assertThat(f.replies()).singleElement().asString().contains("invite");
    }

    @Test
    void whenNcpRefusesTheStart_theFormSaysWhy() {
        f.api.startFails(new OperationsException(OperationsException.Reason.REFUSED, "Cluster is busy (code 1234)"));
        Opened form = open(SlackHandlerFixture.DEMO);

        submit(form, "demo-kafka", "patch");
        f.work.runAll();

        assertThat(f.lastView().toString()).contains("Cluster is busy (code 1234)");
    }

    /** A confirmation form opened on the fake Slack, as the restart flow leaves it. */
    private record Opened(JsonObject view, String id) {
    }

    private Opened open(ClusterRef cluster) {
        OperationTarget target = OperationTarget.of(OperationKind.KAFKA_RESTART, cluster);
        String metadata = ModalMetadata.of(target, "C0OPS", f.slack.responseUrl("cmd-1")).encode();
        View view;
        String id;
        try {
            view = f.views.confirm(target, f.api.inspect(OperationKind.KAFKA_RESTART, cluster), new Precheck(true, "SUCCESS"), metadata, Locale.ENGLISH);
            id = f.client.viewsOpen(r -> r.triggerId("1.2.3").view(view)).getView().getId();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new Opened(JsonParser.parseString(GsonFactory.createSnakeCase().toJson(view)).getAsJsonObject(), id);
    }

    private Response submit(Opened form, String typedName, String reason) {
        ViewSubmissionRequest request = f.submit(form.view(), form.id(), Map.of("confirm-name", typedName, "reason", reason), "U0ALICE");
        return handler.apply(request, request.getContext());
    }
}
