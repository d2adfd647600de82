package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.GateReport.Finding;
import io.ncprollout.rollout.health.HealthGate;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.PrecheckReport;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.store.InMemoryAuditLog;
import io.ncprollout.store.InMemoryFreezeList;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.Journals;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.RecordingProgressNotifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The data-level health gate on the one path every start takes: refused when it blocks, unless an admin starts anyway. */
class RolloutServiceGateTest {
    private static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");
    private static final GateReport FAILED = GateReport.of(GateReport.Gate.KAFKA, List.of(GateReport.Figure.of("underReplicated", 2)),
            List.of(new Finding(Finding.Kind.AT_MIN_ISR, "orders-0", "isr [1, 3] of [1, 2, 3], leader 1, min.insync.replicas 2")));

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final FakeOperationsApi api = new FakeOperationsApi(Observations.cluster("running").broker("b-1", "green").build());
    private final InMemoryRolloutStore store = new InMemoryRolloutStore();
    private final RecordingProgressNotifier notifier = new RecordingProgressNotifier();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final AtomicReference<GateReport> gateSays = new AtomicReference<>(FAILED);
    private final AtomicInteger gateChecks = new AtomicInteger();

    private RolloutService service(Set<String> admins) {
        api.clusters.add(new ClusterSummary(DEMO, "running", "Kafka 3.7.1", 3));
        AccessPolicy.Grant everyone = new AccessPolicy.Grant(Set.of(Product.KAFKA), Set.of("restart", "restart-cmak"), List.of("*"), List.of("*"),
                Set.of("U1", "U2"), Set.of());
        Gatekeeper gatekeeper = new Gatekeeper(new AccessPolicy(AccessPolicy.Mode.POLICY, List.of(everyone), AccessPolicy.Principals.everyone(), admins),
                (user, group) -> false, new InMemoryFreezeList(), audit, clock, Journals.WORDING);
        HealthGate gate = cluster -> {
            gateChecks.incrementAndGet();
            return gateSays.get();
        };
        AtomicInteger ids = new AtomicInteger();
        return new RolloutService(new Platform(api, api.directory(), gate), Journals.of(store, notifier, clock), notifier, gatekeeper, clock,
                () -> "op-" + ids.incrementAndGet());
    }

    private static RolloutRequest request(String requester) {
        return new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), requester, "patch");
    }

    @Test
    void gateFails_startIsRefusedNamingTheGate_nothingSent_clusterFree() {
        RolloutService service = service(Set.of());

        StartOutcome outcome = service.start(request("U1"), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.REFUSED);
        assertThat(outcome.refusal()).contains(new Refusal.GateFailed("demo-kafka", FAILED));
        assertThat(api.count("start")).isZero();
        assertThat(notifier.announced).isEmpty();
        assertThat(store.active()).isEmpty();
    }

    @Test
    void gateCannotLook_isRefusedToo() {
        RolloutService service = service(Set.of());
        gateSays.set(GateReport.unreachable(GateReport.Gate.KAFKA, "Kafka at b1:9092 did not answer within 10s"));

        StartOutcome outcome = service.start(request("U1"), "C1");

        assertThat(outcome.refusal()).hasValueSatisfying(r -> assertThat(((Refusal.GateFailed) r).report().error()).contains("did not answer"));
        assertThat(api.count("start")).isZero();
    }

    @Test
    void adminStartsAnyway_startsOnce_andTheOverrideIsAuditedWithTheFindingsAndTheReason() {
        RolloutService service = service(Set.of("U1"));

        StartOutcome outcome = service.start(request("U1").withStartAnyway(true), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.STARTED);
        assertThat(api.count("start")).isEqualTo(1);
        assertThat(audit.latest(Optional.of(DEMO), 10)).extracting(AuditEvent::action).contains("start-anyway");
        AuditEvent override = audit.latest(Optional.of(DEMO), 10).stream().filter(e -> e.action().equals("start-anyway")).findFirst().orElseThrow();
        assertThat(override.actor()).isEqualTo("U1");
        assertThat(override.detail()).contains("failed").contains("orders-0").contains("patch");
    }

    @Test
    void nonAdminAskingToStartAnyway_isRefused_andTheDenialAudited() {
        RolloutService service = service(Set.of("U9"));

        StartOutcome outcome = service.start(request("U2").withStartAnyway(true), "C1");

        assertThat(outcome.refusal()).containsInstanceOf(Refusal.GateFailed.class);
        assertThat(api.count("start")).isZero();
        assertThat(audit.latest(Optional.empty(), 10)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("U2");
            assertThat(e.action()).isEqualTo("denied");
        });
    }

    @Test
    void gatePassesNow_startAnywayIsNotNeeded_andNotAudited() {
        RolloutService service = service(Set.of("U1"));
        gateSays.set(GateReport.of(GateReport.Gate.KAFKA, List.of(), List.of()));

        StartOutcome outcome = service.start(request("U1").withStartAnyway(true), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.STARTED);
        assertThat(audit.latest(Optional.of(DEMO), 10)).extracting(AuditEvent::action).doesNotContain("start-anyway");
    }

    @Test
    void precheckReport_carriesTheGate_exceptForCmak_andWhenNcpRefuses() throws Exception {
        RolloutService service = service(Set.of());

        PrecheckReport restart = service.precheck(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO));
        assertThat(restart.gate()).isEqualTo(FAILED);
        assertThat(restart.gate().blocks()).isTrue();

        assertThat(service.precheck(OperationTarget.of(OperationKind.CMAK_RESTART, DEMO)).gate()).isEqualTo(GateReport.off());
        api.precheckAnswers(new io.ncprollout.rollout.operation.Precheck(false, "busy"));
        int before = gateChecks.get();
        assertThat(service.precheck(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO)).gate()).isEqualTo(GateReport.off());
        assertThat(gateChecks.get()).isEqualTo(before);
    }

    @Test
    void cmakRestart_isNeverGated() {
        RolloutService service = service(Set.of());

        StartOutcome outcome = service.start(new RolloutRequest(OperationTarget.of(OperationKind.CMAK_RESTART, DEMO), "U1", "stuck"), "C1");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.STARTED);
        assertThat(gateChecks.get()).isZero();
    }
}
