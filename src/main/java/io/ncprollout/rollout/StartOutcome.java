package io.ncprollout.rollout;

import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a request to start an operation, for the user who confirmed it, as data the Slack side words.
 *
 * @param result   what happened
 * @param refusal  why nothing was started, when a {@link Refusal} says it (permissions, a freeze, the channel, ...)
 * @param rollout  the rollout, when one was recorded (started, holding the cluster, refused by NCP, or outcome unknown;
 *                 a refused one says why in its ending)
 * @param approval the request waiting for approval, for {@link Result#AWAITING_APPROVAL}
 * @param scheduled the run stored for later, for {@link Result#SCHEDULED}
 */
public record StartOutcome(Result result, Optional<Refusal> refusal, Optional<TrackedRollout> rollout, Optional<PendingApproval> approval,
        Optional<ScheduledRun> scheduled) {
    public StartOutcome(Result result, Optional<Refusal> refusal, Optional<TrackedRollout> rollout, Optional<PendingApproval> approval) {
        this(result, refusal, rollout, approval, Optional.empty());
    }

    public StartOutcome {
        Objects.requireNonNull(scheduled, "scheduled == null");
        Objects.requireNonNull(result, "result == null");
        Objects.requireNonNull(refusal, "refusal == null");
        Objects.requireNonNull(rollout, "rollout == null");
        Objects.requireNonNull(approval, "approval == null");
    }

    /** Nothing was started, for {@code refusal}. */
    public static StartOutcome refused(Result result, Refusal refusal) {
        return new StartOutcome(result, Optional.of(refusal), Optional.empty(), Optional.empty());
    }

    /** What became of the start of {@code rollout} (or, for {@link Result#BUSY}, the rollout that holds the cluster). */
    public static StartOutcome of(Result result, TrackedRollout rollout) {
        return new StartOutcome(result, Optional.empty(), Optional.of(rollout), Optional.empty());
    }

    /** The request waits for a second person in the channel. */
    public static StartOutcome awaiting(PendingApproval approval) {
        return new StartOutcome(Result.AWAITING_APPROVAL, Optional.empty(), Optional.empty(), Optional.of(approval));
    }

    /** The request was stored to start at its time ({@code --at}). */
    public static StartOutcome scheduled(ScheduledRun run) {
        return new StartOutcome(Result.SCHEDULED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(run));
    }

    /** What happened to a start request. */
    public enum Result {
        /** NCP accepted the start; the thread follows it. */
        STARTED,
        /** The two-person rule applies: a request waits in the channel for another authorised person. */
        AWAITING_APPROVAL,
        /** The user may not start this operation (permissions, or a frozen cluster); nothing was sent. */
        DENIED,
        /** The start request was sent but its answer was lost; the thread follows the cluster to find out. */
        OUTCOME_UNKNOWN,
        /** Another operation holds the cluster; nothing was sent. */
        BUSY,
        /** The precheck failed again at confirmation time, or NCP refused the start. */
        REFUSED,
        /** The channel cannot be posted to (the bot is not in it); nothing was sent to NCP. */
        CHANNEL_UNAVAILABLE,
        /** NCP could not be reached; nothing was started. */
        UNAVAILABLE,
        /** The same request (the same submitted form, the same approval) already asked once; nothing was started again. */
        DUPLICATE,
        /** Nothing started now: the request is stored to start at its time, when everything is checked again. */
        SCHEDULED
    }

    public boolean started() {
        return result == Result.STARTED || result == Result.OUTCOME_UNKNOWN;
    }
}
