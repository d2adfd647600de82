package io.ncprollout.rollout.tracking;

import java.util.Objects;

/**
 * A rollout, the chat thread that shows it and how far its start got: what the store keeps and the poller walks.
 *
 * @param rollout the rollout
 * @param thread  where its messages live
 * @param phase   the start journal's phase
 */
public record TrackedRollout(Rollout rollout, ThreadRef thread, StartPhase phase) {
    public TrackedRollout {
        Objects.requireNonNull(rollout, "rollout == null");
        Objects.requireNonNull(thread, "thread == null");
        Objects.requireNonNull(phase, "phase == null");
    }

    /** A rollout whose start NCP accepted. */
    public TrackedRollout(Rollout rollout, ThreadRef thread) {
        this(rollout, thread, StartPhase.SENT);
    }

    public String id() {
        return rollout.id();
    }

    public TrackedRollout with(Rollout next) {
        return new TrackedRollout(next, thread, phase);
    }

    public TrackedRollout with(StartPhase next) {
        return new TrackedRollout(rollout, thread, next);
    }

    public TrackedRollout with(ThreadRef next) {
        return new TrackedRollout(rollout, next, phase);
    }
}
