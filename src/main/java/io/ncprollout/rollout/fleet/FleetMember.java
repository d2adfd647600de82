package io.ncprollout.rollout.fleet;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.tracking.RolloutState;
import java.util.Objects;
import java.util.Optional;

/**
 * One cluster of a fleet.
 *
 * @param cluster   the cluster
 * @param nodeCount its nodes, as listed when the plan was made (the smallest goes first)
 * @param status    where it is
 * @param rolloutId its operation's id, stored before the start is sent; empty while it waits or when skipped
 * @param skip      why it is skipped
 * @param ending    the state its operation ended in
 * @param attempts  starts tried that never reached NCP (the bot died while starting): retried up to a limit
 * @param targetVersion the version code this cluster is upgraded to (an upgrade fleet; each cluster's own code)
 * @param configGroupNo the Kafka config group of that version for this cluster
 */
public record FleetMember(ClusterRef cluster, int nodeCount, MemberStatus status, Optional<String> rolloutId, Optional<Skip> skip,
        Optional<RolloutState> ending, int attempts, Optional<String> targetVersion, Optional<String> configGroupNo) {
    public FleetMember {
        Objects.requireNonNull(targetVersion, "targetVersion == null");
        Objects.requireNonNull(configGroupNo, "configGroupNo == null");
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(rolloutId, "rolloutId == null");
        Objects.requireNonNull(skip, "skip == null");
        Objects.requireNonNull(ending, "ending == null");
    }

    /** A cluster that waits its turn. */
    public static FleetMember waiting(ClusterRef cluster, int nodeCount) {
        return new FleetMember(cluster, nodeCount, MemberStatus.WAITING, Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty());
    }

    /** This cluster, upgraded to {@code versionCode} with {@code configGroupNo} (Kafka). */
    public FleetMember toVersion(String versionCode, Optional<String> configGroup) {
        return new FleetMember(cluster, nodeCount, status, rolloutId, skip, ending, attempts, Optional.of(versionCode), configGroup);
    }

    /** A cluster the plan leaves out. */
    public static FleetMember skipped(ClusterRef cluster, int nodeCount, Skip skip) {
        return new FleetMember(cluster, nodeCount, MemberStatus.SKIPPED, Optional.empty(), Optional.of(skip), Optional.empty(), 0, Optional.empty(),
                Optional.empty());
    }

    FleetMember starting(String id) {
        return new FleetMember(cluster, nodeCount, MemberStatus.STARTING, Optional.of(id), Optional.empty(), Optional.empty(), attempts, targetVersion, configGroupNo);
    }

    FleetMember running() {
        return new FleetMember(cluster, nodeCount, MemberStatus.RUNNING, rolloutId, Optional.empty(), Optional.empty(), attempts, targetVersion, configGroupNo);
    }

    FleetMember ended(RolloutState state) {
        MemberStatus next = state == RolloutState.COMPLETED ? MemberStatus.DONE : MemberStatus.FAILED;
        return new FleetMember(cluster, nodeCount, next, rolloutId, Optional.empty(), Optional.of(state), attempts, targetVersion, configGroupNo);
    }

    FleetMember skippedNow(Skip why) {
        return new FleetMember(cluster, nodeCount, MemberStatus.SKIPPED, rolloutId, Optional.of(why), Optional.empty(), attempts, targetVersion, configGroupNo);
    }

    /** Back to waiting after a start that never reached NCP, counting the attempt. */
    FleetMember retry() {
        return new FleetMember(cluster, nodeCount, MemberStatus.WAITING, Optional.empty(), Optional.empty(), Optional.empty(), attempts + 1, targetVersion, configGroupNo);
    }

    /** Marked for a wave that was paused before its start: waiting again, for the wave after Resume. */
    FleetMember unmarked() {
        return new FleetMember(cluster, nodeCount, MemberStatus.WAITING, Optional.empty(), Optional.empty(), Optional.empty(), attempts, targetVersion,
                configGroupNo);
    }

    FleetMember notStarted() {
        return new FleetMember(cluster, nodeCount, MemberStatus.NOT_STARTED, Optional.empty(), Optional.empty(), Optional.empty(), attempts, targetVersion, configGroupNo);
    }
}
