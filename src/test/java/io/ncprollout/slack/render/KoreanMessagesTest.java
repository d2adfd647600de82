package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.testing.Observations;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Korean renderings: goldens for the two most read ones, and Slack's limits for every kind of message. */
class KoreanMessagesTest {
    private static final Locale KO = Locale.forLanguageTag("ko-KR");

    @Test
    void progress_restartMidwayInKorean_matchesGolden() {
        SlackMessage message = new ProgressMessages(false).progress(Rollouts.midway(), KO);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(message.text()).isEqualTo("demo-kafka 롤링 재시작: 브로커 1/3 완료");
        Golden.assertMatches("progress-restart-midway-ko", message.blocks());
    }

    @Test
    void confirm_precheckPassedInKorean_matchesGolden() {
        View view = new ConfirmationViews(false).confirm(OperationTarget.of(OperationKind.KAFKA_RESTART, Rollouts.KAFKA), current(),
                new Precheck(true, "SUCCESS"), "{}", KO);

        BlockKitLimits.assertWithinLimits(view);
        JsonObject json = BlockKitLimits.json(view).getAsJsonObject();
        assertThat(json.getAsJsonObject("title").get("text").getAsString()).isEqualTo("재시작 확인");
        assertThat(json.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("재시작 실행");
        Golden.assertMatches("confirm-restart-precheck-passed-ko", view);
    }

    @Test
    void finished_failedRolloutInKorean_keepsNcpReasonVerbatim() {
        SlackMessage message = new ProgressMessages(false).notice(Rollouts.failed(), Notice.FINISHED, KO);

        String json = BlockKitLimits.json(message.blocks()).toString();
        assertThat(json).contains("실패: ").contains("*사유:*");
        assertThat(message.text()).contains(" 후 실패");
    }

    @Test
    void everyRenderer_inKorean_staysWithinSlackLimits() {
        ProgressMessages progress = new ProgressMessages(true);
        for (Notice n : Notice.values()) {
            BlockKitLimits.assertWithinLimits(progress.notice(n == Notice.FINISHED ? Rollouts.bigCompleted(120) : Rollouts.midway(), n, KO));
        }
        BlockKitLimits.assertWithinLimits(progress.progress(Rollouts.big(120), KO));
        BlockKitLimits.assertWithinLimits(progress.parent(Rollouts.completed(), KO));
        ConfirmationViews views = new ConfirmationViews(true);
        BlockKitLimits.assertWithinLimits(views.loading("demo-kafka", OperationKind.CMAK_RESTART, KO));
        BlockKitLimits.assertWithinLimits(views.failed(ConfirmationViews.title("precheckNotRun", KO), "timeout", ConfirmationViews.Why.TRANSIENT, KO));
        for (OperationKind kind : OperationKind.values()) {
            BlockKitLimits.assertWithinLimits(views.confirm(new OperationTarget(kind, kind.product() == Product.KAFKA ? Rollouts.KAFKA : Rollouts.OPENSEARCH,
                    kind.isVersioned() ? Optional.of("3903006") : Optional.empty(),
                    kind == OperationKind.KAFKA_UPGRADE ? Optional.of("301") : Optional.empty()),
                    current(), new Precheck(false, "no"), "{}", KO));
        }
        BlockKitLimits.assertWithinLimits(StatusMessages.status(Rollouts.KAFKA, current(), true, KO));
        BlockKitLimits.assertWithinLimits(StatusMessages.help("/kafka", true, true, KO));
        BlockKitLimits.assertWithinLimits(ListMessages.clusters(Product.KAFKA, "KR", List.<ClusterSummary>of(), true, KO));
        BlockKitLimits.assertWithinLimits(CmakMessages.confirm(Rollouts.KAFKA, current(), true, KO));
        BlockKitLimits.assertWithinLimits(HomeViews.home(List.of(), List.of(), "https://test.slack.com/", true, KO));
        BlockKitLimits.assertWithinLimits(HistoryMessages.history("demo-kafka", List.of(), KO));
    }

    private static Observation current() {
        return Observations.cluster("running").broker("demo-kafka-b-1", "green").broker("demo-kafka-b-2", "green")
                .broker("demo-kafka-b-3", "yellow").zookeeper("demo-kafka-zk-1", "green").build();
    }
}
