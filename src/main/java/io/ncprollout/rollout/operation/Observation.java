package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.cluster.ClusterPhase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one poll of an operation saw, already translated from NCP's vocabulary by the gateway.
 *
 * @param clusterStatus   the cluster's status exactly as NCP sent it
 * @param clusterPhase    what the tracker makes of {@code clusterStatus}
 * @param nodes           the nodes the operation is about, in NCP's order
 * @param membersComplete false while NCP counts fewer running members than the cluster has
 *                        (CDSS {@code brokerNumber < brokerNodeTotalNumber}); always true where NCP gives no count
 * @param versionCode     the cluster's current version code, when the operation ends at a version
 */
public record Observation(
        String clusterStatus,
        ClusterPhase clusterPhase,
        List<NodeObservation> nodes,
        boolean membersComplete,
        Optional<String> versionCode) {

    public Observation {
        Objects.requireNonNull(clusterStatus, "clusterStatus == null");
        Objects.requireNonNull(clusterPhase, "clusterPhase == null");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(versionCode, "versionCode == null");
    }
}
