package io.ncprollout.rollout;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest picture of the cluster, merged across polls.
 *
 * @param clusterStatus the cluster status as NCP last sent it (empty text before the first poll)
 * @param nodes         every node with its progress
 * @param versionCode   the cluster's version code, when the operation tracks one
 */
public record Snapshot(String clusterStatus, List<NodeProgress> nodes, Optional<String> versionCode) {
    public Snapshot {
        Objects.requireNonNull(clusterStatus, "clusterStatus == null");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(versionCode, "versionCode == null");
    }

    static Snapshot empty() {
        return new Snapshot("", List.of(), Optional.empty());
    }

    /** Nodes of {@code role} in the given phase. */
    public long count(NodeRole role, NodePhase phase) {
        return nodes.stream().filter(n -> n.role() == role && n.phase() == phase).count();
    }

    /** All nodes of {@code role}. */
    public long count(NodeRole role) {
        return nodes.stream().filter(n -> n.role() == role).count();
    }
}
