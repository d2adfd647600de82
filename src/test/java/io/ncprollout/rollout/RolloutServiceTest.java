package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.RecordingProgressNotifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RolloutServiceTest {
    private static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final FakeOperationsApi api = new FakeOperationsApi(
            Observations.cluster("running").broker("b-1", "green").build());
    private final InMemoryRolloutStore store = new InMemoryRolloutStore();
    private final RecordingProgressNotifier notifier = new RecordingProgressNotifier();
    private final AtomicInteger ids = new AtomicInteger();
    private RolloutService service;

    @BeforeEach
    void setUp() {
        api.clusters.addAll(List.of(
                new ClusterSummary(DEMO, "running", "Kafka 3.7.1", 3),
                new ClusterSummary(new ClusterRef(Product.KAFKA, "2000001", "orders-prod", "KR"), "running", "Kafka 3.7.1", 5)));
        service = new RolloutService(new Platform(api, api.directory()), io.ncprollout.testing.Journals.of(store, notifier, clock), notifier, io.ncprollout.testing.Gatekeepers.open(clock), clock, () -> "op-" + ids.incrementAndGet());
    }

    @Test
    void resolve_byNameInAnyCaseOrByNumber_findsTheCluster() throws Exception {
        assertThat(service.resolve(Product.KAFKA, "DEMO-KAFKA", "KR")).isEqualTo(DEMO);
        assertThat(service.resolve(Product.KAFKA, "1234567", "KR")).isEqualTo(DEMO);
    }

    @Test
    void resolve_typo_namesTheClosestMatches() {
        assertThatThrownBy(() -> service.resolve(Product.KAFKA, "demo-kafak", "KR"))
                .isInstanceOfSatisfying(UnknownClusterException.class, e -> {
                    assertThat(e.closest()).containsExactly("demo-kafka");
                    assertThat(List.of(e.product(), e.query(), e.region())).containsExactly(Product.KAFKA, "demo-kafak", "KR");
                });
    }

    @Test
    void start_happyPath_announcesThenStartsOnce() {
        StartOutcome outcome = service.start(request(), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.STARTED);
        assertThat(api.calls).containsExactly("precheck", "start");
        assertThat(notifier.announced).hasSize(1);
        assertThat(store.active()).singleElement().satisfies(t -> assertThat(t.thread().isPending()).isFalse());
    }

    @Test
    void start_secondRequestWhileRunning_isBusyAndSendsNothing() {
        service.start(request(), "C1");

        StartOutcome second = service.start(request(), "C2");

        assertThat(second.result()).isEqualTo(StartOutcome.Result.BUSY);
        assertThat(second.rollout()).hasValueSatisfying(holder -> assertThat(holder.rollout().request().requester()).isEqualTo("U1"));
        assertThat(api.count("start")).isEqualTo(1);
    }

    @Test
    void start_precheckFailsNow_refusesAndFreesTheCluster() {
        api.precheckAnswers(new Precheck(false, "Cluster is not ready"));

        StartOutcome outcome = service.start(request(), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.REFUSED);
        assertThat(outcome.refusal()).contains(new Refusal.PrecheckFailed("Cluster is not ready"));
        assertThat(api.count("start")).isZero();
        assertThat(store.active()).isEmpty();
    }

    @Test
    void start_channelRefusesPosts_startsNothing() {
        notifier.refuseChannel("not_in_channel");

        StartOutcome outcome = service.start(request(), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.CHANNEL_UNAVAILABLE);
        assertThat(outcome.refusal()).contains(new Refusal.ChannelUnavailable("C1", "not_in_channel"));
        assertThat(api.count("start")).isZero();
        assertThat(store.active()).isEmpty();
    }

    @Test
    void start_ncpRefuses_keepsAFailedRolloutAndFinishesTheThread() {
        api.startFails(new OperationsException(OperationsException.Reason.REFUSED, "Another operation is in progress"));

        StartOutcome outcome = service.start(request(), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.REFUSED);
        assertThat(outcome.rollout().orElseThrow().rollout().state()).isEqualTo(RolloutState.FAILED);
        assertThat(notifier.notices).containsExactly(Notice.FINISHED);
        assertThat(store.active()).isEmpty();
        assertThat(store.recent(5)).hasSize(1);
    }

    @Test
    void start_outcomeUnknown_isTrackedAndNeverResent() {
        api.startFails(new OperationsException(OperationsException.Reason.OUTCOME_UNKNOWN, "timed out"));

        StartOutcome outcome = service.start(request(), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.OUTCOME_UNKNOWN);
        assertThat(outcome.started()).isTrue();
        assertThat(api.count("start")).isEqualTo(1);
        assertThat(store.active()).hasSize(1);
    }

    private static RolloutRequest request() {
        return new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), "U1", "patch");
    }
}
