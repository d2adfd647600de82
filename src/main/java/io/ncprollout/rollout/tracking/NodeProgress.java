package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.NodeObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's progress through an operation.
 *
 * @param name       the host name
 * @param role       what the node is
 * @param rawStatus  the latest status exactly as NCP sent it
 * @param health     what the tracker made of {@code rawStatus}
 * @param phase      where the node is in the operation
 * @param startedAt  when it was first seen changing, if it was
 * @param finishedAt when it was seen back (or failed), if it was
 */
public record NodeProgress(
        String name,
        NodeRole role,
        String rawStatus,
        NodeHealth health,
        NodePhase phase,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt) {

    public NodeProgress {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(rawStatus, "rawStatus == null");
        Objects.requireNonNull(health, "health == null");
        Objects.requireNonNull(phase, "phase == null");
        Objects.requireNonNull(startedAt, "startedAt == null");
        Objects.requireNonNull(finishedAt, "finishedAt == null");
    }

    /** A node not yet seen changing. */
    static NodeProgress waiting(NodeObservation seen) {
        return new NodeProgress(seen.name(), seen.role(), seen.rawStatus(), seen.health(), NodePhase.WAITING,
                Optional.empty(), Optional.empty());
    }

    /** How long the node has been (or was) in the operation at {@code now}; empty if it never started. */
    public Optional<Duration> elapsed(Instant now) {
        return startedAt.map(start -> Duration.between(start, finishedAt.orElse(now)));
    }

    boolean sameNode(NodeObservation seen) {
        return name.equals(seen.name()) && role == seen.role();
    }
}
