package io.ncprollout.rollout;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.ApprovalRules;
import io.ncprollout.rollout.access.ApprovalStore;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.schedule.ScheduledTime;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Receipt;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
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
 *
 * <p>Each request that may start something is recorded by a unique key before anything starts ({@link RequestKeys}):
 * the submitted form by its view id, an approval by its id. The cluster lock alone only stops a second start while
 * the first operation runs; the key also stops the same form, delivered or submitted again after the operation
 * ended, from starting another one.
 */
public final class ApprovalService {
    private final RolloutService rollouts;
    private final ScheduleService schedules;
    private final ApprovalRules rules;
    private final ApprovalStore store;
    private final ApprovalNotifier notifier;
    private final Gatekeeper gatekeeper;
    private final Clock clock;
    private final Supplier<String> ids;
    private final RequestKeys requestKeys;

    /**
     * @param rollouts   starts approved (and unguarded) requests
     * @param schedules  stores approved (and unguarded) requests made for a later time
     * @param rules      which clusters need approval
     * @param store      where requests wait
     * @param notifier   the request messages
     * @param gatekeeper permissions and the audit trail
     * @param bookkeeping the clock, the id generator of approvals, and the request keys
     */
    public ApprovalService(RolloutService rollouts, ScheduleService schedules, ApprovalRules rules, ApprovalStore store, ApprovalNotifier notifier,
            Gatekeeper gatekeeper, Bookkeeping bookkeeping) {
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts == null");
        this.schedules = Objects.requireNonNull(schedules, "schedules == null");
        this.rules = Objects.requireNonNull(rules, "rules == null");
        this.store = Objects.requireNonNull(store, "store == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.gatekeeper = Objects.requireNonNull(gatekeeper, "gatekeeper == null");
        this.clock = bookkeeping.clock();
        this.ids = bookkeeping.ids();
        this.requestKeys = bookkeeping.requestKeys();
    }

    /**
     * A clock, an id generator and the request keys.
     *
     * @param clock       the clock
     * @param ids         new unique ids
     * @param requestKeys the requests that already asked to start something
     */
    public record Bookkeeping(Clock clock, Supplier<String> ids, RequestKeys requestKeys) {
    }

    /**
     * {@link #submit(RolloutRequest, String)} once per {@code requestKey} (such as {@code view:V123}): the same key again,
     * at any later time, starts and asks nothing and answers {@link StartOutcome.Result#DUPLICATE}.
     */
    public StartOutcome submit(String requestKey, RolloutRequest request, String channel) {
        return submit(requestKey, request, channel, Optional.empty());
    }

    /** {@link #submit(String, RolloutRequest, String)} of a request stored on receipt (its rollout takes the receipt's id). */
    public StartOutcome submit(String requestKey, RolloutRequest request, String channel, Optional<Receipt> receipt) {
        return submit(requestKey, request, channel, receipt, Optional.empty());
    }

    /**
     * {@link #submit(String, RolloutRequest, String, Optional)} of a request that starts at {@code when} ({@code --at}),
     * or now when it is empty. A scheduled request is stored to start then; when an approval rule covers the cluster,
     * it is asked for approval now, and stored for its time once approved.
     */
    public StartOutcome submit(String requestKey, RolloutRequest request, String channel, Optional<Receipt> receipt, Optional<ScheduledTime> when) {
        Optional<StartOutcome> refused = claim(requestKey, request.requester(), Optional.of(request.cluster()), new Refusal.FormAlreadySubmitted());
        return refused.orElseGet(() -> submit(request, channel, receipt, when));
    }

    /** Starts {@code request} now, or, when an approval rule covers its cluster, asks for approval in {@code channel}. */
    public StartOutcome submit(RolloutRequest request, String channel) {
        return submit(request, channel, Optional.empty(), Optional.empty());
    }

    private StartOutcome submit(RolloutRequest request, String channel, Optional<Receipt> receipt, Optional<ScheduledTime> when) {
        Optional<ApprovalRules.Rule> rule = rules.ruleFor(request.cluster());
        if (rule.isEmpty()) {
            return when.isPresent() ? schedules.schedule(request, channel, when.get()) : rollouts.start(request, channel, receipt);
        }
        AccessPolicy.Decision allowed = gatekeeper.mayStart(request.requester(), request.kind(), request.cluster(), channel);
        if (!allowed.allowed()) {
            return StartOutcome.refused(StartOutcome.Result.DENIED, allowed.reason());
        }
        // a time that cannot be scheduled is refused before anyone is asked to approve it
        Optional<Refusal> badTime = when.flatMap(w -> schedules.refusal(request.cluster(), w));
        if (badTime.isPresent()) {
            return StartOutcome.refused(StartOutcome.Result.DENIED, badTime.get());
        }
        Instant now = clock.instant();
        PendingApproval asked = new PendingApproval(ids.get(), request, channel, "", rule.get().approvers(), now,
                now.plus(rule.get().expires()), PendingApproval.Decision.pending());
        PendingApproval pending = when.map(asked::scheduledAt).orElse(asked);
        try {
            pending = pending.withMessage(notifier.ask(pending));
        } catch (ProgressNotifier.NotifyException e) {
            return StartOutcome.refused(StartOutcome.Result.CHANNEL_UNAVAILABLE, e.refusal());
        }
        store.save(pending);
        gatekeeper.record(request.requester(), "request", Optional.of(request.cluster()), "awaiting approval",
                gatekeeper.wording().requested(request));
        return StartOutcome.awaiting(pending);
    }

    /** Stores a submitted request before the chat is answered (see {@link RolloutService#receive}). */
    public Receipt receive(RolloutRequest request, String channel) {
        return rollouts.receive(request, channel);
    }

    /** The requester has the answer to a received request (see {@link RolloutService#answered}). */
    public void answered(Receipt receipt) {
        rollouts.answered(receipt);
    }

    /** {@code user} approves request {@code id}: checked, decided once, then started (with a fresh precheck). */
    public StartOutcome approve(String id, String user) {
        Optional<PendingApproval> found = store.find(id);
        Instant now = clock.instant();
        Optional<Refusal> refusal = refusal(found, user, now)
                // a request for a later time: the time must still be one that can be asked for (not past, in its windows)
                .or(() -> found.get().schedule().flatMap(w -> schedules.refusal(found.get().request().cluster(), w)));
        if (refusal.isPresent()) {
            found.ifPresent(a -> gatekeeper.record(user, "approve", Optional.of(a.request().cluster()), "denied", refusal.get()));
            return StartOutcome.refused(StartOutcome.Result.DENIED, refusal.get());
        }
        PendingApproval approved = found.get().decided(PendingApproval.Status.APPROVED, user, now);
        if (!store.decide(approved)) {
            return StartOutcome.refused(StartOutcome.Result.DENIED, new Refusal.DecidedMeanwhile());
        }
        gatekeeper.record(user, "approve", Optional.of(approved.request().cluster()), "approved", requestOf(approved));
        if (approved.schedule().isPresent()) {
            // stored before the message says approved; a crash in between is mended by expire(), which stores it then
            ScheduledRun run = schedules.adopt(approved).run();
            notifier.decided(approved);
            return StartOutcome.scheduled(run);
        }
        notifier.decided(approved);
        Optional<StartOutcome> refused = claim("approval:" + id, user, Optional.of(approved.request().cluster()), new Refusal.AlreadyApproved());
        RolloutRequest request = approved.request().approvedBy(user);
        // a request made for a later time is stored for it now (its time is checked again); it starts then
        return refused.orElseGet(() -> approved.schedule().isPresent() ? schedules.schedule(request, approved.channel(), approved.schedule().get())
                : rollouts.start(request, approved.channel()));
    }

    /**
     * {@code user} (an approver, or the requester withdrawing it) rejects request {@code id}.
     *
     * @return empty when it was rejected, else why not
     */
    public Optional<Refusal> reject(String id, String user) {
        Optional<PendingApproval> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.of(new Refusal.UnknownRequest());
        }
        PendingApproval a = found.get();
        if (!a.decision().status().isOpen()) {
            return Optional.of(new Refusal.AlreadyDecided(a.decision().status()));
        }
        if (!a.request().requester().equals(user) && !AccessPolicy.isOneOf(a.approvers(), user, gatekeeper::isMember)) {
            return Optional.of(new Refusal.NotRequesterNorApprover());
        }
        PendingApproval rejected = a.decided(PendingApproval.Status.REJECTED, user, clock.instant());
        if (!store.decide(rejected)) {
            return Optional.of(new Refusal.DecidedMeanwhile());
        }
        gatekeeper.record(user, "reject", Optional.of(a.request().cluster()), "rejected", requestOf(a));
        notifier.decided(rejected);
        return Optional.empty();
    }

    /**
     * Marks every request older than its expiry as expired and says so on its message; stores the run of an approved
     * request for a later time that has none (the process died between the approval and the run), and edits its
     * message then. Never throws.
     */
    public void expire() {
        Instant now = clock.instant();
        for (PendingApproval a : store.approvedForLater(now.minus(ScheduleSteps.GRACE))) {
            if (schedules.adopt(a).stored()) {
                notifier.decided(a); // its click was cut short: the message may still show the buttons
            }
        }
        for (PendingApproval a : store.pending()) {
            if (a.isExpiredAt(now)) {
                PendingApproval expired = a.decided(PendingApproval.Status.EXPIRED, "expiry", now);
                if (store.decide(expired)) {
                    gatekeeper.record("bot", "expire", Optional.of(a.request().cluster()), "expired", requestOf(a));
                    notifier.decided(expired);
                }
            }
        }
    }

    /** Records {@code key}; empty when it is new, else the outcome to answer (a duplicate, or a store that cannot say). */
    private Optional<StartOutcome> claim(String key, String user, Optional<ClusterRef> cluster, Refusal duplicate) {
        try {
            if (requestKeys.claim(key, clock.instant())) {
                return Optional.empty();
            }
        } catch (StoreUnavailableException e) {
            return Optional.of(StartOutcome.refused(StartOutcome.Result.UNAVAILABLE, new Refusal.StoreUnavailable()));
        }
        gatekeeper.record(user, "duplicate", cluster, "ignored", key);
        return Optional.of(StartOutcome.refused(StartOutcome.Result.DUPLICATE, duplicate));
    }

    private String requestOf(PendingApproval a) {
        return gatekeeper.wording().requestOf(a.request().requester());
    }

    private Optional<Refusal> refusal(Optional<PendingApproval> found, String user, Instant now) {
        if (found.isEmpty()) {
            return Optional.of(new Refusal.UnknownRequest());
        }
        PendingApproval a = found.get();
        if (!a.decision().status().isOpen()) {
            return Optional.of(new Refusal.AlreadyDecided(a.decision().status()));
        }
        if (a.isExpiredAt(now)) {
            return Optional.of(new Refusal.RequestExpired());
        }
        if (a.request().requester().equals(user)) {
            return Optional.of(new Refusal.OwnRequest());
        }
        if (!AccessPolicy.isOneOf(a.approvers(), user, gatekeeper::isMember)) {
            return Optional.of(new Refusal.NotAnApprover());
        }
        return Optional.empty();
    }
}
