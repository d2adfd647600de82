package io.ncprollout.rollout.tracking;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This bot process among the replicas that share a store: its id in the leases, how long a lease lasts, and the
 * starts it is running right now (their rows are leased to it, and the poller leaves them to the start).
 *
 * <p>The heartbeat renews the leases every quarter lease, independently of how long a poll takes (as long as the poll
 * thread shows life); a poll's NCP reads are bounded by {@link #pollBudget()}, half a lease, so a poll never turns
 * into a minutes-long retry chain.
 */
public final class Replica {
    /** The lease when nothing else is configured ({@code ROLLOUT_LEASE}). */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(20);

    private final String id;
    private final Duration leaseFor;
    private final RolloutStore.TakeOver takeOver;
    private final Map<String, Integer> starting = new ConcurrentHashMap<>();

    /**
     * @param id       the id in the leases: a stable id (a StatefulSet pod name) takes its own leases back at once
     *                 after a restart; a random one leaves them to run out
     * @param leaseFor how long a lease holds without a heartbeat
     * @param takeOver what it takes over at startup: everything on a store it has to itself
     */
    /**
     * The id this process holds leases under: {@code <instance>#<boot>} with a stable {@code INSTANCE_ID}, so that a
     * restarted instance takes its own operations back at once while the boot part fences any process of the same
     * instance still alive (a zombie of a force-deleted pod); without one, {@code <host>-<boot>}: a new process is a
     * new replica, and the leases of the one before run out.
     */
    public static String ownerId(Optional<String> instanceId, String host, String boot) {
        return instanceId.map(id -> id + "#" + boot).orElseGet(() -> host + "-" + boot);
    }

    public Replica(String id, Duration leaseFor, RolloutStore.TakeOver takeOver) {
        this.id = Objects.requireNonNull(id, "id == null");
        this.leaseFor = Objects.requireNonNull(leaseFor, "leaseFor == null");
        this.takeOver = Objects.requireNonNull(takeOver, "takeOver == null");
        if (leaseFor.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("leaseFor must be at least 1 s: " + leaseFor);
        }
    }

    public String id() {
        return id;
    }

    public Duration leaseFor() {
        return leaseFor;
    }

    public RolloutStore.TakeOver takeOver() {
        return takeOver;
    }

    /** How often the heartbeat renews the leases: four times a lease. */
    public Duration heartbeatEvery() {
        return leaseFor.dividedBy(4);
    }

    /** The longest a poll may wait for NCP: half a lease. */
    public Duration pollBudget() {
        return leaseFor.dividedBy(2);
    }

    /** True while this process is starting the rollout: its journal phase is the start's to move. */
    public boolean isStarting(String rolloutId) {
        return starting.containsKey(rolloutId);
    }

    /** Marks the rollout as worked on here (counted: a received request and its start may overlap). */
    public void startBegins(String rolloutId) {
        starting.merge(rolloutId, 1, Integer::sum);
    }

    public void startEnds(String rolloutId) {
        starting.computeIfPresent(rolloutId, (id, n) -> n == 1 ? null : n - 1);
    }
}
