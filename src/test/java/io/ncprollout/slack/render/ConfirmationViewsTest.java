package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.testing.Observations;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmationViewsTest {
    private static final OperationTarget RESTART = OperationTarget.of(OperationKind.KAFKA_RESTART, Rollouts.KAFKA);
    private static final String METADATA = "{\"cluster\":\"1234567\",\"channel\":\"C1\"}";

    private final ConfirmationViews views = new ConfirmationViews(false);

    @Test
    void confirm_precheckPassed_matchesGoldenWithInputsAndSubmit() {
        View view = triggerConfirm(RESTART, current(), new Precheck(true, "SUCCESS"));

        JsonObject json = BlockKitLimits.json(view).getAsJsonObject();
        assertThat(json.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Start restart");
        assertThat(json.get("callback_id").getAsString()).isEqualTo("kafka-restart-confirm");
        assertThat(json.toString()).contains("\"block_id\":\"confirm-name\"").contains("\"action_id\":\"confirm-name-input\"")
                .contains("\"block_id\":\"reason\"").contains("\"max_length\":500")
                .contains("Rolling restart may cause data loss or intermittent interruptions.");
        Golden.assertMatches("confirm-restart-precheck-passed", view);
    }

    @Test
    void confirm_precheckFailed_matchesGoldenWithoutSubmitOrInputs() {
        View view = triggerConfirm(RESTART, current(), new Precheck(false, "Cluster is <changing> & busy"));

        JsonObject json = BlockKitLimits.json(view).getAsJsonObject();
        assertThat(json.has("submit")).isFalse();
        assertThat(json.toString()).doesNotContain("\"type\":\"input\"").contains("Cluster is &lt;changing&gt; &amp; busy");
        Golden.assertMatches("confirm-restart-precheck-failed", view);
    }

    @Test
    void confirm_openSearchUpgrade_saysTheSnapshotRuleAndUsesItsCallbackId() {
        OperationTarget upgrade = new OperationTarget(OperationKind.OPENSEARCH_UPGRADE, Rollouts.OPENSEARCH, Optional.of("2190"), Optional.empty());
        Observation seen = Observations.cluster("running").version("2110").manager("m-1", "running").data("d-1", "running").build();

        View view = triggerConfirm(upgrade, seen, new Precheck(true, "SUCCESS"));

        assertThat(view.getCallbackId()).isEqualTo("opensearch-upgrade-confirm");
        assertThat(view.getSubmit().getText()).isEqualTo("Start upgrade");
        assertThat(BlockKitLimits.json(view).toString()).contains("within the last 6 hours")
                .contains("User data can't be recovered if lost during the upgrade.").contains("version 2110 → 2190");
    }

    @Test
    void confirm_kafkaUpgrade_saysConfigGroupAndReplicationCautions() {
        OperationTarget upgrade = new OperationTarget(OperationKind.KAFKA_UPGRADE, Rollouts.KAFKA, Optional.of("3903006"), Optional.of("42"));

        View view = triggerConfirm(upgrade, current(), new Precheck(true, "SUCCESS"));

        assertThat(view.getCallbackId()).isEqualTo("kafka-upgrade-confirm");
        assertThat(BlockKitLimits.json(view).toString()).contains("config group that matches").contains("replication completes")
                .contains("data loss or intermittent interruptions").contains("config group 42");
    }

    @Test
    void confirm_cmakRestart_fitsTitleAndSubmit() {
        View view = triggerConfirm(OperationTarget.of(OperationKind.CMAK_RESTART, Rollouts.KAFKA), current(), new Precheck(true, "SUCCESS"));

        assertThat(view.getTitle().getText()).isEqualTo("Confirm CMAK restart");
        assertThat(view.getSubmit().getText()).isEqualTo("Start CMAK restart");
    }

    @Test
    void confirm_fiftyBrokersAndUnknownStatus_staysWithinLimits() {
        Observations seen = Observations.cluster("running");
        for (int i = 1; i <= 50; i++) {
            seen.broker(String.format("demo-kafka-broker-%03d", i), i == 7 ? "purple" : "green");
        }

        View view = triggerConfirm(RESTART, seen.build(), new Precheck(true, "SUCCESS"));

        assertThat(BlockKitLimits.json(view).toString()).contains(":grey_question: *demo-kafka-broker-007* · broker · purple");
    }

    @Test
    void confirm_privateMetadataOverLimit_isRefused() {
        assertThatThrownBy(() -> views.confirm(RESTART, current(), new Precheck(true, "SUCCESS"), "x".repeat(3001), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loading_anyKind_hasNoInputAndNoSubmit() {
        View view = views.loading("orders-prod", OperationKind.KAFKA_RESTART, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(view);
        assertThat(view.getSubmit()).isNull();
        assertThat(BlockKitLimits.json(view).toString()).contains("Running precheck").doesNotContain("\"type\":\"input\"");
    }

    @Test
    void failed_unreachableApi_explainsWithoutSubmit() {
        View view = views.failed("Precheck not possible", "The NCP API could not be reached: timeout <10s>", ConfirmationViews.Why.TRANSIENT, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(view);
        assertThat(view.getSubmit()).isNull();
        assertThat(BlockKitLimits.json(view).toString()).contains("timeout &lt;10s&gt;").contains("Try again");
    }

    @Test
    void failed_denialOrUnknownCluster_doesNotSayTryAgainInAMinute() {
        String denied = BlockKitLimits.json(views.failed("Not allowed", "No permission rule lets you restart demo-kafka.",
                ConfirmationViews.Why.NOT_ALLOWED, Locale.ENGLISH)).toString();
        String unknown = BlockKitLimits.json(views.failed("Unknown cluster", "There is no Kafka (CDSS) cluster named `x` in KR.",
                ConfirmationViews.Why.UNKNOWN_CLUSTER, Locale.ENGLISH)).toString();

        assertThat(denied).doesNotContain("Try again in a minute").contains("Waiting will not change this", "admins");
        assertThat(unknown).doesNotContain("Try again in a minute").contains("Check the name (or add --region)");
    }

    @Test
    void failed_longTitle_isCutToTheModalLimit() {
        View view = views.failed("The NCP API could not be reached at all", "timeout", ConfirmationViews.Why.TRANSIENT, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(view);
    }

    @Test
    void nameMismatchError_givenName_saysToTypeItExactly() {
        assertThat(ConfirmationViews.nameMismatchError("demo-kafka", Locale.ENGLISH)).isEqualTo("Type the cluster name exactly: demo-kafka");
    }

    @Test
    void everyView_simulated_carriesTheSimulatedLabel() {
        ConfirmationViews simulated = new ConfirmationViews(true);

        for (View view : new View[] {simulated.loading("demo-kafka", OperationKind.KAFKA_RESTART, Locale.ENGLISH),
                simulated.confirm(RESTART, current(), new Precheck(true, "SUCCESS"), METADATA, Locale.ENGLISH),
                simulated.confirm(RESTART, current(), new Precheck(false, "no"), METADATA, Locale.ENGLISH),
                simulated.failed("Error", "boom", ConfirmationViews.Why.RERUN, Locale.ENGLISH)}) {
            BlockKitLimits.assertWithinLimits(view);
            assertThat(BlockKitLimits.json(view).toString()).contains(":test_tube: Simulated cluster — nothing real is touched");
        }
    }

    private static Observation current() {
        return Observations.cluster("running").broker("demo-kafka-b-1", "green").broker("demo-kafka-b-2", "green")
                .broker("demo-kafka-b-3", "yellow").zookeeper("demo-kafka-zk-1", "green").build();
    }

    private View triggerConfirm(OperationTarget target, Observation seen, Precheck precheck) {
        View view = views.confirm(target, seen, precheck, METADATA, Locale.ENGLISH);
        BlockKitLimits.assertWithinLimits(view);
        return view;
    }
}
