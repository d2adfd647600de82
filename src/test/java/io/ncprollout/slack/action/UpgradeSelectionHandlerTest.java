package io.ncprollout.slack.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.testing.SlackHandlerFixture;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Choosing a version (or config group) in an open upgrade form, on its own: the form is redrawn for the choice. */
class UpgradeSelectionHandlerTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final UpgradeSelectionHandler handler = new UpgradeSelectionHandler(f.work, f.upgrades);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void pickingAVersion_redrawsTheFormForIt_inPlace() throws Exception {
        JsonObject open = openForm();

        pick(open, "3903006");

        assertThat(f.slack.calls("views.update")).singleElement().satisfies(c -> {
            assertThat(c.param("view_id")).isEqualTo(open.get("id").getAsString());
            assertThat(c.param("view")).contains("3.9.0");
        });
        assertThat(f.slack.timeline.get(f.slack.timeline.size() - 1).answer()).contains("\"ok\":true");
    }

    @Test
    void aPickOnAFormChangedMeanwhile_isRefusedBySlack_andNothingBreaks() throws Exception {
        JsonObject open = openForm();
        open.addProperty("hash", "stale");

        pick(open, "3903006");

        assertThat(f.slack.timeline.get(f.slack.timeline.size() - 1).answer()).contains("hash_conflict");
        assertThat(f.api.count("start")).isZero();
    }

    @Test
    void aPickOnAFormWithForgedMetadata_isAcknowledged_andDoesNothing() throws Exception {
        JsonObject open = openForm();
        open.addProperty("private_metadata", "not json");

        BlockActionRequest request = f.select(open, SlackIds.BlockIds.TARGET_VERSION, SlackIds.ActionIds.TARGET_VERSION_SELECT, "3903006", "U0ALICE");

        assertThat(handler.apply(request, request.getContext()).getStatusCode()).isEqualTo(200);
        assertThat(f.work.pending()).isZero();
    }

    private void pick(JsonObject open, String version) {
        BlockActionRequest request = f.select(open, SlackIds.BlockIds.TARGET_VERSION, SlackIds.ActionIds.TARGET_VERSION_SELECT, version, "U0ALICE");
        handler.apply(request, request.getContext());
        f.work.runAll();
    }

    /** The upgrade form of demo-kafka as opened on Slack: its JSON with the id and hash Slack gave it. */
    private JsonObject openForm() throws Exception {
        View form = f.upgrades.form(OperationKind.KAFKA_UPGRADE, SlackHandlerFixture.DEMO, Optional.empty(), Optional.empty(),
                new io.ncprollout.slack.command.UpgradeFlow.Asker("C0OPS", "", "U0ALICE", Optional.empty()));
        ViewsOpenResponse opened = f.client.viewsOpen(r -> r.triggerId("1.2.3").view(form));
        JsonObject json = JsonParser.parseString(GsonFactory.createSnakeCase().toJson(form)).getAsJsonObject();
        json.addProperty("id", opened.getView().getId());
        json.addProperty("hash", opened.getView().getHash());
        return json;
    }
}
