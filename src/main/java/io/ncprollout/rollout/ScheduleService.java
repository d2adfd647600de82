package io.ncprollout.rollout;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.MaintenanceWindows;
import io.ncprollout.rollout.schedule.Opening;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduleStore;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.schedule.ScheduledTime;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases of operations asked for a later time ({@code --at}): check a time against the clock and the
 * maintenance windows, store a run, list the waiting ones, cancel one. Nothing here starts anything: the
 * {@link ScheduleRunner} does, at the time, through {@link RolloutService#start} (permission, freeze, precheck and
 * health gate checked again then). The two-person rule is applied before a run is stored ({@link ApprovalService}):
 * an approval happens now, the start later.
 */
public final class ScheduleService {
    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    private final ScheduleStore store;
    private final MaintenanceWindows windows;
    private final Gatekeeper gatekeeper;
    private final ScheduleNotifier notifier;
    private final AuditWording wording;
    private final Clock clock;
    private final Supplier<String> ids;

    public ScheduleService(ScheduleStore store, MaintenanceWindows windows, Gatekeeper gatekeeper, ScheduleNotifier notifier, AuditWording wording,
            Clock clock, Supplier<String> ids) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.windows = Objects.requireNonNull(windows, "windows == null");
        this.gatekeeper = Objects.requireNonNull(gatekeeper, "gatekeeper == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.wording = Objects.requireNonNull(wording, "wording == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.ids = Objects.requireNonNull(ids, "ids == null");
    }

    /**
     * Why {@code when} cannot be asked for on {@code cluster} now: in the past, too far ahead, or outside the
     * maintenance windows that govern the cluster (naming the next opening). Empty when it can.
     */
    public Optional<Refusal> refusal(ClusterRef cluster, ScheduledTime when) {
        Instant now = clock.instant();
        ScheduledTime.Timing timing = when.timing(now);
        if (timing != ScheduledTime.Timing.OK) {
            return Optional.of(new Refusal.BadTime(when, timing));
        }
        if (!windows.allows(cluster.name(), when.at())) {
            return Optional.of(new Refusal.OutsideWindow(cluster.name(), when, windows.next(cluster.name(), now)));
        }
        return Optional.empty();
    }

    /** The window {@code at} falls in, for the confirmation modal; empty when no window governs the cluster. */
    public Optional<Opening> windowOf(ClusterRef cluster, Instant at) {
        return windows.containing(cluster.name(), at);
    }

    /**
     * Stores {@code request} to start at {@code when}, reported in {@code channel}, after checking that the requester
     * may start it now and that the time can be asked for. Audited.
     */
    public StartOutcome schedule(RolloutRequest request, String channel, ScheduledTime when) {
        AccessPolicy.Decision allowed = gatekeeper.mayStart(request.requester(), request.kind(), request.cluster(), channel);
        if (!allowed.allowed()) {
            return StartOutcome.refused(StartOutcome.Result.DENIED, allowed.reason());
        }
        Optional<Refusal> refused = refusal(request.cluster(), when);
        if (refused.isPresent()) {
            gatekeeper.record(request.requester(), "schedule", Optional.of(request.cluster()), "denied", refused.get());
            return StartOutcome.refused(StartOutcome.Result.DENIED, refused.get());
        }
        ScheduledRun run = ScheduledRun.pending(ids.get(), request, channel, when.at(), when.zone(), clock.instant());
        try {
            store.create(run);
        } catch (StoreUnavailableException e) {
            return StartOutcome.refused(StartOutcome.Result.UNAVAILABLE, new Refusal.StoreUnavailable());
        }
        log.info("scheduled run {}: {} of {} at {} ({})", run.id(), request.kind(), request.cluster().name(), when.at(), when.zone());
        StartOutcome outcome = StartOutcome.scheduled(run);
        gatekeeper.record(request.requester(), "schedule", Optional.of(request.cluster()), "scheduled",
                wording.started(request, outcome));
        return outcome;
    }

    /**
     * Why a run may not start on {@code cluster} at {@code now} for its maintenance windows (a run fired late within
     * its grace, or windows changed since it was asked): the time is checked again when it fires. Empty when it may.
     */
    public Optional<Refusal> windowRefusal(ClusterRef cluster, Instant now, java.time.ZoneId zone) {
        if (windows.allows(cluster.name(), now)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal.OutsideWindow(cluster.name(), new ScheduledTime(now, zone), windows.next(cluster.name(), now)));
    }

    /** Where the runs are kept (the runner moves them). */
    ScheduleStore store() {
        return store;
    }

    /** Records what the runner did to a run in the audit trail, as the bot. */
    void audit(String action, ScheduledRun run, String outcome, String detail) {
        gatekeeper.record("bot", action, Optional.of(run.request().cluster()), outcome, detail);
    }

    /**
     * The run of an approved request made for a later time, stored if it is not yet: its id is the approval's, so
     * the approval's click and the recovery of a click cut short by a crash store one run. Its time was checked when the
     * approval was decided; permissions and everything else are checked when it fires (a time that passed by more than
     * the grace is reported missed then).
     *
     * @return the run, and whether this call stored it
     */
    public Adopted adopt(PendingApproval approved) {
        ScheduledTime when = approved.schedule().orElseThrow(() -> new IllegalArgumentException("approval " + approved.id() + " is for now"));
        String id = "approval-" + approved.id();
        Optional<ScheduledRun> existing = store.find(id);
        if (existing.isPresent()) {
            return new Adopted(existing.get(), false);
        }
        RolloutRequest request = approved.request().approvedBy(approved.decision().by().orElse(""));
        ScheduledRun run = ScheduledRun.pending(id, request, approved.channel(), when.at(), when.zone(), clock.instant());
        if (!store.create(run)) {
            return new Adopted(store.find(id).orElse(run), false);
        }
        log.info("scheduled run {}: {} of {} at {}, approved by {}", id, request.kind(), request.cluster().name(), when.at(), request.approver().orElse(""));
        gatekeeper.record(request.requester(), "schedule", Optional.of(request.cluster()), "scheduled",
                wording.started(request, StartOutcome.scheduled(run)));
        return new Adopted(run, true);
    }

    /**
     * What {@link #adopt} found or stored.
     *
     * @param run    the run
     * @param stored true when this call stored it
     */
    public record Adopted(ScheduledRun run, boolean stored) {
    }

    /** The runs not ended, soonest first. */
    public List<ScheduledRun> pending() {
        return store.pending();
    }

    /** The run with this id. */
    public Optional<ScheduledRun> find(String id) {
        return store.find(id);
    }

    /**
     * {@code user} cancels run {@code id}: its requester or an admin, while it waits. Stored first, then its reminder
     * (if posted) shows it and the channel is told; audited.
     *
     * @return the cancelled run, or why not
     */
    public Result cancel(String id, String user) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ScheduledRun> found = store.find(id);
            if (found.isEmpty()) {
                return Result.refused(new Refusal.UnknownSchedule());
            }
            ScheduledRun run = found.get();
            // the requester needs no admin check (Gatekeeper.mayAdmin would audit a denial for every own cancel)
            if (!ScheduleSteps.mayCancel(run, user, run.requester().equals(user) || gatekeeper.policy().canAdmin(user).allowed())) {
                gatekeeper.record(user, "schedule-cancel", Optional.of(run.request().cluster()), "denied", new Refusal.NotYourSchedule());
                return Result.refused(new Refusal.NotYourSchedule());
            }
            if (!run.state().isWaiting()) {
                return Result.refused(new Refusal.ScheduleNotWaiting(run.state()));
            }
            Optional<ScheduledRun> cancelled = store.commit(ScheduleSteps.cancelled(run, user, clock.instant()));
            if (cancelled.isPresent()) {
                log.info("scheduled run {}: cancelled by {}", id, user);
                gatekeeper.record(user, "schedule-cancel", Optional.of(run.request().cluster()), "cancelled", run.id());
                notifier.ended(cancelled.get(), Optional.empty());
                return new Result(cancelled, Optional.empty());
            }
            // another write came first (the runner reminded or fired it): read it again
        }
        return Result.refused(new Refusal.StoreUnavailable());
    }

    /**
     * What a cancel did.
     *
     * @param run     the cancelled run
     * @param refusal why it was not cancelled
     */
    public record Result(Optional<ScheduledRun> run, Optional<Refusal> refusal) {
        static Result refused(Refusal why) {
            return new Result(Optional.empty(), Optional.of(why));
        }
    }
}
