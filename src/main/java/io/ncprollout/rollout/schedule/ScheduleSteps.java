package io.ncprollout.rollout.schedule;

import io.ncprollout.rollout.schedule.ScheduledRun.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pure rules of a scheduled run: when it is reminded of, when it fires, when it is missed, and the transitions,
 * each returning the next value to {@linkplain ScheduleStore#commit commit} (a transition from the wrong state throws
 * {@link IllegalStateException}: the caller read a stale run and must read it again).
 *
 * <p>The runner that uses them writes in this order, each write a compare-and-set that must succeed before the next
 * step, so that a crash between two steps never starts a run twice nor late:
 *
 * <ol>
 *   <li><b>Remind</b> ({@link #remindDue}): post the reminder with its Cancel button, then commit
 *   {@link #reminded}. A crash in between posts the reminder again; a lost compare-and-set means another writer
 *   (a Cancel, another replica) came first, so the runner edits or deletes the message it just posted.</li>
 *   <li><b>Fire</b> ({@link #due} is {@link Due#FIRE}): choose the rollout id, commit {@link #starting} with it, and
 *   call the start (under that id, as a received request's) only if that commit succeeded. Only one writer moves a
 *   version to STARTING, so a run is fired once, whichever replica or process gets there.</li>
 *   <li><b>Settle</b> ({@link Due#SETTLE}: a STARTING run, left by a start that returned or by a process that died
 *   during it): never fired again. When the rollout store has the rollout id, commit {@link #started} (the start
 *   journal recovers the rollout itself); when it ended at once as not started, or the start answered with a refusal,
 *   commit {@link #refused} with why. When the store has no rollout with that id, the start never reached its claim:
 *   the runner may call the start once more under the same id while the run is within the grace (the claim of one id
 *   is atomic, as for fleets), and otherwise commits {@link #refused}. The channel hears the outcome from the start
 *   itself, or from the runner before it commits a refusal.</li>
 *   <li><b>Miss</b> ({@link Due#MISSED}): tell the channel (and edit the reminder's button), then commit
 *   {@link #missed}: a crash in between tells it again at the next turn, so the channel hears it at least once.</li>
 * </ol>
 *
 * <p>Only the holder of a run's lease ({@link ScheduleStore#claimLeases}) does the above, so that two replicas do
 * not post one reminder twice; the compare-and-set, not the lease, is what keeps a run from starting twice.
 */
public final class ScheduleSteps {
    /** How long before its time a run is reminded of in its channel. */
    public static final Duration REMIND_BEFORE = Duration.ofMinutes(15);
    /** How late a run may still start: later than this after its time (the bot was down) it is missed, not started. */
    public static final Duration GRACE = Duration.ofMinutes(15);

    /** What a run needs now. */
    public enum Due {
        /** Its time has not come. */
        WAIT,
        /** Its time came, within the grace: start it. */
        FIRE,
        /** Its time passed by more than the grace and it never started: tell the channel, start nothing. */
        MISSED,
        /** Its start is under way or was interrupted: never fire it again, settle it from the rollout store. */
        SETTLE,
        /** It ended. */
        NONE
    }

    private ScheduleSteps() {
    }

    /** True when the reminder is to be posted: a run not yet reminded of, in the {@link #REMIND_BEFORE} before its time. */
    public static boolean remindDue(ScheduledRun r, Instant now) {
        return r.state() == State.PENDING && !now.isBefore(r.at().minus(REMIND_BEFORE)) && now.isBefore(r.at());
    }

    /** What {@code r} needs at {@code now}. */
    public static Due due(ScheduledRun r, Instant now) {
        if (r.state().isFinal()) {
            return Due.NONE;
        }
        if (r.state() == State.STARTING) {
            return Due.SETTLE;
        }
        if (now.isBefore(r.at())) {
            return Due.WAIT;
        }
        return now.isAfter(r.at().plus(GRACE)) ? Due.MISSED : Due.FIRE;
    }

    /** True when {@code user} may cancel {@code r}: its requester, or an admin. */
    public static boolean mayCancel(ScheduledRun r, String user, boolean admin) {
        return admin || r.requester().equals(user);
    }

    /** The reminder was posted as message {@code ts}. Only from PENDING. */
    public static ScheduledRun reminded(ScheduledRun r, String ts, Instant now) {
        require(r, r.state() == State.PENDING, "be reminded of");
        return r.moved(State.REMINDED, Optional.of(now), Optional.of(ts), r.rolloutId(), r.decidedBy(), r.endedAt(), r.outcome());
    }

    /**
     * It starts under {@code rolloutId}: store this before calling the start. Only from PENDING or REMINDED, and only
     * when it is {@linkplain Due#FIRE due} (never early, never later than the grace).
     */
    public static ScheduledRun starting(ScheduledRun r, String rolloutId, Instant now) {
        require(r, r.state().isWaiting(), "start");
        if (due(r, now) != Due.FIRE) {
            throw new IllegalStateException("scheduled run " + r.id() + " at " + r.at() + " is not due at " + now + ": " + due(r, now));
        }
        return r.moved(State.STARTING, r.remindedAt(), r.reminderTs(), Optional.of(rolloutId), r.decidedBy(), r.endedAt(), r.outcome());
    }

    /**
     * Its start under the stored id never reached NCP (the process died after the claim and the rollout journal ended
     * it not started): it starts again under {@code rolloutId}. Only from STARTING, and only within the grace.
     */
    public static ScheduledRun restarting(ScheduledRun r, String rolloutId, Instant now) {
        require(r, r.state() == State.STARTING, "start again");
        if (now.isAfter(r.at().plus(GRACE))) {
            throw new IllegalStateException("scheduled run " + r.id() + " at " + r.at() + " is past its grace at " + now);
        }
        return r.moved(State.STARTING, r.remindedAt(), r.reminderTs(), Optional.of(rolloutId), r.decidedBy(), r.endedAt(), r.outcome());
    }

    /** Its rollout {@code rolloutId} started (the start's own, when it answered with another). Only from STARTING. */
    public static ScheduledRun started(ScheduledRun r, String rolloutId, Instant now) {
        require(r, r.state() == State.STARTING, "be marked started");
        return r.moved(State.STARTED, r.remindedAt(), r.reminderTs(), Optional.of(rolloutId), r.decidedBy(), Optional.of(now), Optional.of(rolloutId));
    }

    /** Its start was refused, or it cannot start at all, for {@code why}. From PENDING, REMINDED or STARTING. */
    public static ScheduledRun refused(ScheduledRun r, String why, Instant now) {
        require(r, r.state().isWaiting() || r.state() == State.STARTING, "be refused");
        return r.moved(State.REFUSED, r.remindedAt(), r.reminderTs(), r.rolloutId(), r.decidedBy(), Optional.of(now), Optional.of(why));
    }

    /** Its time passed by more than the grace: it is not started. Only from PENDING or REMINDED, and only when {@linkplain Due#MISSED due}. */
    public static ScheduledRun missed(ScheduledRun r, Instant now) {
        require(r, r.state().isWaiting(), "be missed");
        if (due(r, now) != Due.MISSED) {
            throw new IllegalStateException("scheduled run " + r.id() + " at " + r.at() + " is not missed at " + now + ": " + due(r, now));
        }
        String late = Duration.between(r.at(), now).toMinutes() + " min";
        return r.moved(State.MISSED, r.remindedAt(), r.reminderTs(), r.rolloutId(), r.decidedBy(), Optional.of(now),
                Optional.of("not started: its time passed " + late + " ago, more than the " + GRACE.toMinutes() + " min grace"));
    }

    /** Cancelled by {@code by}. Only from PENDING or REMINDED (check {@link #mayCancel} first). */
    public static ScheduledRun cancelled(ScheduledRun r, String by, Instant now) {
        require(r, r.state().isWaiting(), "be cancelled");
        return r.moved(State.CANCELLED, r.remindedAt(), r.reminderTs(), r.rolloutId(), Optional.of(by), Optional.of(now), r.outcome());
    }

    private static void require(ScheduledRun r, boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalStateException("scheduled run " + r.id() + " is " + r.state() + " and cannot " + what);
        }
    }
}
