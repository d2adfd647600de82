package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.cluster.ClusterPhase;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each payload limit real inputs broke, reproduced with the real renderers (the property test covers the rest). */
class PayloadLimitsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final ClusterRef SEARCH = new ClusterRef(Product.OPENSEARCH, "7654321", "demo-search", "KR");
    private static final Observation THREE = new Observation("running", ClusterPhase.RUNNING, List.of(
            new NodeObservation("n-1", NodeRole.MANAGER, "running", NodeHealth.HEALTHY)), true, Optional.of("2.11"));

    @Test
    void upgradeForm_twoVersionsWithOneCode_initialOptionIsOneOfTheOptions() {
        VersionChoice first = new VersionChoice("2190", "OpenSearch 2.19.0");
        VersionChoice second = new VersionChoice("2190", "OpenSearch 2.19.0 (rebuilt)");

        JsonObject select = select(form(List.of(first, second), Optional.of(second)));

        assertThat(select.getAsJsonArray("options")).contains(select.get("initial_option"));
    }

    @Test
    void upgradeForm_everyCodeTooLongForAnOptionValue_offersNoEmptySelectButSaysWhy() {
        var view = new UpgradeViews(false).openSearchUpgrade(form(List.of(new VersionChoice("9".repeat(151), "2.19.0")), Optional.empty()),
                Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(view);
        assertThat(BlockKitLimits.json(view).toString()).doesNotContain("static_select").contains("none with a code this form can send back");
    }

    @Test
    void blankVersionAndClusterNames_renderNoEmptyTextObject() {
        ClusterRef blank = new ClusterRef(Product.OPENSEARCH, "7654321", " ", "KR");
        UpgradeOptions options = new UpgradeOptions(new VersionChoice("2110", ""), List.of(new VersionChoice("2190", " ")));
        UpgradeForm form = new UpgradeForm(blank, THREE, options, Optional.of(new VersionChoice("2190", " ")), List.of(), Optional.empty(),
                Optional.of(new Precheck(true, "")), "");

        BlockKitLimits.assertWithinLimits(new UpgradeViews(false).openSearchUpgrade(form, Locale.ENGLISH));
        BlockKitLimits.assertWithinLimits(new ConfirmationViews(false).confirm(OperationTarget.of(OperationKind.KAFKA_RESTART,
                new ClusterRef(Product.KAFKA, "1", "", "KR")), THREE, new Precheck(true, ""), "", Locale.ENGLISH));
    }

    @Test
    void status_hundredNodesWithLongNames_staysWithinTheMessageTextBudget() {
        List<NodeObservation> nodes = IntStream.range(0, 100)
                .mapToObj(i -> new NodeObservation("n".repeat(240) + i, NodeRole.BROKER, "green", NodeHealth.HEALTHY)).toList();
        Observation big = new Observation("running", ClusterPhase.RUNNING, nodes, true, Optional.empty());

        SlackMessage status = StatusMessages.status(new ClusterRef(Product.KAFKA, "1", "big", "KR"), big, false, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(status);
        assertThat(BlockKitLimits.totalText(BlockKitLimits.json(status.blocks()))).isLessThanOrEqualTo(12_000);
        assertThat(BlockKitLimits.json(status.blocks()).toString()).contains("(100)");
    }

    @Test
    void note_longText_isCut() {
        String text = BlockKitLimits.json(List.of(SlackText.note("x".repeat(10_000)))).toString();

        assertThat(text.length()).isLessThan(3_200);
    }

    @Test
    void history_tooLongForOneMessage_saysHowManyMoreInsteadOfCuttingSilently() {
        List<AuditEvent> events = IntStream.range(0, 40).mapToObj(i -> new AuditEvent(T0.minusSeconds(i), "U" + i, "restart",
                Optional.empty(), "denied", "d".repeat(5_000))).toList();

        SlackMessage history = HistoryMessages.history("all clusters", events, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(history);
        assertThat(BlockKitLimits.json(history.blocks()).toString()).containsPattern("…and \\d+ more").doesNotContain("\\n…\"");
    }

    @Test
    void approvalRequest_hundredsOfApprovers_namesSomeAndCountsTheRest() {
        Set<String> approvers = new HashSet<>();
        IntStream.range(0, 300).forEach(i -> approvers.add("U0APPROVER" + i));
        RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, new ClusterRef(Product.KAFKA, "1", "k", "KR")),
                "U1", "r".repeat(10_000));
        PendingApproval a = new PendingApproval("a-1", request, "C1", "1.2", new AccessPolicy.Principals(approvers, Set.of()), T0,
                T0.plus(Duration.ofMinutes(30)), PendingApproval.Decision.pending());

        SlackMessage message = new ApprovalMessages(false).request(a, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("…and 280 more");
    }

    private static UpgradeForm form(List<VersionChoice> newer, Optional<VersionChoice> selected) {
        return new UpgradeForm(SEARCH, THREE, new UpgradeOptions(new VersionChoice("2110", "2.11.0"), newer), selected, List.of(),
                Optional.empty(), Optional.empty(), "");
    }

    private static JsonObject select(UpgradeForm form) {
        var view = new UpgradeViews(false).openSearchUpgrade(form, Locale.ENGLISH);
        BlockKitLimits.assertWithinLimits(view);
        List<JsonObject> selects = new ArrayList<>();
        BlockKitLimits.json(view).getAsJsonObject().getAsJsonArray("blocks").forEach(b -> {
            JsonObject block = b.getAsJsonObject();
            if (block.has("element") && block.getAsJsonObject("element").get("type").getAsString().equals("static_select")) {
                selects.add(block.getAsJsonObject("element"));
            }
        });
        return selects.get(0);
    }
}
