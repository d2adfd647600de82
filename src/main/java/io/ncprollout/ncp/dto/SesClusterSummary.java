package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One SES cluster in a list page (ncp-api.md §5.1). {@code clusterStatus} is one of
 * {@code creating, changing, working, running, deleting, return} or anything NCP adds later.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SesClusterSummary(
        String serviceGroupInstanceNo,
        String clusterName,
        String clusterStatus,
        String searchEngineStatus,
        String searchEngineVersion,
        Integer dataNodeCount,
        Integer managerNodeCount,
        Integer masterNodeCount,
        @JsonProperty("isMasterOnlyNodeActivated") Boolean isMasterOnlyNodeActivated,
        @JsonProperty("isDualManager") Boolean isDualManager,
        String vpcName,
        String createDate) {}
