package io.ncprollout.rollout.cluster;

import java.util.Objects;

/**
 * One line of a cluster list.
 *
 * @param cluster   the cluster
 * @param status    its status as the platform reports it, verbatim
 * @param version   its engine version as the platform names it (e.g. "Kafka 3.7.1"), verbatim
 * @param nodeCount how many nodes it has (brokers, or data nodes plus managers)
 */
public record ClusterSummary(ClusterRef cluster, String status, String version, int nodeCount) {
    public ClusterSummary {
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(version, "version == null");
    }
}
