package io.ncprollout.slack.render;

import io.ncprollout.rollout.ClusterPhase;
import io.ncprollout.rollout.NodeHealth;
import io.ncprollout.rollout.NodeObservation;
import io.ncprollout.rollout.NodeRole;
import io.ncprollout.rollout.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test builder (a copy of the rollout tests' Observations) of observations in NCP's own words: {@code kafka("running").broker("b-1", "green")}. */
final class SeenCluster {
    private final String clusterStatus;
    private final ClusterPhase phase;
    private final List<NodeObservation> nodes = new ArrayList<>();
    private boolean membersComplete = true;
    private Optional<String> version = Optional.empty();

    private SeenCluster(String clusterStatus, ClusterPhase phase) {
        this.clusterStatus = clusterStatus;
        this.phase = phase;
    }

    static SeenCluster cluster(String status) {
        ClusterPhase phase = switch (status) {
            case "running" -> ClusterPhase.RUNNING;
            case "changing" -> ClusterPhase.CHANGING;
            case "error" -> ClusterPhase.ERROR;
            default -> ClusterPhase.OTHER;
        };
        return new SeenCluster(status, phase);
    }

    SeenCluster broker(String name, String colour) {
        nodes.add(new NodeObservation(name, NodeRole.BROKER, colour, colour(colour)));
        return this;
    }

    SeenCluster zookeeper(String name, String colour) {
        nodes.add(new NodeObservation(name, NodeRole.ZOOKEEPER, colour, colour(colour)));
        return this;
    }

    SeenCluster cmak(String colour) {
        nodes.add(new NodeObservation("cmak", NodeRole.CMAK, colour, colour(colour)));
        return this;
    }

    SeenCluster data(String name, String status) {
        nodes.add(new NodeObservation(name, NodeRole.DATA, status, ses(status)));
        return this;
    }

    SeenCluster manager(String name, String status) {
        nodes.add(new NodeObservation(name, NodeRole.MANAGER, status, ses(status)));
        return this;
    }

    SeenCluster membersMissing() {
        membersComplete = false;
        return this;
    }

    SeenCluster version(String code) {
        version = Optional.of(code);
        return this;
    }

    Observation build() {
        return new Observation(clusterStatus, phase, nodes, membersComplete, version);
    }

    private static NodeHealth colour(String colour) {
        return switch (colour) {
            case "green" -> NodeHealth.HEALTHY;
            case "orange" -> NodeHealth.CHANGING;
            case "yellow" -> NodeHealth.DEGRADED;
            case "red" -> NodeHealth.FAILED;
            default -> NodeHealth.UNKNOWN;
        };
    }

    private static NodeHealth ses(String status) {
        return switch (status) {
            case "running" -> NodeHealth.HEALTHY;
            case "Upgrade_OpenSearch" -> NodeHealth.CHANGING;
            case "complete" -> NodeHealth.COMPLETE;
            default -> NodeHealth.UNKNOWN;
        };
    }
}
