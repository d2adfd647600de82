package io.ncprollout.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test builder of observations in NCP's own words: {@code kafka("running").broker("b-1", "green")}. */
final class Observations {
    private final String clusterStatus;
    private final ClusterPhase phase;
    private final List<NodeObservation> nodes = new ArrayList<>();
    private boolean membersComplete = true;
    private Optional<String> version = Optional.empty();

    private Observations(String clusterStatus, ClusterPhase phase) {
        this.clusterStatus = clusterStatus;
        this.phase = phase;
    }

    static Observations cluster(String status) {
        ClusterPhase phase = switch (status) {
            case "running" -> ClusterPhase.RUNNING;
            case "changing" -> ClusterPhase.CHANGING;
            case "error" -> ClusterPhase.ERROR;
            default -> ClusterPhase.OTHER;
        };
        return new Observations(status, phase);
    }

    Observations broker(String name, String colour) {
        nodes.add(new NodeObservation(name, NodeRole.BROKER, colour, colour(colour)));
        return this;
    }

    Observations cmak(String colour) {
        nodes.add(new NodeObservation("cmak", NodeRole.CMAK, colour, colour(colour)));
        return this;
    }

    Observations data(String name, String status) {
        nodes.add(new NodeObservation(name, NodeRole.DATA, status, ses(status)));
        return this;
    }

    Observations manager(String name, String status) {
        nodes.add(new NodeObservation(name, NodeRole.MANAGER, status, ses(status)));
        return this;
    }

    Observations membersMissing() {
        membersComplete = false;
        return this;
    }

    Observations version(String code) {
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
