package io.ncprollout.store;

import io.ncprollout.rollout.ClusterRef;
import io.ncprollout.rollout.RolloutStore;
import io.ncprollout.rollout.TrackedRollout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RolloutStore} in memory: one JVM, lost on restart. Claims and leases are atomic within the JVM (every
 * method synchronises on the store). Used by tests; {@link JdbcRolloutStore} is the persistent one.
 */
public final class InMemoryRolloutStore implements RolloutStore {
    private final Map<String, TrackedRollout> rollouts = new LinkedHashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();

    private record Lease(String owner, Instant until) {
    }

    @Override
    public synchronized Optional<TrackedRollout> claim(TrackedRollout rollout) {
        ClusterRef cluster = rollout.rollout().request().cluster();
        Optional<TrackedRollout> holder = rollouts.values().stream()
                .filter(t -> !t.rollout().state().isTerminal() && t.rollout().request().cluster().isSameCluster(cluster))
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
        leases.remove(id);
    }

    @Override
    public synchronized Optional<TrackedRollout> find(String id) {
        return Optional.ofNullable(rollouts.get(id));
    }

    @Override
    public synchronized List<TrackedRollout> active() {
        return rollouts.values().stream().filter(t -> !t.rollout().state().isTerminal())
                .sorted(Comparator.comparing((TrackedRollout t) -> t.rollout().startedAt()))
                .toList();
    }

    @Override
    public synchronized List<TrackedRollout> recent(int limit) {
        List<TrackedRollout> finished = new ArrayList<>(rollouts.values().stream().filter(t -> t.rollout().state().isTerminal()).toList());
        finished.sort(Comparator.comparing((TrackedRollout t) -> t.rollout().tracking().ending().orElseThrow().at()).reversed());
        return finished.stream().limit(limit).toList();
    }

    @Override
    public synchronized List<TrackedRollout> claimLeases(String owner, Instant now, Duration leaseFor) {
        List<TrackedRollout> mine = new ArrayList<>();
        for (TrackedRollout tracked : active()) {
            Lease lease = leases.get(tracked.id());
            if (lease == null || !lease.until().isAfter(now) || lease.owner().equals(owner)) {
                leases.put(tracked.id(), new Lease(owner, now.plus(leaseFor)));
                mine.add(tracked);
            }
        }
        return mine;
    }

    @Override
    public synchronized void releaseLease(String id, String owner) {
        leases.computeIfPresent(id, (key, lease) -> lease.owner().equals(owner) ? null : lease);
    }
}
