package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code POST /cluster/getClusterInfoList} (ncp-api.md §4.1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdssClusterPage(
        Integer currentPage,
        @JsonProperty("isFirst") Boolean isFirst,
        @JsonProperty("isLast") Boolean isLast,
        Integer pageSize,
        Integer totalCount,
        Integer totalPage,
        List<CdssClusterSummary> allowedClusters,
        List<DisallowedCluster> disallowedClusters) {
    public CdssClusterPage {
        allowedClusters = allowedClusters == null ? List.of() : List.copyOf(allowedClusters);
        disallowedClusters = disallowedClusters == null ? List.of() : List.copyOf(disallowedClusters);
    }
}
