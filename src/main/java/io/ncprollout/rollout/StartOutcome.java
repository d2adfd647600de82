package io.ncprollout.rollout;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of a request to start an operation, for the user who confirmed it.
 *
 * @param result  what happened
 * @param message one or two sentences for the user: what happened and what to do
 * @param rollout the rollout, when one was recorded (started, refused by NCP, or outcome unknown)
 */
public record StartOutcome(Result result, String message, Optional<TrackedRollout> rollout) {
    public StartOutcome {
        Objects.requireNonNull(result, "result == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(rollout, "rollout == null");
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
        DUPLICATE
    }

    public boolean started() {
        return result == Result.STARTED || result == Result.OUTCOME_UNKNOWN;
    }
}
