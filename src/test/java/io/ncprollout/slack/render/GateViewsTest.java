package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.GateReport.Figure;
import io.ncprollout.rollout.health.GateReport.Finding;
import io.ncprollout.rollout.health.KafkaSnapshot;
import io.ncprollout.rollout.health.KafkaVerdicts;
import io.ncprollout.rollout.health.SearchSnapshot;
import io.ncprollout.rollout.health.SearchVerdicts;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.PrecheckReport;
import io.ncprollout.testing.Observations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The health gate in the confirmation modal and in words: off, passed, failed (for a reader and for an admin), unreachable. */
class GateViewsTest {
    private static final OperationTarget RESTART = OperationTarget.of(OperationKind.KAFKA_RESTART, Rollouts.KAFKA);
    private static final Locale KO = Locale.KOREAN;

    private final ConfirmationViews views = new ConfirmationViews(false);

    private static GateReport failed(int partitions) {
        List<KafkaSnapshot.Partition> ps = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            ps.add(new KafkaSnapshot.Partition("orders<x>", i, List.of(1, 2, 3), List.of(1, 3), OptionalInt.of(1), OptionalInt.of(2)));
        }
        return KafkaVerdicts.judge(new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 3), ps), 0, 3);
    }

    private View confirm(GateReport gate, boolean admin, Locale locale) {
        PrecheckReport report = new PrecheckReport(RESTART, Observations.cluster("running").broker("b-1", "green").build(), new Precheck(true, "SUCCESS"), gate);
        return views.confirm(report, admin, "{}", locale);
    }

    @Test
    void noGate_saysItIsOffAndHowToTurnItOn_andTheFormIsUnchanged() {
        View view = confirm(GateReport.off(), false, Locale.ENGLISH);

        String json = BlockKitLimits.json(view).toString();
        assertThat(json).contains("Data-level health gate: off for this cluster").contains("health:");
        assertThat(view.getSubmit().getText()).isEqualTo("Start restart");
        BlockKitLimits.assertWithinLimits(view);
    }

    @Test
    void passed_showsTheFigures() {
        GateReport passed = KafkaVerdicts.judge(new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 2, 3), List.of()), 0, 3);

        String json = BlockKitLimits.json(confirm(passed, false, Locale.ENGLISH)).toString();

        assertThat(json).contains("Kafka health gate passed:* brokers 3 · controller 1 · partitions 0 · under-replicated 0 · offline 0 · at min ISR 0");
    }

    @Test
    void failed_forAReader_listsTheTenWorstEscaped_andOffersOnlyClose() {
        View view = confirm(failed(14), false, Locale.ENGLISH);

        JsonObject json = BlockKitLimits.json(view).getAsJsonObject();
        assertThat(json.has("submit")).isFalse();
        assertThat(view.getTitle().getText()).isEqualTo("Health gate failed");
        assertThat(json.toString()).contains("Kafka health gate failed").contains("broker 2 is not registered")
                .contains("`orders&lt;x&gt;-0` has no replica to spare").contains("… and 5 more").contains("an admin may start anyway")
                .doesNotContain("\"type\":\"input\"").doesNotContain("orders<x>");
        BlockKitLimits.assertWithinLimits(view);
    }

    @Test
    void failed_forAnAdmin_addsTheRequiredStartAnywayBox_withTheInputs() {
        View view = confirm(failed(2), true, Locale.ENGLISH);

        String json = BlockKitLimits.json(view).toString();
        assertThat(view.getSubmit().getText()).isEqualTo("Start restart");
        assertThat(json).contains("\"block_id\":\"start-anyway\"").contains("\"type\":\"checkboxes\"")
                .contains("Start anyway: I am an admin and take the risk").contains("Audited with the gate");
        BlockKitLimits.assertWithinLimits(view);
    }

    @Test
    void unreachable_andOpenSearch_inKorean() {
        String unreachable = BlockKitLimits.json(confirm(GateReport.unreachable(GateReport.Gate.KAFKA, "Kafka at b1:9092 did not answer within 10s"), false, KO))
                .toString();
        assertThat(unreachable).contains("Kafka 상태 게이트가 확인하지 못했습니다").contains("did not answer within 10s");

        GateReport yellow = SearchVerdicts.judge(new SearchSnapshot("yellow", 3, 3, 0, 2, 1), "green");
        String text = GateLines.text(Texts.of(KO), yellow, SlackText::escape);
        assertThat(text).contains("OpenSearch 상태 게이트 실패").contains("상태 yellow").contains("샤드 1개 미할당").contains("샤드 2개 초기화 중");
    }

    @Test
    void status_showsTheGatesFiguresWhenOneCoversTheCluster_andNothingWhenNone() {
        io.ncprollout.rollout.operation.Observation current = Observations.cluster("running").broker("b-1", "green").build();

        String gated = StatusMessages.status(Rollouts.KAFKA, current, failed(1), false, io.ncprollout.rollout.operation.VersionNames.none(), Locale.ENGLISH)
                .blocks().toString();
        String plain = StatusMessages.status(Rollouts.KAFKA, current, false, Locale.ENGLISH).blocks().toString();

        assertThat(gated).contains("Kafka health gate failed").contains("under-replicated 1").contains("has no replica to spare");
        assertThat(plain).doesNotContain("health gate");
    }

    @Test
    void approvalRequest_ofAnAdminsStartAnyway_warnsTheApprover() {
        io.ncprollout.rollout.operation.RolloutRequest anyway = new io.ncprollout.rollout.operation.RolloutRequest(RESTART, "U0ADMIN", "disk swap")
                .withStartAnyway(true);
        io.ncprollout.rollout.access.PendingApproval pending = new io.ncprollout.rollout.access.PendingApproval("a-1", anyway, "C1", "1.1",
                new io.ncprollout.rollout.access.AccessPolicy.Principals(Set.of("U0APPROVER"), Set.of()), java.time.Instant.parse("2026-12-04T10:00:00Z"),
                java.time.Instant.parse("2026-12-04T10:30:00Z"), io.ncprollout.rollout.access.PendingApproval.Decision.pending());

        String shown = new ApprovalMessages(false, io.ncprollout.rollout.operation.VersionNames.none()).request(pending, Locale.ENGLISH).blocks().toString();
        String plain = new ApprovalMessages(false, io.ncprollout.rollout.operation.VersionNames.none())
                .request(new io.ncprollout.rollout.access.PendingApproval("a-2", anyway.withStartAnyway(false), "C1", "1.1", pending.approvers(),
                        pending.requestedAt(), pending.expiresAt(), pending.decision()), Locale.ENGLISH).blocks().toString();

        assertThat(shown).contains("chose *Start anyway*");
        assertThat(plain).doesNotContain("Start anyway");
        assertThat(new BundleAuditWording().requested(anyway)).endsWith("; start anyway past the health gate");
    }

    @Test
    void unknownFigure_isShownAsCounted() {
        GateReport odd = GateReport.of(GateReport.Gate.KAFKA, List.of(new Figure("newThing", "7")), List.of(new Finding(Finding.Kind.OFFLINE, "t-0", "")));

        assertThat(GateLines.figures(Texts.of(Locale.ENGLISH), odd, SlackText::escape)).isEqualTo("newThing 7");
    }
}
