package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Progress of an SES rolling upgrade ({@code POST /cluster/getRollingUpgradeProgress}, ncp-api.md
 * §5.7). Node statuses seen so far: {@code running}, {@code Upgrade_OpenSearch}, {@code complete};
 * others pass through verbatim. Manager nodes may stay {@code running} after the upgrade, so do not
 * decide completion from this alone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SesUpgradeProgress(String name, Integer nodeCount, VersionVo versionVo, List<NodeStatus> nodeStatusVoList) {
    public SesUpgradeProgress {
        nodeStatusVoList = nodeStatusVoList == null ? List.of() : List.copyOf(nodeStatusVoList);
    }

    /** Versions before and after, and when the upgrade was requested ({@code yyyy-MM-dd HH:mm:ss}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VersionVo(String currentVersionCode, String targetVersionCode, String actionDate) {}

    /** One node; {@code nodeRoleCode} is {@code M} (manager) or {@code D} (data). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NodeStatus(String hostname, String status, String nodeRoleCode, String updatedDate) {}
}
