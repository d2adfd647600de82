package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.ApprovalRules;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.store.InMemoryApprovalStore;
import io.ncprollout.store.InMemoryRequestKeys;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.Gatekeepers;
import io.ncprollout.testing.Journals;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.RecordingProgressNotifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Second-person approval: who may decide, each decision taken once, an approved request started once. */
class ApprovalServiceTest {
    private static final ClusterRef GUARDED = new ClusterRef(Product.KAFKA, "1", "orders-prod", "KR");
    private static final ClusterRef FREE = new ClusterRef(Product.KAFKA, "2", "demo-kafka", "KR");
    private static final Duration EXPIRES = Duration.ofMinutes(30);

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final FakeOperationsApi api = new FakeOperationsApi(Observations.cluster("running").broker("b-1", "green").build());
    private final InMemoryRolloutStore rollouts = new InMemoryRolloutStore();
    private final InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    private final RecordingProgressNotifier progress = new RecordingProgressNotifier();
    private final RecordingApprovals asked = new RecordingApprovals();
    private final Gatekeeper gatekeeper = Gatekeepers.open(clock);
    private final AtomicInteger ids = new AtomicInteger();
    private final io.ncprollout.store.InMemoryScheduleStore schedules = new io.ncprollout.store.InMemoryScheduleStore();
    private final io.ncprollout.testing.RecordingScheduleNotifier scheduleNotes = new io.ncprollout.testing.RecordingScheduleNotifier();
    private final ApprovalService service = new ApprovalService(
            new RolloutService(new Platform(api, api.directory()), Journals.of(rollouts, progress, clock), progress, gatekeeper, clock,
                    () -> "op-" + ids.incrementAndGet()),
            new ScheduleService(schedules, io.ncprollout.rollout.schedule.MaintenanceWindows.none(), gatekeeper, scheduleNotes, Journals.WORDING, clock,
                    () -> "run-" + ids.incrementAndGet()),
            new ApprovalRules(List.of(new ApprovalRules.Rule(List.of("orders-*"), new AccessPolicy.Principals(Set.of("U0BOB"), Set.of()), EXPIRES))),
            approvals, asked, gatekeeper,
            new ApprovalService.Bookkeeping(clock, () -> "ap-" + ids.incrementAndGet(), new InMemoryRequestKeys()));

    @Test
    void submit_onAGuardedCluster_asksInTheChannel_storesTheRequest_andStartsNothing() {
        StartOutcome outcome = service.submit(request(GUARDED, "U0ALICE"), "C0OPS");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.AWAITING_APPROVAL);
        PendingApproval pending = outcome.approval().orElseThrow();
        assertThat(asked.asked).containsExactly(pending.id());
        assertThat(approvals.find(pending.id())).hasValueSatisfying(a -> {
            assertThat(a.messageTs()).isEqualTo("ts-" + pending.id());
            assertThat(a.expiresAt()).isEqualTo(clock.instant().plus(EXPIRES));
        });
        assertThat(api.count("start")).isZero();
        assertThat(audit()).extracting(AuditEvent::action).containsExactly("request");
    }

    @Test
    void submit_onAClusterNoRuleCovers_startsAtOnce() {
        StartOutcome outcome = service.submit(request(FREE, "U0ALICE"), "C0OPS");

        assertThat(outcome.started()).isTrue();
        assertThat(api.count("start")).isEqualTo(1);
        assertThat(asked.asked).isEmpty();
    }

    @Test
    void submit_theSameFormTwice_asksOnce() {
        service.submit("view:V1", request(GUARDED, "U0ALICE"), "C0OPS");

        StartOutcome again = service.submit("view:V1", request(GUARDED, "U0ALICE"), "C0OPS");

        assertThat(again.result()).isEqualTo(StartOutcome.Result.DUPLICATE);
        assertThat(again.refusal()).contains(new Refusal.FormAlreadySubmitted());
        assertThat(asked.asked).hasSize(1);
    }

    @Test
    void submit_whenTheChannelRefuses_storesNothing_andSaysWhy() {
        asked.refuseWith = "not_in_channel";

        StartOutcome outcome = service.submit(request(GUARDED, "U0ALICE"), "C0OPS");

        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.CHANNEL_UNAVAILABLE);
        assertThat(outcome.refusal()).contains(new Refusal.ChannelUnavailable("C0OPS", "not_in_channel"));
        assertThat(approvals.pending()).isEmpty();
    }

    @Test
    void approve_byTheRequester_orByANonApprover_isRefused_andNothingStarts() {
        String id = pendingId();

        assertThat(service.approve(id, "U0ALICE").refusal()).contains(new Refusal.OwnRequest());
        assertThat(service.approve(id, "U0EVE").refusal()).contains(new Refusal.NotAnApprover());
        assertThat(service.approve("ap-404", "U0BOB").refusal()).contains(new Refusal.UnknownRequest());

        assertThat(api.count("start")).isZero();
        assertThat(approvals.find(id)).hasValueSatisfying(a -> assertThat(a.decision().status()).isEqualTo(PendingApproval.Status.PENDING));
        assertThat(audit()).filteredOn(e -> e.action().equals("approve")).extracting(AuditEvent::outcome).containsOnly("denied").hasSize(2);
    }

    @Test
    void approve_byAnApprover_startsOnce_withTheApproverOnTheRequest_andASecondApprovalIsRefused() {
        String id = pendingId();

        StartOutcome outcome = service.approve(id, "U0BOB");
        StartOutcome again = service.approve(id, "U0BOB");

        assertThat(outcome.started()).isTrue();
        assertThat(outcome.rollout().orElseThrow().rollout().request().approver()).contains("U0BOB");
        assertThat(again.refusal()).contains(new Refusal.AlreadyDecided(PendingApproval.Status.APPROVED));
        assertThat(api.count("start")).isEqualTo(1);
        assertThat(asked.decided).containsExactly(PendingApproval.Status.APPROVED);
    }

    @Test
    void reject_byTheRequester_withdrawsIt_andItCanNoLongerBeApproved() {
        String id = pendingId();

        assertThat(service.reject(id, "U0EVE")).contains(new Refusal.NotRequesterNorApprover());
        assertThat(service.reject(id, "U0ALICE")).isEmpty();

        assertThat(service.approve(id, "U0BOB").refusal()).contains(new Refusal.AlreadyDecided(PendingApproval.Status.REJECTED));
        assertThat(service.reject(id, "U0BOB")).contains(new Refusal.AlreadyDecided(PendingApproval.Status.REJECTED));
        assertThat(asked.decided).containsExactly(PendingApproval.Status.REJECTED);
        assertThat(api.count("start")).isZero();
    }

    @Test
    void expire_pastItsTime_marksItExpiredOnce_andItCanNoLongerBeApproved() {
        String id = pendingId();
        clock.advance(EXPIRES.minusSeconds(1));
        service.expire();
        assertThat(asked.decided).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        service.expire();
        service.expire();

        assertThat(asked.decided).containsExactly(PendingApproval.Status.EXPIRED);
        assertThat(service.approve(id, "U0BOB").refusal()).contains(new Refusal.AlreadyDecided(PendingApproval.Status.EXPIRED));
        assertThat(audit()).filteredOn(e -> e.action().equals("expire")).hasSize(1);
    }

    @Test
    void approve_afterItsTime_butBeforeTheExpiryRan_isRefusedAsExpired() {
        String id = pendingId();
        clock.advance(EXPIRES.plusSeconds(1));

        assertThat(service.approve(id, "U0BOB").refusal()).contains(new Refusal.RequestExpired());
        assertThat(api.count("start")).isZero();
    }

    private String pendingId() {
        return service.submit(request(GUARDED, "U0ALICE"), "C0OPS").approval().orElseThrow().id();
    }

    private List<AuditEvent> audit() {
        List<AuditEvent> newestFirst = new java.util.ArrayList<>(gatekeeper.audit().latest(Optional.empty(), 100));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static RolloutRequest request(ClusterRef cluster, String requester) {
        return new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, cluster), requester, "monthly patch");
    }

    /** The request messages: what was asked and how each ended; can refuse to post like a channel the bot is not in. */
    private static final class RecordingApprovals implements ApprovalNotifier {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final List<PendingApproval.Status> decided = new CopyOnWriteArrayList<>();
        volatile String refuseWith;

        @Override
        public String ask(PendingApproval approval) throws ProgressNotifier.NotifyException {
            if (refuseWith != null) {
                throw new ProgressNotifier.NotifyException(approval.channel(), refuseWith, null);
            }
            asked.add(approval.id());
            return "ts-" + approval.id();
        }

        @Override
        public void decided(PendingApproval approval) {
            decided.add(approval.decision().status());
        }
    }
}
