package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One SES cluster ({@code GET /cluster/getClusterInfo/{no}}, ncp-api.md §5.2). An upgrade is done
 * when {@code clusterStatus} is {@code running} and {@code searchEngineVersionCode} is the target.
 * {@code searchEnginePort} (a String, e.g. {@code "9200"}) and each node's {@code privateIp} say where the
 * OpenSearch REST API answers; either may be missing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SesClusterInfo(
        String serviceGroupInstanceNo,
        String clusterName,
        String clusterStatus,
        String searchEngineVersionCode,
        String searchEnginePort,
        Integer dataNodeCount,
        Integer managerNodeCount,
        Integer masterNodeCount,
        @JsonProperty("isMasterOnlyNodeActivated") Boolean isMasterOnlyNodeActivated,
        @JsonProperty("isDualManager") Boolean isDualManager,
        Long vpcNo,
        String createDate,
        List<ClusterNode> clusterNodeList) {
    public SesClusterInfo {
        clusterNodeList = clusterNodeList == null ? List.of() : List.copyOf(clusterNodeList);
    }

    /** One server of the cluster; {@code nodeType} tells manager, data and master apart. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClusterNode(
            String computeInstanceName, Long computeInstanceNo, String privateIp, String serverStatus,
            String nodeType, String subnet) {}
}
