package io.ncprollout.store;

import io.ncprollout.rollout.ClusterRef;
import io.ncprollout.rollout.RolloutStore;
import io.ncprollout.rollout.TrackedRollout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RolloutStore} in memory: one JVM, lost on restart. Claims are atomic within the JVM (every method
 * synchronises on the store). Used by tests, and by the bot until the persistent store is configured.
 */
public final class InMemoryRolloutStore implements RolloutStore {
    private final Map<String, TrackedRollout> rollouts = new LinkedHashMap<>();

    @Override
    public synchronized Optional<TrackedRollout> claim(TrackedRollout rollout) {
        ClusterRef cluster = rollout.rollout().request().cluster();
        Optional<TrackedRollout> holder = rollouts.values().stream()
                .filter(t -> !t.rollout().state().isTerminal() && t.rollout().request().cluster().equals(cluster))
                .findFirst();
        if (holder.isEmpty()) {
            rollouts.put(rollout.id(), rollout);
        }
        return holder;
    }

    @Override
    public synchronized void save(TrackedRollout rollout) {
        if (!rollouts.containsKey(rollout.id())) {
            throw new IllegalStateException("rollout " + rollout.id() + " was never claimed");
        }
        rollouts.put(rollout.id(), rollout);
    }

    @Override
    public synchronized void release(String id) {
        rollouts.remove(id);
    }

    @Override
    public synchronized List<TrackedRollout> active() {
        return rollouts.values().stream().filter(t -> !t.rollout().state().isTerminal()).toList();
    }

    @Override
    public synchronized List<TrackedRollout> recent(int limit) {
        List<TrackedRollout> finished = new ArrayList<>(rollouts.values().stream().filter(t -> t.rollout().state().isTerminal()).toList());
        finished.sort(Comparator.comparing((TrackedRollout t) -> t.rollout().tracking().ending().orElseThrow().at()).reversed());
        return finished.stream().limit(limit).toList();
    }
}
