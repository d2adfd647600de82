package io.ncprollout.rollout.tracking;

import java.util.List;
import java.util.Objects;

/**
 * The result of one decision: the next rollout, and what the thread must say besides the progress table
 * (which the shell re-renders and sends only when its content changed).
 *
 * @param rollout the rollout after this observation
 * @param notices what to say, in order
 */
public record Step(Rollout rollout, List<Notice> notices) {
    public Step {
        Objects.requireNonNull(rollout, "rollout == null");
        notices = List.copyOf(notices);
    }
}
