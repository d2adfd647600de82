package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A cluster the caller may see but not manage ({@code result.disallowedClusters[]}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisallowedCluster(String clusterName, String serviceGroupInstanceNo) {}
