package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.ApprovalRules;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.FleetPlan;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.fleet.FleetState;
import io.ncprollout.rollout.fleet.FleetSteps;
import io.ncprollout.rollout.fleet.MemberStatus;
import io.ncprollout.rollout.fleet.Skip;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.testing.SlackHandlerFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Planning, launching and controlling fleets over the handler fixture's fakes: U0ALICE may start anything from C0OPS,
 * U0ADMIN is an admin, U0EVE may do nothing; demo-kafka and orders-prod are the region's clusters.
 */
class FleetServiceTest {
    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final Replica replica = new Replica("replica-1", Duration.ofSeconds(20), RolloutStore.TakeOver.ALL);

    @AfterEach
    void close() {
        f.close();
    }

    private FleetService service(ApprovalRules rules) {
        return new FleetService(new Platform(f.api, f.api.directory()), f.store, f.fleetStore, FleetPlan.none(), f.gatekeeper, rules, replica, f.clock);
    }

    @Test
    void plan_checksEveryCluster_andRefusesThePlanWholeForSomeoneWhoMayNotTouchOne() throws Exception {
        FleetService.Draft alice = f.fleets.plan(OperationKind.KAFKA_RESTART, "--all", "KR", "U0ALICE", "C0OPS");
        assertThat(alice.confirmable()).isTrue();
        assertThat(alice.toRun()).isEqualTo(2);
        assertThat(f.api.count("precheck")).isEqualTo(2);

        FleetService.Draft eve = f.fleets.plan(OperationKind.KAFKA_RESTART, "--all", "KR", "U0EVE", "C0OPS");
        assertThat(eve.confirmable()).isFalse();
        assertThat(eve.notAllowed()).containsExactly("demo-kafka", "orders-prod");
    }

    @Test
    void plan_listsAFailedPrecheckAndAFrozenClusterAsSkippedWithWhy() throws Exception {
        f.api.precheckAnswers(new Precheck(false, "Cluster is not ready"));
        f.gatekeeper.freezes().freeze(new io.ncprollout.rollout.access.Freeze(Optional.of(SlackHandlerFixture.ORDERS), "change freeze", "U0ADMIN", f.clock.instant()));

        FleetService.Draft draft = f.fleets.plan(OperationKind.KAFKA_RESTART, "--all", "KR", "U0ALICE", "C0OPS");

        assertThat(draft.members()).extracting(m -> m.skip().map(Skip::why).orElse(null))
                .containsExactlyInAnyOrder(Skip.Why.PRECHECK_FAILED, Skip.Why.FROZEN);
        assertThat(draft.toRun()).isZero();
        assertThat(draft.confirmable()).as("nothing would run").isFalse();
    }

    @Test
    void plan_skipsAClusterWhoseHealthGateDoesNotPass_namingWhatItFound() throws Exception {
        io.ncprollout.rollout.health.HealthGate gate = cluster -> cluster.name().equals("orders-prod")
                ? io.ncprollout.rollout.health.GateReport.unreachable(io.ncprollout.rollout.health.GateReport.Gate.KAFKA, "Kafka at b1:9092 did not answer")
                : io.ncprollout.rollout.health.GateReport.off();
        FleetService fleets = new FleetService(new Platform(f.api, f.api.directory(), gate), f.store, f.fleetStore, FleetPlan.none(), f.gatekeeper,
                ApprovalRules.none(), replica, f.clock);

        FleetService.Draft draft = fleets.plan(OperationKind.KAFKA_RESTART, "--all", "KR", "U0ALICE", "C0OPS");

        assertThat(draft.members()).filteredOn(m -> m.cluster().name().equals("orders-prod")).singleElement()
                .satisfies(m -> assertThat(m.skip()).contains(new Skip(Skip.Why.GATE_FAILED, "Kafka at b1:9092 did not answer")));
        assertThat(draft.toRun()).isEqualTo(1);
    }

    @Test
    void aPlanUnderAnApprovalRule_waitsForOneApprovalByAnotherApprover_thenRuns() throws Exception {
        ApprovalRules orders = new ApprovalRules(List.of(new ApprovalRules.Rule(List.of("orders-*"),
                new AccessPolicy.Principals(Set.of("U0BOB"), Set.of()), Duration.ofMinutes(30))));
        FleetService fleets = service(orders);

        FleetService.Draft draft = fleets.plan(OperationKind.KAFKA_RESTART, "--all", "KR", "U0ALICE", "C0OPS");
        assertThat(draft.needApproval()).containsExactly("orders-prod");
        assertThat(draft.confirmable()).isTrue();

        FleetSpec spec = new FleetSpec(OperationKind.KAFKA_RESTART, Optional.empty(), "KR", "--all", "U0ALICE", Optional.empty(), "patch", "C0OPS", 1,
                Duration.ZERO);
        Fleet launched = fleets.launch("fleet-V9", spec, draft.members()).orElseThrow();
        assertThat(launched.state()).isEqualTo(FleetState.AWAITING_APPROVAL);
        assertThat(launched.approval().orElseThrow().deadline()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(FleetSteps.nextWave(launched, f.clock.instant(), () -> "r-1")).as("nothing starts before the approval").isEmpty();

        assertThat(fleets.approve("fleet-V9", "U0ALICE")).isEqualTo(FleetService.Control.OWN_REQUEST);
        assertThat(fleets.approve("fleet-V9", "U0KIM")).isEqualTo(FleetService.Control.NOT_AN_APPROVER);
        assertThat(fleets.reject("fleet-V9", "U0KIM")).isEqualTo(FleetService.Control.NOT_AN_APPROVER);
        assertThat(fleets.approve("fleet-V9", "U0BOB")).isEqualTo(FleetService.Control.DONE);
        assertThat(fleets.reject("fleet-V9", "U0BOB")).as("already approved").isEqualTo(FleetService.Control.NOT_APPLICABLE);

        Fleet approved = f.fleetStore.find("fleet-V9").orElseThrow();
        assertThat(approved.state()).isEqualTo(FleetState.RUNNING);
        assertThat(approved.approval().orElseThrow().approvedBy()).hasValue("U0BOB");
        assertThat(f.gatekeeper.audit().latest(Optional.empty(), 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("fleet approve");
            assertThat(e.outcome()).isEqualTo("approved");
        });
    }

    @Test
    void aFleetWaitingForItsApproval_isRejectedOrExpires_withNothingStarted() throws Exception {
        ApprovalRules orders = new ApprovalRules(List.of(new ApprovalRules.Rule(List.of("orders-*"),
                new AccessPolicy.Principals(Set.of("U0BOB"), Set.of()), Duration.ofMinutes(30))));
        FleetService fleets = service(orders);
        FleetSpec spec = new FleetSpec(OperationKind.KAFKA_RESTART, Optional.empty(), "KR", "--all", "U0ALICE", Optional.empty(), "patch", "C0OPS", 1,
                Duration.ZERO);
        List<FleetMember> members = List.of(FleetMember.waiting(SlackHandlerFixture.ORDERS, 2));

        fleets.launch("fleet-A", spec, members);
        assertThat(fleets.reject("fleet-A", "U0ALICE")).as("the requester withdraws it").isEqualTo(FleetService.Control.DONE);
        Fleet rejected = f.fleetStore.find("fleet-A").orElseThrow();
        assertThat(rejected.state()).isEqualTo(FleetState.STOPPED);
        assertThat(rejected.stop().orElseThrow().why()).isEqualTo(io.ncprollout.rollout.fleet.StopCause.Why.REJECTED);

        Fleet waiting = fleets.launch("fleet-B", spec, members).orElseThrow();
        Fleet expired = FleetSteps.refresh(waiting, id -> new FleetSteps.Seen.Absent(), f.clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(expired.state()).isEqualTo(FleetState.STOPPED);
        assertThat(expired.stop().orElseThrow().why()).isEqualTo(io.ncprollout.rollout.fleet.StopCause.Why.APPROVAL_EXPIRED);
        assertThat(expired.members()).extracting(FleetMember::status).containsOnly(MemberStatus.NOT_STARTED);
        assertThat(FleetSteps.refresh(waiting, id -> new FleetSteps.Seen.Absent(), f.clock.instant().plus(Duration.ofMinutes(29))).state())
                .isEqualTo(FleetState.AWAITING_APPROVAL);
    }

    @Test
    void launch_isOncePerId_andControlsAreTheRequestersOrAnAdmins() {
        FleetSpec spec = new FleetSpec(OperationKind.KAFKA_RESTART, Optional.empty(), "KR", "--all", "U0ALICE", Optional.empty(), "patch", "C0OPS", 1,
                Duration.ZERO);
        List<FleetMember> members = List.of(FleetMember.waiting(SlackHandlerFixture.DEMO, 2), FleetMember.waiting(SlackHandlerFixture.ORDERS, 2));

        assertThat(f.fleets.launch("fleet-V1", spec, members)).isPresent();
        assertThat(f.fleets.launch("fleet-V1", spec, members)).as("the same form again").isEmpty();

        assertThat(f.fleets.pause("fleet-V1", "U0KIM")).isEqualTo(FleetService.Control.NOT_ALLOWED);
        assertThat(f.fleets.pause("fleet-V1", "U0ALICE")).isEqualTo(FleetService.Control.DONE);
        assertThat(f.fleets.pause("fleet-V1", "U0ALICE")).isEqualTo(FleetService.Control.NOT_APPLICABLE);
        assertThat(f.fleets.stop("fleet-V1", "U0ADMIN")).isEqualTo(FleetService.Control.DONE);
        assertThat(f.fleets.resume("fleet-V1", "U0ALICE")).isEqualTo(FleetService.Control.NOT_APPLICABLE);
        assertThat(f.fleets.stop("no-such-fleet", "U0ADMIN")).isEqualTo(FleetService.Control.UNKNOWN);
        Fleet stopped = f.fleetStore.find("fleet-V1").orElseThrow();
        assertThat(stopped.state()).isEqualTo(FleetState.STOPPED);
        assertThat(stopped.members()).extracting(FleetMember::status).containsOnly(MemberStatus.NOT_STARTED);
    }

    @Test
    void startOutcomes_meanWhatTheFleetDoesNext() {
        assertThat(FleetStartOutcomes.resultOf(StartOutcome.refused(StartOutcome.Result.REFUSED, new Refusal.PrecheckFailed("not ready")), "r-1"))
                .isEqualTo(new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.PRECHECK_FAILED, "not ready")));
        assertThat(FleetStartOutcomes.resultOf(StartOutcome.refused(StartOutcome.Result.DENIED,
                new Refusal.Frozen(Optional.empty(), "U0ADMIN", f.clock.instant(), "change freeze")), "r-1"))
                .isEqualTo(new FleetSteps.StartResult.Frozen("change freeze"));
        assertThat(FleetStartOutcomes.resultOf(StartOutcome.refused(StartOutcome.Result.DENIED, new Refusal.NotAReader()), "r-1"))
                .isEqualTo(new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.NOT_ALLOWED, "")));
        assertThat(FleetStartOutcomes.resultOf(StartOutcome.refused(StartOutcome.Result.UNAVAILABLE, new Refusal.ClaimLost("demo-kafka")), "r-1"))
                .isEqualTo(new FleetSteps.StartResult.NotSent());
        assertThat(FleetStartOutcomes.resultOf(StartOutcome.refused(StartOutcome.Result.UNAVAILABLE, new Refusal.PrecheckNotRun("timeout")), "r-1"))
                .isEqualTo(new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.PRECHECK_NOT_RUN, "timeout")));
        io.ncprollout.rollout.health.GateReport gate = io.ncprollout.rollout.health.GateReport.of(io.ncprollout.rollout.health.GateReport.Gate.KAFKA,
                List.of(), List.of(new io.ncprollout.rollout.health.GateReport.Finding(io.ncprollout.rollout.health.GateReport.Finding.Kind.OFFLINE,
                        "orders-0", "isr [] of [1, 2, 3], no leader")));
        assertThat(FleetStartOutcomes.resultOf(StartOutcome.refused(StartOutcome.Result.REFUSED, new Refusal.GateFailed("demo-kafka", gate)), "r-1"))
                .as("the gate, asked again at the wave's start").isEqualTo(new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.GATE_FAILED, "orders-0")));
        assertThat(FleetStartOutcomes.resultOf(StartOutcome.of(StartOutcome.Result.BUSY, running("r-1")), "r-1"))
                .as("the cluster is held by this very start (another replica won the race)").isEqualTo(new FleetSteps.StartResult.Started());
        assertThat(FleetStartOutcomes.resultOf(StartOutcome.of(StartOutcome.Result.BUSY, running("r-9")), "r-1"))
                .isInstanceOf(FleetSteps.StartResult.Skipped.class);
    }

    private static io.ncprollout.rollout.tracking.TrackedRollout running(String id) {
        io.ncprollout.rollout.operation.RolloutRequest request = new io.ncprollout.rollout.operation.RolloutRequest(
                io.ncprollout.rollout.operation.OperationTarget.of(OperationKind.KAFKA_RESTART, SlackHandlerFixture.DEMO), "U0ALICE", "patch");
        return new io.ncprollout.rollout.tracking.TrackedRollout(io.ncprollout.rollout.tracking.Rollout.started(id, request,
                java.time.Instant.parse("2026-12-03T10:00:00Z")), io.ncprollout.rollout.tracking.ThreadRef.pending("C0OPS"));
    }
}
