package io.ncprollout.store;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.audit.AuditLog;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.LeasedRollout;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RolloutStore} in memory: one JVM, lost on restart. Claims, leases and compare-and-set writes are atomic
 * within the JVM (every method synchronises on the store); the outbox and the audit records of its changes go to
 * {@link #outbox()} and the given audit log. Used by tests and the local shell; {@link JdbcRolloutStore} is the
 * persistent one.
 */
public final class InMemoryRolloutStore implements RolloutStore {
    private final Map<String, TrackedRollout> rollouts = new LinkedHashMap<>();
    private final Map<String, Held> leases = new HashMap<>();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final AuditLog audit;

    /** A row's lease; {@code owner} is null once released. */
    private record Held(@Nullable String owner, long epoch, Instant until) {
        Lease lease() {
            return new Lease(Objects.requireNonNull(owner, "released lease"), epoch);
        }
    }

    /** A store whose changes' audit records go to {@code audit}. */
    public InMemoryRolloutStore(AuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit == null");
    }

    /** A store whose audit records are kept in a log of its own. */
    public InMemoryRolloutStore() {
        this(new InMemoryAuditLog());
    }

    /** The outbox its commits write to. */
    public InMemoryOutbox outbox() {
        return outbox;
    }

    @Override
    public synchronized void receive(TrackedRollout received, String owner, Instant now, Duration leaseFor) {
        if (rollouts.containsKey(received.id())) {
            throw new IllegalStateException("rollout id " + received.id() + " is taken");
        }
        rollouts.put(received.id(), received);
        leases.put(received.id(), new Held(owner, Lease.FIRST_EPOCH, now.plus(leaseFor)));
    }

    @Override
    public synchronized Optional<TrackedRollout> claim(TrackedRollout rollout, String owner, Instant now, Duration leaseFor) {
        TrackedRollout sameId = rollouts.get(rollout.id());
        if (sameId != null) {
            if (sameId.rollout().state().isTerminal()) {
                throw new IllegalStateException("rollout id " + rollout.id() + " was already used by a finished rollout");
            }
            if (sameId.phase() != StartPhase.RECEIVED) {
                return Optional.of(sameId);
            }
            Held held = leases.get(rollout.id());
            if (held == null || !owner.equals(held.owner())) {
                throw new IllegalStateException("request " + rollout.id() + " was taken over by another replica");
            }
        }
        ClusterRef cluster = rollout.rollout().request().cluster();
        Optional<TrackedRollout> holder = active().stream()
                .filter(t -> t.rollout().request().cluster().isSameCluster(cluster))
                .findFirst();
        if (holder.isEmpty()) {
            rollouts.remove(rollout.id()); // the received request becomes the claim: it moves to the end, as an insert would
            rollouts.put(rollout.id(), rollout);
            leases.put(rollout.id(), new Held(owner, Lease.FIRST_EPOCH, now.plus(leaseFor)));
        }
        return holder;
    }

    @Override
    public synchronized void dismiss(String id, String owner) {
        TrackedRollout current = rollouts.get(id);
        Held held = leases.get(id);
        if (current != null && current.phase() == StartPhase.RECEIVED && !current.rollout().state().isTerminal()
                && held != null && owner.equals(held.owner())) {
            rollouts.remove(id);
            leases.remove(id);
        }
    }

    @Override
    public synchronized boolean commit(Change change) {
        TrackedRollout current = rollouts.get(change.next().id());
        Held held = leases.get(change.next().id());
        if (current == null || current.rollout().state().isTerminal() || held == null || held.owner() == null
                || !held.lease().equals(change.lease())) {
            return false;
        }
        rollouts.put(current.id(), change.next());
        outbox.add(current.id(), change.notices(), change.at());
        change.audit().ifPresent(audit::record);
        return true;
    }

    @Override
    public synchronized boolean abandon(TrackedRollout next, List<Notice> notices, AuditEvent event) {
        TrackedRollout current = rollouts.get(next.id());
        if (current == null || current.rollout().state().isTerminal()) {
            return false;
        }
        rollouts.put(next.id(), new TrackedRollout(next.rollout(), current.thread(), current.phase())); // state only, as the JDBC store
        leases.computeIfPresent(next.id(), (id, held) -> new Held(held.owner(), held.epoch() + 1, held.until()));
        outbox.add(next.id(), notices, event.at());
        audit.record(event);
        return true;
    }

    @Override
    public synchronized void release(String id, Lease lease) {
        Held held = leases.get(id);
        TrackedRollout current = rollouts.get(id);
        if (held != null && held.owner() != null && held.lease().equals(lease) && current != null && !current.rollout().state().isTerminal()) {
            rollouts.remove(id);
            leases.remove(id);
        }
    }

    @Override
    public synchronized Optional<TrackedRollout> find(String id) {
        return Optional.ofNullable(rollouts.get(id));
    }

    @Override
    public synchronized List<TrackedRollout> active() {
        return unfinished().stream().filter(t -> t.phase() != StartPhase.RECEIVED).toList();
    }

    /** Every unfinished row, received requests included: what leases cover. */
    private List<TrackedRollout> unfinished() {
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
    public synchronized List<LeasedRollout> claimLeases(String owner, Instant now, Duration leaseFor) {
        for (TrackedRollout tracked : unfinished()) {
            Held held = leases.get(tracked.id());
            if (held == null || held.owner() == null || !held.until().isAfter(now)) {
                long epoch = held == null ? Lease.FIRST_EPOCH : held.epoch() + (owner.equals(held.owner()) ? 0 : 1);
                leases.put(tracked.id(), new Held(owner, epoch, now.plus(leaseFor)));
            } else if (held.owner().equals(owner)) {
                leases.put(tracked.id(), new Held(owner, held.epoch(), now.plus(leaseFor)));
            }
        }
        return leasedTo(owner);
    }

    @Override
    public synchronized int renewLeases(String owner, Instant now, Duration leaseFor) {
        int renewed = 0;
        for (TrackedRollout tracked : unfinished()) {
            Held held = leases.get(tracked.id());
            if (held != null && owner.equals(held.owner())) {
                leases.put(tracked.id(), new Held(owner, held.epoch(), now.plus(leaseFor)));
                renewed++;
            }
        }
        return renewed;
    }

    @Override
    public synchronized List<LeasedRollout> takeOver(String owner, TakeOver scope, Instant now, Duration leaseFor) {
        if (scope == TakeOver.ALL) {
            outbox.releaseHolds();
        }
        for (TrackedRollout tracked : unfinished()) {
            Held held = leases.get(tracked.id());
            boolean sameInstance = held != null && held.owner() != null && !TakeOver.instancePrefix(owner).isEmpty()
                    && held.owner().startsWith(TakeOver.instancePrefix(owner));
            if (scope == TakeOver.ALL || sameInstance) {
                long epoch = held == null ? Lease.FIRST_EPOCH : held.epoch() + 1;
                leases.put(tracked.id(), new Held(owner, epoch, now.plus(leaseFor)));
            }
        }
        return leasedTo(owner);
    }

    @Override
    public synchronized void releaseLeases(String owner) {
        for (TrackedRollout tracked : unfinished()) {
            Held held = leases.get(tracked.id());
            if (held != null && owner.equals(held.owner())) {
                leases.put(tracked.id(), new Held(null, held.epoch(), Instant.MIN));
            }
        }
    }

    private List<LeasedRollout> leasedTo(String owner) {
        List<LeasedRollout> held = new ArrayList<>();
        for (TrackedRollout t : unfinished()) {
            Held lease = leases.get(t.id());
            if (lease != null && owner.equals(lease.owner())) {
                held.add(new LeasedRollout(t, lease.lease()));
            }
        }
        return held;
    }
}
