package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The node list of a CDSS or SES cluster ({@code GET /cluster/getClusterNodeList/{no}}, ncp-api.md
 * §4.3 and §5.3). {@code regionNo} is the documented source of the region number SES upgrades need.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterNodeList(
        Long contractNo,
        CreatedDate createdDate,
        String productCode,
        Integer regionNo,
        String serviceGroupInstanceNo,
        String serviceGroupInstanceTypeCode,
        String serviceGroupName,
        String statusCode,
        Long vpcNo,
        List<ComputeNode> computeList) {
    public ClusterNodeList {
        computeList = computeList == null ? List.of() : List.copyOf(computeList);
    }

    /** When the cluster was created, in NCP's three renderings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreatedDate(String formattedDate, String formattedDateTime, Long utc) {}

    /** One server of the cluster. Note that {@code regionNo} is a string here, unlike the parent's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComputeNode(
            Long computeInstanceNo,
            String computeInstanceProductCode,
            String computeInstanceStatus,
            String hostName,
            String nodeRoleCode,
            String privateIp,
            String regionNo,
            String subnetName,
            String zoneName) {}
}
