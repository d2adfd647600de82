package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.cluster.ClusterRef;
import java.util.Objects;
import java.util.Optional;

/**
 * An operation on a cluster, as prechecked and started: what to do, where, and to which version.
 *
 * @param kind          the operation
 * @param cluster       the cluster it runs on
 * @param targetVersion the version code the cluster must reach, for versioned operations
 * @param configGroupNo the config group chosen for a Kafka upgrade
 */
public record OperationTarget(OperationKind kind, ClusterRef cluster, Optional<String> targetVersion, Optional<String> configGroupNo) {
    public OperationTarget {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(targetVersion, "targetVersion == null");
        Objects.requireNonNull(configGroupNo, "configGroupNo == null");
        if (kind.product() != cluster.product()) {
            throw new IllegalArgumentException(kind + " does not apply to a " + cluster.product() + " cluster");
        }
        if (kind.isVersioned() && targetVersion.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs a target version");
        }
        if (kind.needsConfigGroup() && configGroupNo.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs a config group");
        }
    }

    /** An operation without a version: a restart. */
    public static OperationTarget of(OperationKind kind, ClusterRef cluster) {
        return new OperationTarget(kind, cluster, Optional.empty(), Optional.empty());
    }
}
