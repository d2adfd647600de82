package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of SES {@code GET /cluster/getClusterInfoList} (ncp-api.md §5.1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SesClusterPage(
        Integer currentPage,
        @JsonProperty("isFirst") Boolean isFirst,
        @JsonProperty("isLast") Boolean isLast,
        Integer pageSize,
        Integer totalCount,
        Integer totalPage,
        List<SesClusterSummary> allowedClusters,
        List<DisallowedCluster> disallowedClusters) {
    public SesClusterPage {
        allowedClusters = allowedClusters == null ? List.of() : List.copyOf(allowedClusters);
        disallowedClusters = disallowedClusters == null ? List.of() : List.copyOf(disallowedClusters);
    }
}
