package io.ncprollout.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The I/O shell around {@link RolloutTransitions}: the only rollout class that calls ports in a loop. A scheduler
 * calls {@link #pollOnce()} every few seconds; tests call it directly.
 *
 * <p>Each unfinished rollout is polled when its time comes: every poll interval, or later after failed reads
 * ({@link PollBackOff}). One poll: observe the operation, decide, store, let the notifier re-render the progress
 * reply (it edits only when the content changed), then say each notice. A failure on one rollout is logged
 * with its id and never stops the others.
 */
public final class RolloutPoller {
    /** The logging MDC key of the rollout being worked on (also set by {@link RolloutService#start}). */
    public static final String MDC_ROLLOUT_ID = "rolloutId";
    private static final Logger log = LoggerFactory.getLogger(RolloutPoller.class);

    private final RolloutStore store;
    private final OperationsApi api;
    private final ProgressNotifier notifier;
    private final RolloutTransitions transitions;
    private final PollSchedule schedule;
    private final Clock clock;
    private final Map<String, Instant> nextPollAt = new ConcurrentHashMap<>();
    private final Set<String> resumed = ConcurrentHashMap.newKeySet();
    private volatile PollListener listener = PollListener.NONE;

    public RolloutPoller(RolloutStore store, OperationsApi api, ProgressNotifier notifier, RolloutTransitions transitions,
            PollSchedule schedule, Clock clock) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.api = Objects.requireNonNull(api, "api == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.transitions = Objects.requireNonNull(transitions, "transitions == null");
        this.schedule = Objects.requireNonNull(schedule, "schedule == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Replaces the listener told about each cycle and each poll ({@link PollListener#NONE} by default). */
    public void setPollListener(PollListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener == null");
    }

    /**
     * Polls every unfinished rollout this replica holds the lease of (taking free and expired leases) whose
     * time has come. Never throws: a store that cannot be reached is logged and tried again at the next call.
     * While a rollout is polled its id is in the logging MDC under {@value #MDC_ROLLOUT_ID}.
     */
    public void pollOnce() {
        Instant now = clock.instant();
        tell(() -> listener.cycleStarted(now));
        List<TrackedRollout> mine;
        try {
            mine = store.claimLeases(schedule.owner(), now, schedule.leaseFor());
        } catch (RuntimeException e) {
            log.error("cannot read the rollout store; polling resumes when it answers: {}", e.toString());
            return;
        }
        for (TrackedRollout tracked : mine) {
            if (Thread.currentThread().isInterrupted()) {
                return; // shutting down: do not count a failed read against every rollout left in the cycle
            }
            Instant due = nextPollAt.getOrDefault(tracked.id(), Instant.MIN);
            if (tracked.thread().isPending() || due.isAfter(now)) {
                continue;
            }
            try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_ROLLOUT_ID, tracked.id())) {
                TrackedRollout next = poll(tracked, now);
                Duration lag = due.equals(Instant.MIN) ? Duration.ZERO : Duration.between(due, now);
                tell(() -> listener.polled(next.rollout(), lag));
            } catch (RuntimeException e) {
                log.error("rollout {}: poll failed", tracked.id(), e);
            }
        }
    }

    /**
     * Polls one unfinished rollout now, whatever its schedule ("Refresh now").
     *
     * @return false when there is no unfinished rollout with that id
     */
    public boolean pollNow(String id) {
        Instant now = clock.instant();
        for (TrackedRollout tracked : store.claimLeases(schedule.owner(), now, schedule.leaseFor())) {
            if (tracked.id().equals(id) && !tracked.thread().isPending()) {
                poll(tracked, now);
                return true;
            }
        }
        return false;
    }

    /** Gives up this replica's leases (on shutdown), so another replica takes its rollouts over at once. */
    public void releaseLeases() {
        for (String id : nextPollAt.keySet()) {
            try {
                store.releaseLease(id, schedule.owner());
            } catch (RuntimeException e) {
                log.warn("rollout {}: could not release its lease: {}", id, e.toString());
            }
        }
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("poll listener failed: {}", e.toString());
        }
    }

    private TrackedRollout poll(TrackedRollout tracked, Instant now) {
        Rollout rollout = tracked.rollout();
        Step step;
        try {
            Observation seen = api.observe(rollout.request().target());
            step = transitions.next(rollout, seen, now);
        } catch (OperationsException e) {
            log.warn("rollout {}: cannot read progress ({}): {}", rollout.id(), e.reason(), e.getMessage());
            step = transitions.readFailed(rollout, e.getMessage(), now);
        }
        TrackedRollout next = tracked.with(step.rollout());
        store.save(next);
        if (next.rollout().state().isTerminal()) {
            nextPollAt.remove(next.id());
            log.info("rollout {}: {} ({})", next.id(), next.rollout().state(), next.rollout().endingReason().orElse(""));
        } else {
            nextPollAt.put(next.id(), now.plus(schedule.backOff().delayAfter(next.rollout().tracking().alerts().readFailures())));
        }
        if (resumed.add(next.id()) && rollout.startedAt().isBefore(schedule.startedAt())) {
            notifier.notice(next.rollout(), next.thread(), Notice.RESUMED, now);
        }
        notifier.progress(next.rollout(), next.thread(), now);
        for (Notice notice : step.notices()) {
            notifier.notice(next.rollout(), next.thread(), notice, now);
        }
        if (next.rollout().state().isTerminal()) {
            resumed.remove(next.id()); // never polled again: nothing to remember
        }
        return next;
    }
}
