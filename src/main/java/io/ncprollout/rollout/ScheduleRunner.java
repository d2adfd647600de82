package io.ncprollout.rollout;

import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduleStore;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.tracking.Receipt;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Moves the scheduled runs this replica holds, once per poll cycle: posts the reminders, fires the runs whose time
 * came, settles the starts a crash interrupted and reports the runs whose time passed while nothing could start them.
 * The rules and the order of writes are {@link ScheduleSteps}'; here is only the I/O around them:
 *
 * <ul>
 *   <li>remind: post, then commit REMINDED; a lost commit deletes the message just posted;</li>
 *   <li>fire: check the maintenance windows again (a run fired late within its grace, or windows changed since);
 *   commit STARTING with a new rollout id, and only then start under that id through
 *   {@link RolloutService#start} (permission, freeze, NCP's precheck and the health gate checked again); commit
 *   STARTED, or tell the channel why not and commit REFUSED;</li>
 *   <li>settle a STARTING run (a crash came between its start and its commit): a rollout with its id that may have
 *   reached NCP: STARTED (the rollout journal follows it); one claimed but not sent: wait until the journal recovers
 *   it; one recovered as not started (nothing reached NCP): within the grace, STARTING again under a new id and
 *   started, later: tell the channel, REFUSED; none, within the grace: start again under the same id (a claim of one
 *   id is atomic, so two tries start one operation); none, later: tell the channel, REFUSED;</li>
 *   <li>miss: tell the channel, then commit MISSED (a crash in between tells it again: at least once).</li>
 * </ul>
 *
 * A run is started once because only one write moves its version to STARTING; the lease only keeps two replicas
 * from posting one reminder twice.
 */
public final class ScheduleRunner implements PollCompanion {
    /** The MDC key of the scheduled run being moved. */
    public static final String MDC_SCHEDULE_ID = "scheduleId";
    /** A reminder or report the chat refused is tried again after this, not every cycle. */
    static final Duration RETRY_POST_AFTER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

    /** How long an ending the chat refused is tried again (in this process) before it is only logged. */
    static final Duration TELL_FOR = Duration.ofHours(2);

    private final ReentrantLock moving = new ReentrantLock();
    private final ScheduleService schedules;
    private final ScheduleStore store;
    private final RolloutService service;
    private final ScheduleNotifier notifier;
    private final RolloutStore rollouts;
    private final Replica replica;
    private final AuditWording wording;
    private final Clock clock;
    private final Supplier<String> ids;
    /** Runs whose reminder the chat refused, and when to try again (in memory: a restart tries at once). */
    private final Map<String, Instant> retryPostAt = new HashMap<>();
    /** Endings stored but not yet told, because the chat refused them: told again every {@link #RETRY_POST_AFTER}. */
    private final Map<String, Untold> untold = new HashMap<>();
    private final CompanionLeases leases;

    /** An ending the channel has yet to hear: the run, what the start answered, when to try next, and since when. */
    private record Untold(ScheduledRun run, Optional<StartOutcome> why, Instant next, Instant since) {
    }

    public ScheduleRunner(ScheduleService schedules, RolloutService service, ScheduleNotifier notifier, Journal journal, Clock clock,
            Supplier<String> ids) {
        this.schedules = schedules;
        this.store = schedules.store();
        this.service = service;
        this.notifier = notifier;
        this.rollouts = journal.rollouts();
        this.replica = journal.replica();
        this.wording = journal.wording();
        this.clock = clock;
        this.ids = ids;
        this.leases = new CompanionLeases("scheduled runs", new CompanionLeases.Rows(store::takeOver, store::renewLeases, store::releaseLeases),
                replica, clock);
    }

    /** At startup: takes back the runs of this instance's earlier process (on the embedded store, every run). */
    @Override
    public void takeOver() {
        leases.takeOver();
    }

    /** One cycle over the runs due soon that this replica holds. Never throws. */
    @Override
    public void tick(Runnable alive) {
        moving.lock();
        try {
            move(alive);
        } finally {
            moving.unlock();
        }
    }

    @Override
    public void renewLeases() {
        leases.renew();
    }

    @Override
    public void releaseLeases() {
        leases.release();
    }

    private void move(Runnable alive) {
        tellAgain();
        Instant now = clock.instant();
        List<ScheduledRun> mine;
        try {
            mine = store.claimLeases(replica.id(), now.plus(ScheduleSteps.REMIND_BEFORE), now, replica.leaseFor());
        } catch (RuntimeException e) {
            log.error("cannot read the scheduled runs; they move again when the store answers: {}", e.toString());
            return;
        }
        for (ScheduledRun run : mine) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_SCHEDULE_ID, run.id())) {
                alive.run();
                step(run);
            } catch (RuntimeException e) {
                log.error("scheduled run {}: step failed; tried again next cycle", run.id(), e);
            }
        }
    }

    private void step(ScheduledRun found) {
        ScheduledRun run = found;
        if (ScheduleSteps.remindDue(run, clock.instant())) {
            Optional<ScheduledRun> reminded = remind(run);
            if (reminded.isEmpty()) {
                return; // not posted, or another write came first: looked at again next cycle
            }
            run = reminded.get();
        }
        switch (ScheduleSteps.due(run, clock.instant())) {
            case FIRE -> fire(run);
            case SETTLE -> settle(run);
            case MISSED -> miss(run);
            case WAIT, NONE -> {
                // nothing to do yet, or any more
            }
        }
    }

    private Optional<ScheduledRun> remind(ScheduledRun run) {
        Instant retryAt = retryPostAt.get(run.id());
        if (retryAt != null && clock.instant().isBefore(retryAt)) {
            return Optional.of(run); // the reminder waits; the time does not
        }
        Optional<String> ts = notifier.remind(run);
        if (ts.isEmpty()) {
            log.warn("scheduled run {}: the reminder could not be posted in {}; tried again in {}", run.id(), run.channel(), RETRY_POST_AFTER);
            retryPostAt.put(run.id(), clock.instant().plus(RETRY_POST_AFTER));
            return Optional.of(run);
        }
        retryPostAt.remove(run.id());
        Optional<ScheduledRun> stored = store.commit(ScheduleSteps.reminded(run, ts.get(), clock.instant()));
        if (stored.isEmpty()) {
            notifier.withdraw(run, ts.get()); // a Cancel or another replica came first: this message is nobody's reminder
        }
        return stored;
    }

    private void fire(ScheduledRun run) {
        retryPostAt.remove(run.id());
        // the windows are checked again: a run fired late within its grace, or windows changed since it was asked
        Optional<io.ncprollout.rollout.access.Refusal> closed = schedules.windowRefusal(run.request().cluster(), clock.instant(), run.zone());
        if (closed.isPresent()) {
            StartOutcome outcome = StartOutcome.refused(StartOutcome.Result.DENIED, closed.get());
            report(ScheduleSteps.refused(run, wording.outcome(outcome), clock.instant()), Optional.of(outcome));
            return;
        }
        String rolloutId = ids.get();
        Optional<ScheduledRun> starting = store.commit(ScheduleSteps.starting(run, rolloutId, clock.instant()));
        if (starting.isEmpty()) {
            return; // cancelled, or fired by another replica, a moment ago
        }
        log.info("scheduled run {}: its time came; starting {} of {} as rollout {}", run.id(), run.request().kind(), run.request().cluster().name(),
                rolloutId);
        launch(starting.get());
    }

    /** Starts a STARTING run under its rollout id, then stores what became of it. */
    private void launch(ScheduledRun run) {
        String rolloutId = run.rolloutId().orElseThrow();
        StartOutcome outcome = service.start(run.request(), run.channel(), Optional.of(new Receipt(rolloutId)));
        boolean ours = outcome.rollout().filter(t -> t.id().equals(rolloutId)).isPresent();
        if (outcome.started() || ours) {
            store.commit(ScheduleSteps.started(run, rolloutId, clock.instant())).ifPresent(s -> notifier.ended(s, Optional.empty()));
            return;
        }
        ScheduledRun refused = ScheduleSteps.refused(run, wording.outcome(outcome), clock.instant());
        report(refused, Optional.of(outcome));
    }

    private void settle(ScheduledRun run) {
        String rolloutId = run.rolloutId().orElseThrow();
        Optional<TrackedRollout> rollout = rollouts.find(rolloutId);
        Instant now = clock.instant();
        if (rollout.isPresent() && !rollout.get().rollout().state().isTerminal() && !rollout.get().phase().mayHaveReachedNcp()) {
            // claimed, start not sent: a start under way (another replica), or one the rollout journal recovers as not
            // started at its next poll; either way this run is settled once the rollout says which
            log.info("scheduled run {}: its rollout {} is {}; settled when it moves on", run.id(), rolloutId, rollout.get().phase());
        } else if (rollout.isPresent() && rollout.get().rollout().state() != RolloutState.NOT_STARTED) {
            store.commit(ScheduleSteps.started(run, rolloutId, now)).ifPresent(s -> notifier.ended(s, Optional.empty()));
        } else if (rollout.isEmpty() && !now.isAfter(run.at().plus(ScheduleSteps.GRACE))) {
            log.warn("scheduled run {}: its start was cut short before its claim; started again under {}", run.id(), rolloutId);
            launch(run);
        } else if (!now.isAfter(run.at().plus(ScheduleSteps.GRACE))) {
            // claimed, then ended not started by the rollout journal (the process died before the send): nothing reached
            // NCP, so it starts again under a new id while the grace allows
            String again = ids.get();
            log.warn("scheduled run {}: its rollout {} never reached NCP; started again as {}", run.id(), rolloutId, again);
            store.commit(ScheduleSteps.restarting(run, again, now)).ifPresent(this::launch);
        } else {
            report(ScheduleSteps.refused(run, "not started: the bot stopped while starting it; nothing was sent to NCP", now), Optional.empty());
        }
    }

    private void miss(ScheduledRun run) {
        ScheduledRun missed = ScheduleSteps.missed(run, clock.instant());
        log.warn("scheduled run {}: {}", run.id(), missed.outcome().orElse(""));
        report(missed, Optional.empty());
    }

    /**
     * Tells the channel why {@code ended} did not start, then stores it (a crash in between tells it again at the next
     * turn). When the chat refuses, it is stored anyway (the run must not start late) and told again every
     * {@link #RETRY_POST_AFTER} for {@link #TELL_FOR} by this process.
     */
    private void report(ScheduledRun ended, Optional<StartOutcome> why) {
        retryPostAt.remove(ended.id());
        boolean told = notifier.ended(ended, why);
        Optional<ScheduledRun> stored = store.commit(ended);
        if (stored.isEmpty()) {
            return; // another writer came first; what it stored is what the next turn sees
        }
        String state = ended.state().name().toLowerCase(java.util.Locale.ROOT);
        schedules.audit("schedule-" + state, ended, state, ended.id() + ": " + ended.outcome().orElse(""));
        if (!told) {
            log.error("scheduled run {}: the channel {} could not be told that it did not start ({}); tried again every {}", ended.id(),
                    ended.channel(), ended.outcome().orElse(""), RETRY_POST_AFTER);
            untold.put(ended.id(), new Untold(stored.get(), why, clock.instant().plus(RETRY_POST_AFTER), clock.instant()));
        }
    }

    /** Tells again the endings the chat refused, each at most once per {@link #RETRY_POST_AFTER}. */
    private void tellAgain() {
        Instant now = clock.instant();
        for (Untold u : List.copyOf(untold.values())) {
            if (now.isBefore(u.next())) {
                continue;
            }
            if (notifier.ended(u.run(), u.why())) {
                untold.remove(u.run().id());
            } else if (now.isAfter(u.since().plus(TELL_FOR))) {
                log.error("scheduled run {}: the channel {} was never told that it did not start; given up after {}", u.run().id(), u.run().channel(),
                        TELL_FOR);
                untold.remove(u.run().id());
            } else {
                untold.put(u.run().id(), new Untold(u.run(), u.why(), now.plus(RETRY_POST_AFTER), u.since()));
            }
        }
    }
}
