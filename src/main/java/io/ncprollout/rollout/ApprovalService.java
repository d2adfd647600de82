package io.ncprollout.rollout;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The two-person rule around {@link RolloutService#start}. A request on a cluster an approval rule covers waits as
 * a {@link PendingApproval} with a message in the channel; another person among the rule's approvers approves it
 * (the requester never can), which runs the start — and its precheck — again at that moment. Unanswered requests
 * expire ({@link #expire}). Deciding is atomic in the store, so two approvals at once start one operation.
 */
public final class ApprovalService {
    private final RolloutService rollouts;
    private final ApprovalRules rules;
    private final ApprovalStore store;
    private final ApprovalNotifier notifier;
    private final Gatekeeper gatekeeper;
    private final Clock clock;
    private final Supplier<String> ids;

    /**
     * @param rollouts   starts approved (and unguarded) requests
     * @param rules      which clusters need approval
     * @param store      where requests wait
     * @param notifier   the request messages
     * @param gatekeeper permissions and the audit trail
     * @param clockAndIds the clock, and the id generator of approvals
     */
    public ApprovalService(RolloutService rollouts, ApprovalRules rules, ApprovalStore store, ApprovalNotifier notifier,
            Gatekeeper gatekeeper, ClockAndIds clockAndIds) {
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts == null");
        this.rules = Objects.requireNonNull(rules, "rules == null");
        this.store = Objects.requireNonNull(store, "store == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.gatekeeper = Objects.requireNonNull(gatekeeper, "gatekeeper == null");
        this.clock = clockAndIds.clock();
        this.ids = clockAndIds.ids();
    }

    /**
     * A clock and an id generator.
     *
     * @param clock the clock
     * @param ids   new unique ids
     */
    public record ClockAndIds(Clock clock, Supplier<String> ids) {
    }

    /** Starts {@code request} now, or, when an approval rule covers its cluster, asks for approval in {@code channel}. */
    public StartOutcome submit(RolloutRequest request, String channel) {
        Optional<ApprovalRules.Rule> rule = rules.ruleFor(request.cluster());
        if (rule.isEmpty()) {
            return rollouts.start(request, channel);
        }
        AccessPolicy.Decision allowed = gatekeeper.mayStart(request.requester(), request.kind(), request.cluster(), channel);
        if (!allowed.allowed()) {
            return new StartOutcome(StartOutcome.Result.DENIED, allowed.reason(), Optional.empty());
        }
        Instant now = clock.instant();
        PendingApproval pending = new PendingApproval(ids.get(), request, channel, "", rule.get().approvers(), now,
                now.plus(rule.get().expires()), PendingApproval.Decision.pending());
        try {
            pending = pending.withMessage(notifier.ask(pending));
        } catch (ProgressNotifier.NotifyException e) {
            return new StartOutcome(StartOutcome.Result.CHANNEL_UNAVAILABLE, e.getMessage(), Optional.empty());
        }
        store.save(pending);
        gatekeeper.record(request.requester(), "request", Optional.of(request.cluster()), "awaiting approval",
                request.kind().title() + "; reason: " + request.reason());
        return new StartOutcome(StartOutcome.Result.AWAITING_APPROVAL, "Waiting for a second person to approve the "
                + request.kind().title().toLowerCase(java.util.Locale.ROOT) + " of *" + request.cluster().name()
                + "*: the request is in the channel and expires <!date^" + pending.expiresAt().getEpochSecond() + "^{time}|" + pending.expiresAt() + ">.",
                Optional.empty());
    }

    /** {@code user} approves request {@code id}: checked, decided once, then started (with a fresh precheck). */
    public StartOutcome approve(String id, String user) {
        Optional<PendingApproval> found = store.find(id);
        Instant now = clock.instant();
        Optional<String> refusal = refusal(found, user, now);
        if (refusal.isPresent()) {
            found.ifPresent(a -> gatekeeper.record(user, "approve", Optional.of(a.request().cluster()), "denied", refusal.get()));
            return new StartOutcome(StartOutcome.Result.DENIED, refusal.get(), Optional.empty());
        }
        PendingApproval approved = found.get().decided(PendingApproval.Status.APPROVED, user, now);
        if (!store.decide(approved)) {
            return new StartOutcome(StartOutcome.Result.DENIED, "Someone decided this request a moment ago.", Optional.empty());
        }
        gatekeeper.record(user, "approve", Optional.of(approved.request().cluster()), "approved", "request of <@" + approved.request().requester() + ">");
        notifier.decided(approved);
        return rollouts.start(approved.request().approvedBy(user), approved.channel());
    }

    /** {@code user} (an approver, or the requester withdrawing it) rejects request {@code id}; returns what to tell them. */
    public String reject(String id, String user) {
        Optional<PendingApproval> found = store.find(id);
        if (found.isEmpty()) {
            return "I don't know that request.";
        }
        PendingApproval a = found.get();
        if (!a.decision().status().isOpen()) {
            return "This request was already " + a.decision().status().name().toLowerCase(java.util.Locale.ROOT) + ".";
        }
        if (!a.request().requester().equals(user) && !AccessPolicy.isOneOf(a.approvers(), user, gatekeeper::isMember)) {
            return "Only the requester or the approvers of this cluster may reject this request.";
        }
        PendingApproval rejected = a.decided(PendingApproval.Status.REJECTED, user, clock.instant());
        if (!store.decide(rejected)) {
            return "Someone decided this request a moment ago.";
        }
        gatekeeper.record(user, "reject", Optional.of(a.request().cluster()), "rejected", "request of <@" + a.request().requester() + ">");
        notifier.decided(rejected);
        return "Rejected: nothing was started.";
    }

    /** Marks every request older than its expiry as expired and says so on its message. Never throws. */
    public void expire() {
        Instant now = clock.instant();
        for (PendingApproval a : store.pending()) {
            if (a.isExpiredAt(now)) {
                PendingApproval expired = a.decided(PendingApproval.Status.EXPIRED, "expiry", now);
                if (store.decide(expired)) {
                    gatekeeper.record("bot", "expire", Optional.of(a.request().cluster()), "expired", "request of <@" + a.request().requester() + ">");
                    notifier.decided(expired);
                }
            }
        }
    }

    private Optional<String> refusal(Optional<PendingApproval> found, String user, Instant now) {
        if (found.isEmpty()) {
            return Optional.of("I don't know that request.");
        }
        PendingApproval a = found.get();
        if (!a.decision().status().isOpen()) {
            return Optional.of("This request was already " + a.decision().status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (a.isExpiredAt(now)) {
            return Optional.of("This request has expired; ask again with the command.");
        }
        if (a.request().requester().equals(user)) {
            return Optional.of("You cannot approve your own request: another approver must.");
        }
        if (!AccessPolicy.isOneOf(a.approvers(), user, gatekeeper::isMember)) {
            return Optional.of("Only the approvers of this cluster may decide this request.");
        }
        return Optional.empty();
    }
}
