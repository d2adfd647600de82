package io.ncprollout.rollout;

import java.util.List;
import java.util.Optional;

/** Port to where rollouts are kept between polls and across restarts. */
public interface RolloutStore {

    /**
     * Records {@code rollout} as the one operation on its cluster, unless another unfinished one holds it.
     *
     * @return the unfinished rollout that already holds the cluster, or empty when {@code rollout} was recorded
     */
    Optional<TrackedRollout> claim(TrackedRollout rollout);

    /** Replaces the stored state of a rollout already recorded. */
    void save(TrackedRollout rollout);

    /** Forgets a claimed rollout that never reached NCP (its messages could not be posted), freeing the cluster. */
    void release(String id);

    /** Every rollout not yet in a final state. */
    List<TrackedRollout> active();

    /** Finished rollouts, newest first, at most {@code limit}. */
    List<TrackedRollout> recent(int limit);
}
