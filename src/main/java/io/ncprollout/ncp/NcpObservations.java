package io.ncprollout.ncp;

import io.ncprollout.ncp.dto.CdssClusterInfo;
import io.ncprollout.ncp.dto.CdssClusterStatus;
import io.ncprollout.ncp.dto.SesClusterInfo;
import io.ncprollout.ncp.dto.SesUpgradeProgress;
import io.ncprollout.rollout.cluster.ClusterPhase;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure: translates NCP's answers into the tracker's {@link Observation}. Every status is kept verbatim beside
 * its meaning; a value the docs do not list becomes {@link NodeHealth#UNKNOWN} or {@link ClusterPhase#OTHER},
 * never an error.
 *
 * <pre>
 * node status (CDSS colour / SES)              health       cluster status                       phase
 * green, running                               HEALTHY      running                              RUNNING
 * orange, Upgrade_OpenSearch                   CHANGING     changing, creating, working          CHANGING
 * yellow                                       DEGRADED     error                                ERROR
 * red; anything containing "error" or "fail"   FAILED       anything else                        OTHER
 * complete                                     COMPLETE
 * gray, missing, anything else                 UNKNOWN
 * </pre>
 */
final class NcpObservations {
    static final String MISSING = "unknown";

    private NcpObservations() {
    }

    /** Brokers and ZooKeeper nodes of a CDSS status or progress answer, with the cluster's status and version. */
    static Observation kafka(CdssClusterStatus status, CdssClusterInfo info, boolean withVersion) {
        List<NodeObservation> nodes = new ArrayList<>();
        status.brokerStatusPerNode().forEach(n -> nodes.add(node(n.hostname(), NodeRole.BROKER, n.status())));
        status.zookeeperStatusPerNode().forEach(n -> nodes.add(node(n.hostname(), NodeRole.ZOOKEEPER, n.status())));
        boolean members = Objects.equals(status.brokerNumber(), status.brokerNodeTotalNumber())
                && Objects.equals(status.zookeeperNumber(), status.zookeeperTotalNumber());
        String clusterStatus = verbatim(info.status());
        return new Observation(clusterStatus, phase(clusterStatus), nodes, members,
                withVersion ? Optional.ofNullable(info.kafkaVersionCode()) : Optional.empty());
    }

    /** The CMAK process as a single node. */
    static Observation cmak(CdssClusterStatus status, CdssClusterInfo info) {
        String clusterStatus = verbatim(info.status());
        String name = (status.clusterName() == null ? "cluster" : status.clusterName()) + " CMAK";
        return new Observation(clusterStatus, phase(clusterStatus), List.of(node(name, NodeRole.CMAK, status.cmakStatus())), true,
                Optional.empty());
    }

    /** Manager and data nodes of an SES upgrade, with the cluster's status and current version. */
    static Observation openSearch(SesUpgradeProgress progress, SesClusterInfo info) {
        List<NodeObservation> nodes = progress.nodeStatusVoList().stream()
                .map(n -> node(n.hostname(), sesRole(n.nodeRoleCode()), n.status()))
                .toList();
        String clusterStatus = verbatim(info.clusterStatus());
        return new Observation(clusterStatus, phase(clusterStatus), nodes, true, Optional.ofNullable(info.searchEngineVersionCode()));
    }

    /** The nodes of an SES cluster as getClusterInfo lists them (before any upgrade). */
    static Observation openSearch(SesClusterInfo info) {
        List<NodeObservation> nodes = info.clusterNodeList().stream()
                .map(n -> node(n.computeInstanceName(), sesRole(n.nodeType()), n.serverStatus()))
                .toList();
        String clusterStatus = verbatim(info.clusterStatus());
        return new Observation(clusterStatus, phase(clusterStatus), nodes, true, Optional.ofNullable(info.searchEngineVersionCode()));
    }

    static NodeObservation node(String hostname, NodeRole role, String status) {
        String raw = verbatim(status);
        return new NodeObservation(hostname == null || hostname.isBlank() ? "(unnamed)" : hostname, role, raw, health(raw));
    }

    static NodeHealth health(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "green", "running" -> NodeHealth.HEALTHY;
            case "orange", "upgrade_opensearch" -> NodeHealth.CHANGING;
            case "yellow" -> NodeHealth.DEGRADED;
            case "red" -> NodeHealth.FAILED;
            case "complete" -> NodeHealth.COMPLETE;
            default -> s.contains("error") || s.contains("fail") ? NodeHealth.FAILED : NodeHealth.UNKNOWN;
        };
    }

    static ClusterPhase phase(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "running" -> ClusterPhase.RUNNING;
            case "changing", "creating", "working" -> ClusterPhase.CHANGING;
            case "error" -> ClusterPhase.ERROR;
            default -> ClusterPhase.OTHER;
        };
    }

    static NodeRole sesRole(String code) {
        if (code == null) {
            return NodeRole.OTHER;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "M", "MANAGER" -> NodeRole.MANAGER;
            case "D", "DATA" -> NodeRole.DATA;
            default -> NodeRole.OTHER;
        };
    }

    private static String verbatim(String value) {
        return value == null || value.isBlank() ? MISSING : value;
    }
}
