package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.cluster.NodeRole;
import java.util.Objects;

/**
 * One node as one poll saw it.
 *
 * @param name      the host name NCP reports
 * @param role      what the node is
 * @param rawStatus the status exactly as NCP sent it, for display
 * @param health    what the tracker makes of {@code rawStatus}
 */
public record NodeObservation(String name, NodeRole role, String rawStatus, NodeHealth health) {
    public NodeObservation {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(rawStatus, "rawStatus == null");
        Objects.requireNonNull(health, "health == null");
    }
}
