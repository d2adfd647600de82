package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One CDSS cluster in a list page (ncp-api.md §4.1). {@code serverStatus} is one of
 * {@code creating, changing, running, error, deleting, return} or anything NCP adds later.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdssClusterSummary(
        String serviceGroupInstanceNo,
        String clusterName,
        String kafkaVersion,
        String applicationVersion,
        String cmakVersion,
        String serverStatus,
        Integer brokerNodeCount,
        Integer managerNodeCount,
        String brokerNodeType,
        String vpcName,
        String createDate) {}
