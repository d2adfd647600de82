package io.ncprollout.rollout;

import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.HealthGate;
import io.ncprollout.rollout.operation.OperationsApi;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journaled start of one checked request, for {@link RolloutService}: claim (a received request becomes the
 * claim), precheck again, announce, store SENDING, send once, store what NCP answered. Each phase is committed under
 * the claim's lease before its step, and a step whose commit lost the lease is not taken. What the next process finds
 * after a crash between two steps is in {@link RolloutPoller}'s table.
 */
final class StartSequence {
    private static final Logger log = LoggerFactory.getLogger(StartSequence.class);
    /** What NCP answered to a start is worth a few tries to store: without it the row says only that it was being sent. */
    private static final int SETTLE_ATTEMPTS = 3;
    private static final long SETTLE_PAUSE_MILLIS = 500;

    private final OperationsApi api;
    private final HealthGate gate;
    private final Gatekeeper gatekeeper;
    private final RolloutStore store;
    private final Journal journal;
    private final ProgressNotifier notifier;
    private final Clock clock;

    StartSequence(OperationsApi api, HealthGate gate, Journal journal, ProgressNotifier notifier, Gatekeeper gatekeeper, Clock clock) {
        this.api = api;
        this.gate = gate;
        this.gatekeeper = gatekeeper;
        this.journal = journal;
        this.store = journal.rollouts();
        this.notifier = notifier;
        this.clock = clock;
    }

    StartOutcome start(Rollout rollout, String channel, Instant now) {
        Replica replica = journal.replica();
        replica.startBegins(rollout.id()); // before the claim: the poller must never take this row for an orphan
        try {
            return claimAndStart(rollout, channel, now);
        } finally {
            replica.startEnds(rollout.id());
        }
    }

    private StartOutcome claimAndStart(Rollout rollout, String channel, Instant now) {
        RolloutRequest request = rollout.request();
        Replica replica = journal.replica();
        TrackedRollout claimed = new TrackedRollout(rollout, ThreadRef.pending(channel), StartPhase.CLAIMED);
        Optional<TrackedRollout> holder;
        try {
            holder = store.claim(claimed, replica.id(), now, replica.leaseFor());
        } catch (IllegalStateException e) {
            log.warn("rollout {}: not claimed: {}", rollout.id(), e.getMessage());
            return StartOutcome.refused(StartOutcome.Result.UNAVAILABLE, new Refusal.ClaimLost(request.cluster().name()));
        }
        if (holder.isPresent()) {
            return StartOutcome.of(StartOutcome.Result.BUSY, holder.get());
        }
        Lease lease = new Lease(replica.id(), Lease.FIRST_EPOCH);
        String id = rollout.id();
        try {
            Precheck precheck = api.precheck(request.target());
            if (!precheck.passed()) {
                store.release(id, lease);
                return StartOutcome.refused(StartOutcome.Result.REFUSED, new Refusal.PrecheckFailed(precheck.message()));
            }
        } catch (OperationsException e) {
            store.release(id, lease);
            return StartOutcome.refused(StartOutcome.Result.UNAVAILABLE, new Refusal.PrecheckNotRun(java.util.Objects.toString(e.getMessage(), "")));
        }
        Optional<Refusal> unhealthy = gateRefuses(request);
        if (unhealthy.isPresent()) {
            store.release(id, lease);
            return StartOutcome.refused(StartOutcome.Result.REFUSED, unhealthy.get());
        }
        ThreadRef thread;
        try {
            thread = notifier.announce(rollout, channel, now);
        } catch (ProgressNotifier.NotifyException e) {
            store.release(id, lease);
            log.warn("rollout {}: not started, cannot post in {}: {}", id, channel, e.getMessage());
            return StartOutcome.refused(StartOutcome.Result.CHANNEL_UNAVAILABLE, e.refusal());
        }
        TrackedRollout announced = new TrackedRollout(rollout, thread, StartPhase.ANNOUNCED);
        TrackedRollout sending = announced.with(StartPhase.SENDING);
        if (!store.commit(Change.quiet(announced, lease, now)) || !store.commit(Change.quiet(sending, lease, now))) {
            log.warn("rollout {}: lost its claim before the start was sent (abandoned, or recovered by another replica); not sent", id);
            return StartOutcome.refused(StartOutcome.Result.UNAVAILABLE, new Refusal.ClaimLost(request.cluster().name()));
        }
        return send(sending, lease);
    }

    private StartOutcome send(TrackedRollout sending, Lease lease) {
        Rollout rollout = sending.rollout();
        try {
            api.start(rollout.request().target());
            log.info("rollout {}: {} of {} accepted by NCP", rollout.id(), rollout.request().kind(), rollout.request().cluster().name());
            TrackedRollout sent = sending.with(StartPhase.SENT);
            settle(Change.quiet(sent, lease, clock.instant()));
            return StartOutcome.of(StartOutcome.Result.STARTED, sent);
        } catch (OperationsException e) {
            if (e.reason() == OperationsException.Reason.OUTCOME_UNKNOWN) {
                log.warn("rollout {}: start outcome unknown: {}", rollout.id(), e.getMessage());
                TrackedRollout unknown = sending.with(StartPhase.OUTCOME_UNKNOWN);
                settle(Change.quiet(unknown, lease, clock.instant()));
                return StartOutcome.of(StartOutcome.Result.OUTCOME_UNKNOWN, unknown);
            }
            Instant now = clock.instant();
            Rollout refused = rollout.with(RolloutTransitions.refusedAtStart(rollout, endingOf(e), now));
            TrackedRollout ended = sending.with(refused).with(StartPhase.SENT);
            settle(new Change(ended, lease, List.of(Notice.FINISHED), Optional.of(AuditEvents.outcome(refused, now, journal.wording())), now));
            journal.outbox().sendDue(); // the thread says it failed now, not at the next poll
            StartOutcome.Result result = e.reason() == OperationsException.Reason.REFUSED
                    ? StartOutcome.Result.REFUSED : StartOutcome.Result.UNAVAILABLE;
            return StartOutcome.of(result, ended);
        }
    }

    /**
     * Stores what became of a start that was sent. If the lease was lost meanwhile, whoever holds the rollout now
     * found it in SENDING and tracks it as an unknown outcome: nothing is lost, and nothing is sent again.
     */
    private void settle(Change change) {
        for (int attempt = 1; attempt <= SETTLE_ATTEMPTS; attempt++) {
            try {
                if (!store.commit(change)) {
                    log.warn("rollout {}: lease lost while sending the start; its holder tracks it from the cluster", change.next().id());
                }
                return;
            } catch (StoreUnavailableException e) {
                if (attempt == SETTLE_ATTEMPTS || !pause(SETTLE_PAUSE_MILLIS)) {
                    log.error("rollout {}: cannot store what NCP answered to the start ({}); it stays SENDING and is tracked as an"
                            + " unknown outcome, never sent again", change.next().id(), e.getMessage());
                    return;
                }
            }
        }
    }

    /**
     * Asks the data-level gate again (the data may have changed since the modal, or since the fleet's last wave). A gate
     * that blocks refuses the start, unless the request says start anyway and its requester is an admin: then the
     * override is audited with the gate's findings and the reason, and the start goes on.
     */
    private Optional<Refusal> gateRefuses(RolloutRequest request) {
        if (request.kind() == io.ncprollout.rollout.operation.OperationKind.CMAK_RESTART) {
            return Optional.empty(); // CMAK holds no data: restarting it moves no partition
        }
        GateReport report = gate.check(request.cluster());
        if (!report.blocks()) {
            return Optional.empty();
        }
        if (request.startAnyway() && gatekeeper.mayAdmin(request.requester()).allowed()) {
            log.warn("{} of {}: health gate {} overridden by admin {}", request.kind(), request.cluster().name(), report.verdict(), request.requester());
            gatekeeper.record(request.requester(), "start-anyway", Optional.of(request.cluster()), "overridden",
                    journal.wording().gateOverridden(request, report));
            return Optional.empty();
        }
        return Optional.of(new Refusal.GateFailed(request.cluster().name(), report));
    }

    /** Why a start NCP refused, or that could not be sent, ended. */
    private static EndingReason endingOf(OperationsException e) {
        String said = java.util.Objects.toString(e.getMessage(), "");
        return e.reason() == OperationsException.Reason.REFUSED ? new EndingReason.StartRefused(said) : new EndingReason.StartNotSent(said);
    }

    /** False when interrupted (shutting down): the caller stops trying. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
