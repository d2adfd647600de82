package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One CDSS cluster ({@code POST /cluster/getClusterInfoList/{no}}, ncp-api.md §4.2): the current
 * {@code kafkaVersionCode} and {@code configGroupNo} before an upgrade, and {@code status}
 * ({@code creating, changing, running, deleting, error, return}) after one.
 *
 * <p>The response also carries {@code kafkaManagerUserPassword} (the CMAK password). It is dropped
 * on purpose: it must never be held, logged or shown.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdssClusterInfo(
        String clusterName,
        String kafkaVersionCode,
        Long configGroupNo,
        String status,
        Integer brokerNodeCount,
        String kafkaManagerUserName,
        String softwareProductCode,
        Long vpcNo,
        String brokerNodeProductCode,
        String managerNodeProductCode,
        Long brokerNodeStorageSize) {}
