package io.ncprollout.ncp;

import io.ncprollout.ncp.dto.CdssBrokerInfo;
import io.ncprollout.ncp.dto.SesClusterInfo;
import io.ncprollout.rollout.operation.DataEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure: where a cluster's data plane answers, from what NCP lists. Kafka: {@code getBrokerInfo}'s plaintext and TLS
 * listeners. OpenSearch: {@code privateIp:searchEnginePort} of every node {@code getClusterInfo} lists with an IP,
 * manager nodes first (when {@code nodeType} says so), then the others in NCP's order; the same list for plaintext and
 * TLS, as OpenSearch serves its one port either way.
 */
final class DataPlanes {
    /** OpenSearch's default REST port, used when {@code getClusterInfo} leaves {@code searchEnginePort} out. */
    static final String DEFAULT_SEARCH_PORT = "9200";

    private DataPlanes() {
    }

    static DataEndpoints kafka(CdssBrokerInfo info) {
        List<String> plaintext = info.plaintextBrokers();
        List<String> tls = info.tlsBrokers();
        return new DataEndpoints(plaintext, tls, Math.max(plaintext.size(), tls.size()));
    }

    static DataEndpoints openSearch(SesClusterInfo info) {
        String port = info.searchEnginePort() == null || info.searchEnginePort().isBlank() ? DEFAULT_SEARCH_PORT : info.searchEnginePort().trim();
        List<String> managers = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (SesClusterInfo.ClusterNode node : info.clusterNodeList()) {
            if (node == null || node.privateIp() == null || node.privateIp().isBlank()) {
                continue;
            }
            String endpoint = node.privateIp().trim() + ":" + port;
            (isManager(node) ? managers : others).add(endpoint);
        }
        List<String> all = new ArrayList<>(managers);
        all.addAll(others);
        int counted = orZero(info.dataNodeCount()) + orZero(info.managerNodeCount()) + orZero(info.masterNodeCount());
        int expected = info.clusterNodeList().isEmpty() ? counted : info.clusterNodeList().size();
        return new DataEndpoints(all, all, expected);
    }

    /** {@code MANAGER}, {@code Manager} or {@code M} (the node list's code); anything else is not a manager. */
    private static boolean isManager(SesClusterInfo.ClusterNode node) {
        String type = node.nodeType() == null ? "" : node.nodeType().trim().toUpperCase(Locale.ROOT);
        return type.equals("M") || type.startsWith("MANAGER");
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
