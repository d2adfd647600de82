package io.ncprollout.testing;

import io.ncprollout.rollout.cluster.ClusterPhase;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test builder of observations in NCP's own words: {@code kafka("running").broker("b-1", "green")}. */
public final class Observations {
    private final String clusterStatus;
    private final ClusterPhase phase;
    private final List<NodeObservation> nodes = new ArrayList<>();
    private boolean membersComplete = true;
    private Optional<String> version = Optional.empty();

    private Observations(String clusterStatus, ClusterPhase phase) {
        this.clusterStatus = clusterStatus;
        this.phase = phase;
    }

    public static Observations cluster(String status) {
        ClusterPhase phase = switch (status) {
            case "running" -> ClusterPhase.RUNNING;
            case "changing" -> ClusterPhase.CHANGING;
            case "error" -> ClusterPhase.ERROR;
            default -> ClusterPhase.OTHER;
        };
        return new Observations(status, phase);
    }

    public Observations broker(String name, String colour) {
        nodes.add(new NodeObservation(name, NodeRole.BROKER, colour, colour(colour)));
        return this;
    }

    public Observations zookeeper(String name, String colour) {
        nodes.add(new NodeObservation(name, NodeRole.ZOOKEEPER, colour, colour(colour)));
        return this;
    }

    public Observations cmak(String colour) {
        nodes.add(new NodeObservation("cmak", NodeRole.CMAK, colour, colour(colour)));
        return this;
    }

    public Observations data(String name, String status) {
        nodes.add(new NodeObservation(name, NodeRole.DATA, status, ses(status)));
        return this;
    }

    public Observations manager(String name, String status) {
        nodes.add(new NodeObservation(name, NodeRole.MANAGER, status, ses(status)));
        return this;
    }

    public Observations membersMissing() {
        membersComplete = false;
        return this;
    }

    public Observations version(String code) {
        version = Optional.of(code);
        return this;
    }

    public Observation build() {
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
