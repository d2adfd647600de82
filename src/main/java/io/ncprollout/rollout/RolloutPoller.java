package io.ncprollout.rollout;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationsApi;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.outbox.OutboxSender;
import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.LeasedRollout;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.PollListener;
import io.ncprollout.rollout.tracking.PollSchedule;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.Step;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The I/O shell around {@link RolloutTransitions}: the only rollout class that calls ports in a loop. A scheduler
 * calls {@link #pollOnce()} every second or so; tests call it directly.
 *
 * <p>Each cycle takes the leases this replica may hold ({@link RolloutStore#claimLeases}) and, for each leased
 * rollout, by its journal phase:
 * <pre>
 * phase                          and                              then
 * any                            this process is starting it      leave it to the start
 * RECEIVED, CLAIMED, ANNOUNCED   (its process died)               NOT_STARTED: nothing reached NCP; the requester is
 *                                                                 told in the thread, or directly without one
 * SENDING                        (its process died)               OUTCOME_UNKNOWN, said in the thread; then tracked
 * SENT, OUTCOME_UNKNOWN          no thread (an old row)           a new parent message and progress reply, then tracked
 * SENT, OUTCOME_UNKNOWN          its poll is due                  poll
 * </pre>
 * One poll: observe the operation (NCP reads bounded by {@link Replica#pollBudget()}), decide, and commit the new
 * state with its notices and audit record in one transaction under the lease; a poll whose lease moved on drops its
 * result and says nothing. Then the progress reply is re-rendered (edited only when it changed) and the
 * {@link OutboxSender} says the notices. A failure on one rollout is logged with its id and never stops the others.
 * One poll of a rollout at a time in a process: "Refresh now" and the schedule never overlap.
 *
 * <p>Kept in one file (a little over 300 lines) on purpose: recovery and polling share the per-rollout lock, the lease
 * they commit under and what the process remembers of each rollout ({@code forget}); split apart, that state would
 * have to be passed between classes that must agree on it.
 */
public final class RolloutPoller {
    /** The logging MDC key of the rollout being worked on (also set by {@link RolloutService#start}). */
    public static final String MDC_ROLLOUT_ID = "rolloutId";
    private static final Logger log = LoggerFactory.getLogger(RolloutPoller.class);

    private final RolloutStore store;
    private final Journal journal;
    private final Replica replica;
    private final OperationsApi api;
    private final ProgressNotifier notifier;
    private final RolloutTransitions transitions;
    private final PollSchedule schedule;
    private final Clock clock;
    private final Map<String, Instant> nextPollAt = new ConcurrentHashMap<>();
    private volatile PollCompanion companion = PollCompanion.NONE;
    private final Set<String> resumed = ConcurrentHashMap.newKeySet();
    private final Map<String, ReentrantLock> polling = new ConcurrentHashMap<>();
    private final Set<String> cannotAnnounce = ConcurrentHashMap.newKeySet();
    private volatile PollListener listener = PollListener.NONE;
    private volatile CatchUpFollower catchUp = CatchUpFollower.none();
    /** When the poll thread last showed life (a cycle began, a rollout was worked on): the heartbeat vouches for it. */
    private volatile Instant lastProgress = Instant.MIN;

    public RolloutPoller(Journal journal, OperationsApi api, ProgressNotifier notifier, RolloutTransitions transitions,
            PollSchedule schedule, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.store = journal.rollouts();
        this.replica = journal.replica();
        this.api = Objects.requireNonNull(api, "api == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.transitions = Objects.requireNonNull(transitions, "transitions == null");
        this.schedule = Objects.requireNonNull(schedule, "schedule == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Who looks at the data after a node comes back ({@link CatchUpFollower#none()} by default). */
    public void setCatchUp(CatchUpFollower follower) {
        this.catchUp = Objects.requireNonNull(follower, "follower == null");
    }

    /** What works on the rollouts' cycle ({@link PollCompanion}): the fleets. */
    public void setCompanion(PollCompanion companion) {
        this.companion = Objects.requireNonNull(companion, "companion == null");
    }

    /** Replaces the listener told about each cycle and each poll ({@link PollListener#NONE} by default). */
    public void setPollListener(PollListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener == null");
    }

    /**
     * At startup, before the first cycle: takes over the rollouts of {@link Replica#takeOver()} at once (every one on
     * a store this process has to itself; its own on a shared one), so that tracking resumes at the first cycle
     * rather than when the dead process's leases run out.
     *
     * @return how many rollouts this replica now holds
     */
    public int takeOver() {
        Instant now = clock.instant();
        lastProgress = now;
        List<LeasedRollout> mine = store.takeOver(replica.id(), replica.takeOver(), now, replica.leaseFor());
        if (!mine.isEmpty()) {
            log.info("took over {} unfinished operation(s) at startup", mine.size());
        }
        tell(companion::takeOver);
        return mine.size();
    }

    /**
     * The heartbeat: keeps this replica's leases however long a poll takes, as long as the poll thread shows life (a
     * cycle began or a rollout was worked on within three quarters of a lease). A poller that hangs lets its leases run
     * out, so another replica takes its operations over instead of them staying locked behind it. Never throws.
     */
    public void heartbeat() {
        Instant now = clock.instant();
        if (Duration.between(lastProgress, now).compareTo(replica.leaseFor().minus(replica.heartbeatEvery())) > 0) {
            log.warn("the poller has shown no life since {}; letting this replica's leases run out so that another takes over", lastProgress);
            return;
        }
        try {
            store.renewLeases(replica.id(), now, replica.leaseFor());
        } catch (RuntimeException e) {
            log.error("cannot renew the leases; another replica may take the operations over: {}", e.toString());
        }
        tell(companion::renewLeases);
    }

    /**
     * Sends what the outbox holds, then recovers and polls every unfinished rollout this replica holds the lease of
     * (taking free and expired leases) whose time has come. Never throws: a store that cannot be reached is logged and
     * tried again at the next call. While a rollout is worked on its id is in the logging MDC under
     * {@value #MDC_ROLLOUT_ID}.
     */
    public void pollOnce() {
        Instant now = clock.instant();
        lastProgress = now;
        tell(() -> listener.cycleStarted(now));
        journal.outbox().sendDue();
        List<LeasedRollout> mine;
        try {
            mine = store.claimLeases(replica.id(), now, replica.leaseFor());
        } catch (RuntimeException e) {
            log.error("cannot read the rollout store; polling resumes when it answers: {}", e.toString());
            return;
        }
        for (LeasedRollout leased : mine) {
            if (Thread.currentThread().isInterrupted()) {
                return; // shutting down: do not count a failed read against every rollout left in the cycle
            }
            Instant due = nextPollAt.getOrDefault(leased.id(), Instant.MIN);
            boolean trackable = leased.tracked().phase().mayHaveReachedNcp() && leased.tracked().phase() != StartPhase.SENDING
                    && (!leased.tracked().thread().isPending() || cannotAnnounce.contains(leased.id()));
            if (replica.isStarting(leased.id()) || (trackable && due.isAfter(clock.instant()))) {
                continue;
            }
            try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_ROLLOUT_ID, leased.id())) {
                lastProgress = clock.instant();
                Optional<TrackedRollout> next = exclusively(leased, clock.instant());
                Duration lag = due.equals(Instant.MIN) ? Duration.ZERO : Duration.between(due, now);
                next.ifPresent(n -> tell(() -> listener.polled(n.rollout(), lag)));
            } catch (RuntimeException e) {
                log.error("rollout {}: poll failed", leased.id(), e);
            }
        }
        if (!Thread.currentThread().isInterrupted()) {
            tell(() -> companion.tick(() -> lastProgress = clock.instant()));
        }
    }

    /**
     * Polls one unfinished rollout now, whatever its schedule ("Refresh now"). If a poll of it is already under way
     * in this process, or its start is, that work's result is the answer.
     *
     * @return false when this replica holds no unfinished rollout with that id
     */
    public boolean pollNow(String id) {
        Instant now = clock.instant();
        for (LeasedRollout leased : store.claimLeases(replica.id(), now, replica.leaseFor())) {
            if (leased.id().equals(id)) {
                try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_ROLLOUT_ID, id)) {
                    exclusively(leased, now);
                }
                return true;
            }
        }
        return false;
    }

    /** Gives up this replica's leases (on shutdown), so another replica takes its rollouts over at once. */
    public void releaseLeases() {
        tell(companion::releaseLeases);
        try {
            store.releaseLeases(replica.id());
        } catch (RuntimeException e) {
            log.warn("could not release the leases; they run out in {}: {}", replica.leaseFor(), e.toString());
        }
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("poll listener failed: {}", e.toString());
        }
    }

    /**
     * Works on the rollout unless another thread of this process does (then empty). Under the lock, and only once no
     * start of it runs here, the row is read again: the cycle's copy may be older than a poll or a start that just
     * committed, and writing from it would undo them (the lease fences other replicas, not this one).
     */
    private Optional<TrackedRollout> exclusively(LeasedRollout leased, Instant now) {
        String id = leased.id();
        ReentrantLock lock = polling.computeIfAbsent(id, key -> new ReentrantLock());
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            if (replica.isStarting(id)) {
                return Optional.empty();
            }
            Optional<TrackedRollout> current = store.find(id).filter(t -> !t.rollout().state().isTerminal());
            if (current.isEmpty()) {
                forget(id); // ended elsewhere (another replica, an admin): nothing will work on it here again
                return current;
            }
            return work(new LeasedRollout(current.get(), leased.lease()), now);
        } finally {
            lock.unlock();
        }
    }

    /** Recovers a rollout left by a dead process, or polls it. Empty when nothing was stored (lease lost). */
    private Optional<TrackedRollout> work(LeasedRollout leased, Instant now) {
        TrackedRollout tracked = leased.tracked();
        return switch (tracked.phase()) {
            case RECEIVED, CLAIMED, ANNOUNCED -> notStarted(leased, now);
            case SENDING -> {
                log.warn("rollout {}: the bot stopped while sending the start; tracking it as an unknown outcome, never re-sent", tracked.id());
                TrackedRollout unknown = tracked.with(StartPhase.OUTCOME_UNKNOWN);
                yield commit(new Change(unknown, leased.lease(), List.of(Notice.RESTARTED_WHILE_STARTING), Optional.empty(), now))
                        .flatMap(stored -> poll(new LeasedRollout(stored, leased.lease()), now));
            }
            case SENT, OUTCOME_UNKNOWN -> tracked.thread().isPending()
                    ? reannounce(leased, now).flatMap(stored -> poll(new LeasedRollout(stored, leased.lease()), now))
                    : poll(leased, now);
        };
    }

    private Optional<TrackedRollout> notStarted(LeasedRollout leased, Instant now) {
        TrackedRollout tracked = leased.tracked();
        log.warn("rollout {}: its start was interrupted in phase {} before anything was sent to NCP; releasing the cluster",
                tracked.id(), tracked.phase());
        Rollout ended = tracked.rollout().with(RolloutTransitions.notStarted(tracked.rollout(), tracked.phase(), now));
        TrackedRollout next = tracked.with(ended);
        Optional<TrackedRollout> stored = commit(new Change(next, leased.lease(), List.of(Notice.FINISHED),
                Optional.of(AuditEvents.outcome(ended, now, journal.wording())), now));
        stored.ifPresent(s -> {
            forget(s.id());
            journal.outbox().sendDue();
        });
        return stored;
    }

    /**
     * A started rollout without a thread (stored by an older version that died while starting): give it one. If the
     * channel refuses, it is tracked without one (its ending is told to the requester directly), tried once a process.
     */
    private Optional<TrackedRollout> reannounce(LeasedRollout leased, Instant now) {
        TrackedRollout tracked = leased.tracked();
        if (cannotAnnounce.contains(tracked.id())) {
            return Optional.of(tracked);
        }
        try {
            ThreadRef thread = notifier.announce(tracked.rollout(), tracked.thread().channel(), now);
            return commit(new Change(tracked.with(thread), leased.lease(), List.of(Notice.RESTARTED_WHILE_STARTING), Optional.empty(), now));
        } catch (ProgressNotifier.NotifyException e) {
            log.warn("rollout {}: cannot post its thread ({}); tracking it without one", tracked.id(), e.getMessage());
            cannotAnnounce.add(tracked.id());
            return Optional.of(tracked);
        }
    }

    private Optional<TrackedRollout> poll(LeasedRollout leased, Instant now) {
        TrackedRollout tracked = leased.tracked();
        Rollout rollout = tracked.rollout();
        Step step;
        try {
            Observation seen = api.observe(rollout.request().target(), replica.pollBudget());
            step = catchUp.follow(transitions.next(rollout, tracked.phase(), seen, now), now);
        } catch (OperationsException e) {
            if (Thread.currentThread().isInterrupted()) {
                return Optional.empty(); // shutting down: a read cut short is not a failure of NCP's
            }
            log.warn("rollout {}: cannot read progress ({}): {}", rollout.id(), e.reason(), e.getMessage());
            step = transitions.readFailed(rollout, tracked.phase(), e.getMessage(), now);
        }
        TrackedRollout next = tracked.with(step.rollout());
        List<Notice> notices = new ArrayList<>();
        boolean firstHere = !resumed.contains(next.id());
        if (firstHere && rollout.startedAt().isBefore(schedule.startedAt())) {
            notices.add(Notice.RESUMED);
        }
        notices.addAll(step.notices());
        boolean ended = next.rollout().state().isTerminal();
        Optional<AuditEvent> audit = ended ? Optional.of(AuditEvents.outcome(next.rollout(), now, journal.wording())) : Optional.empty();
        Optional<TrackedRollout> stored = commit(new Change(next, leased.lease(), notices, audit, now));
        if (stored.isEmpty()) {
            return stored;
        }
        resumed.add(next.id());
        if (ended) {
            forget(next.id()); // never polled again: nothing to remember
            log.info("rollout {}: {} ({})", next.id(), next.rollout().state(), next.rollout().endingReason().map(journal.wording()::ending).orElse(""));
        } else {
            nextPollAt.put(next.id(), now.plus(schedule.backOff().delayAfter(next.rollout().tracking().alerts().readFailures())));
        }
        // an edit still waiting here (budget, rate limit) now carries the latest state, the final one included, so it can
        // never land after the final edits with an older table
        notifier.progress(next.rollout(), next.thread(), now);
        if (!notices.isEmpty()) {
            journal.outbox().sendDue();
        }
        return stored;
    }

    /**
     * Stores {@code change}; empty, and the result dropped, when this replica no longer holds the lease. Then an edit
     * this process still holds back is brought to what the store says now, so it cannot undo the new holder's.
     */
    private Optional<TrackedRollout> commit(Change change) {
        if (store.commit(change)) {
            return Optional.of(change.next());
        }
        String id = change.next().id();
        log.warn("rollout {}: its lease moved on (another replica, or an admin, has it); this poll's result is dropped", id);
        forget(id);
        store.find(id).ifPresent(current -> notifier.progress(current.rollout(), current.thread(), clock.instant()));
        return Optional.empty();
    }

    /** Forgets what this process remembers of a rollout it no longer works on (ended, or held by another replica now). */
    private void forget(String id) {
        nextPollAt.remove(id);
        resumed.remove(id);
        cannotAnnounce.remove(id);
        polling.remove(id);
    }
}
