package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Broker, ZooKeeper and CMAK health (ncp-api.md §4.4, §4.9, §4.12): returned by getClusterStatus and
 * by both progress checks. Colours are {@code green, yellow, orange, red, gray} or anything new.
 * Do not trust {@code brokerStatus} alone: NCP's own example shows it green while every node is orange.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdssClusterStatus(
        String clusterName,
        Integer brokerNodeTotalNumber,
        Integer brokerNumber,
        String brokerStatus,
        List<NodeProcessStatus> brokerStatusPerNode,
        Integer zookeeperTotalNumber,
        Integer zookeeperNumber,
        String zookeeperStatus,
        List<NodeProcessStatus> zookeeperStatusPerNode,
        String cmakStatus) {
    public CdssClusterStatus {
        brokerStatusPerNode = brokerStatusPerNode == null ? List.of() : List.copyOf(brokerStatusPerNode);
        zookeeperStatusPerNode = zookeeperStatusPerNode == null ? List.of() : List.copyOf(zookeeperStatusPerNode);
    }

    /** One node's process colour. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NodeProcessStatus(String hostname, String status) {}
}
