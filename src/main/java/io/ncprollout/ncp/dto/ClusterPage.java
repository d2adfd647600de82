package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of {@code getClusterInfoList}: CDSS's {@code POST} (ncp-api.md §4.1, summaries {@link CdssClusterSummary}) and
 * SES's {@code GET} (§5.1, summaries {@link SesClusterSummary}) wrap their summaries in the same page.
 *
 * @param <S> the service's cluster summary
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterPage<S>(
        Integer currentPage,
        @JsonProperty("isFirst") Boolean isFirst,
        @JsonProperty("isLast") Boolean isLast,
        Integer pageSize,
        Integer totalCount,
        Integer totalPage,
        List<S> allowedClusters,
        List<DisallowedCluster> disallowedClusters) {
    public ClusterPage {
        allowedClusters = allowedClusters == null ? List.of() : List.copyOf(allowedClusters);
        disallowedClusters = disallowedClusters == null ? List.of() : List.copyOf(disallowedClusters);
    }
}
