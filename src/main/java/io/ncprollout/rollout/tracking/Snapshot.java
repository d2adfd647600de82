package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.cluster.NodeRole;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest picture of the cluster, merged across polls.
 *
 * @param clusterStatus the cluster status as NCP last sent it (empty text before the first poll)
 * @param nodes         every node with its progress
 * @param versionCode   the cluster's version code, when the operation tracks one
 * @param firstVersionCode the version code the first poll saw: the version before an upgrade, kept to say
 *                      "from … to …" when the cluster is at the target
 */
public record Snapshot(String clusterStatus, List<NodeProgress> nodes, Optional<String> versionCode, Optional<String> firstVersionCode) {
    public Snapshot {
        Objects.requireNonNull(clusterStatus, "clusterStatus == null");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(versionCode, "versionCode == null");
        Objects.requireNonNull(firstVersionCode, "firstVersionCode == null");
    }

    /** A snapshot whose first version is not known (the first poll's own, or one stored before it was kept). */
    public Snapshot(String clusterStatus, List<NodeProgress> nodes, Optional<String> versionCode) {
        this(clusterStatus, nodes, versionCode, Optional.empty());
    }

    /** The version before the operation: the first one seen, else the current one. */
    public Optional<String> versionBefore() {
        return firstVersionCode.or(() -> versionCode);
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
