package io.ncprollout.rollout;

import java.util.Objects;

/**
 * A rollout and the chat thread that shows it: what the store keeps and the poller walks.
 *
 * @param rollout the rollout
 * @param thread  where its messages live
 */
public record TrackedRollout(Rollout rollout, ThreadRef thread) {
    public TrackedRollout {
        Objects.requireNonNull(rollout, "rollout == null");
        Objects.requireNonNull(thread, "thread == null");
    }

    public String id() {
        return rollout.id();
    }

    TrackedRollout with(Rollout next) {
        return new TrackedRollout(next, thread);
    }
}
