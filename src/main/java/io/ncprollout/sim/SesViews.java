package io.ncprollout.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Pure: SES result objects (ncp-api.md §5). Everything is a String except what the docs type
 * otherwise: {@code vpcNo} and {@code nodeCount} Integers, {@code is…} flags Booleans.
 *
 * <p>Upgrade progress ({@link #progress}): data nodes go one at a time {@code running} →
 * {@code Upgrade_OpenSearch} → {@code complete}; a node that failed shows {@code error} (INFERRED,
 * undocumented). Manager nodes stay {@code running} throughout, as in the documented example, so a
 * client cannot use "every node complete" as the done signal. {@code updatedDate}: the node's last
 * change (its turn start while upgrading, its turn end when complete, the cluster creation before).
 * After an upgrade the call keeps showing it; before any, it shows current = target = the current version.
 */
final class SesViews {
    private SesViews() {
    }

    static ObjectNode listItem(ClusterSnapshot cluster) {
        ClusterSpec spec = cluster.spec();
        ObjectNode item = GatewayHandler.JSON.createObjectNode();
        item.put("clusterName", spec.name());
        item.put("clusterStatus", cluster.status());
        item.put("createDate", Topology.CREATE_DATE.format(cluster.createdAt()));
        item.put("dataNodeCount", String.valueOf(spec.nodeCount()));
        item.put("dataNodeProductName", "vCPU 4EA, Memory 16GB");
        item.put("dataNodeSubnetName", Topology.subnetName(spec));
        item.put("dataNodeSubnetNo", String.valueOf(Topology.subnetNo(spec)));
        item.put("dataNodeType", "STAND");
        item.put("dataStorageVolumeSize", "100");
        item.put("isDualManager", spec.managerCount() == 2);
        item.put("isMasterOnlyNodeActivated", false);
        item.put("isPluginInstalled", false);
        item.put("loginKeyName", spec.name() + "-key");
        item.put("managerNodeCount", String.valueOf(spec.managerCount()));
        item.put("managerNodeSubnetName", Topology.subnetName(spec));
        item.put("managerNodeSubnetNo", String.valueOf(Topology.subnetNo(spec)));
        item.put("managerNodeType", "STAND");
        item.put("memberNo", "2800001");
        item.put("searchEngineDashboardPort", "5601");
        item.put("searchEnginePort", "9200");
        item.put("searchEngineStatus", cluster.status());
        item.put("searchEngineUserName", "admin");
        item.put("searchEngineVersion", Catalog.engineVersion(cluster.versionCode()).orElseThrow().versionName());
        item.put("serviceGroupInstanceNo", String.valueOf(spec.number()));
        item.put("softwareProductName", "Rocky Linux 8.10");
        item.put("vpcName", Topology.vpcName(spec.region()));
        item.put("vpcNo", Topology.vpcNo(spec.region()));
        return item;
    }

    static ObjectNode clusterInfo(ClusterSnapshot cluster) {
        ClusterSpec spec = cluster.spec();
        ObjectNode info = GatewayHandler.JSON.createObjectNode();
        info.put("clusterName", spec.name());
        info.put("clusterStatus", cluster.status());
        info.put("createDate", Topology.CREATE_DATE.format(cluster.createdAt()));
        info.put("serviceGroupInstanceNo", String.valueOf(spec.number()));
        info.put("vpcNo", Topology.vpcNo(spec.region()));
        info.put("softwareProductCode", "SW.VSES.OS.LNX64.ROCKY.0810.B050");
        info.put("searchEngineVersionCode", cluster.versionCode());
        info.put("searchEngineUserName", "admin");
        info.put("searchEnginePort", "9200");
        info.put("searchEngineDashboardPort", "5601");
        info.put("isDualManager", spec.managerCount() == 2);
        info.put("dataNodeCount", String.valueOf(spec.nodeCount()));
        info.put("dataNodeProductCode", "SVR.VSES.STAND.C004.M016.NET.SSD.B050.G002");
        info.put("dataNodeSubnetNo", String.valueOf(Topology.subnetNo(spec)));
        info.put("dataNodeType", "STAND");
        info.put("dataNodeStorageSize", "107374182400");
        info.put("loginKeyName", spec.name() + "-key");
        info.put("managerNodeCount", String.valueOf(spec.managerCount()));
        info.put("managerNodeProductCode", "SVR.VSES.STAND.C002.M008.NET.SSD.B050.G002");
        info.put("managerNodeSubnetNo", String.valueOf(Topology.subnetNo(spec)));
        info.put("managerNodeType", "STAND");
        info.put("isMasterOnlyNodeActivated", false);
        info.put("masterNodeCount", "0");
        ArrayNode managerNos = info.putArray("managerNodeInstanceNoList");
        ArrayNode nodes = info.putArray("clusterNodeList");
        int worker = 0;
        for (Topology.Node node : Topology.nodes(spec)) {
            boolean data = node.role() == Topology.Role.DATA;
            RollTimeline.Phase phase = data ? cluster.workerPhase(worker++) : RollTimeline.Phase.DONE;
            String instanceNo = String.valueOf(Topology.computeInstanceNo(spec, node));
            if (!data) {
                managerNos.add(instanceNo);
            }
            nodes.addObject()
                    .put("computeInstanceName", node.host())
                    .put("computeInstanceNo", instanceNo)
                    .put("privateIp", Topology.privateIp(spec, node))
                    .put("serverStatus", phase == RollTimeline.Phase.CHANGING ? "changing"
                            : phase == RollTimeline.Phase.FAILED ? "error" : "running")
                    .put("nodeType", data ? "DATA" : "MANAGER")
                    .put("subnet", Topology.subnetName(spec));
        }
        return info;
    }

    static ObjectNode versionList() {
        ObjectNode result = GatewayHandler.JSON.createObjectNode();
        ArrayNode list = result.putArray("searchEngineVersionList");
        for (Catalog.EngineVersion v : Catalog.ENGINE_VERSIONS) {
            list.addObject()
                    .put("searchEngineVersionCode", v.code())
                    .put("searchEngineVersionName", v.versionName())
                    .put("searchEngineDashboardVersionName", v.dashboardVersionName())
                    .put("type", v.type());
        }
        return result;
    }

    /** getRollingUpgradeProgress (§5.7); {@code step} recomputes a finished upgrade's node times. */
    static ObjectNode progress(ClusterSnapshot cluster, Duration step) {
        ClusterSpec spec = cluster.spec();
        Operation running = cluster.operation();
        Operation shown = running != null ? running : cluster.lastUpgrade();
        List<String> data = spec.workerHosts();
        RollTimeline.State roll = running != null ? cluster.roll()
                : shown != null ? RollTimeline.at(shown.start(), cluster.now(), step, data, h -> NodeFault.NONE) : null;
        ObjectNode result = GatewayHandler.JSON.createObjectNode();
        result.put("name", spec.name());
        result.put("nodeCount", spec.managerCount() + spec.nodeCount());
        ObjectNode version = result.putObject("versionVo");
        version.put("currentVersionCode", shown == null ? cluster.versionCode() : shown.fromVersion());
        version.put("targetVersionCode", shown == null ? cluster.versionCode() : shown.targetVersion());
        version.put("actionDate", Topology.dateTime(shown == null ? cluster.createdAt() : shown.start()));
        ArrayNode nodes = result.putArray("nodeStatusVoList");
        for (String host : spec.managerHosts()) {
            node(nodes, host, "running", "M", cluster.createdAt());
        }
        for (int i = 0; i < data.size(); i++) {
            RollTimeline.Phase phase = roll == null ? RollTimeline.Phase.WAITING : roll.phases().get(i);
            Instant updated = roll == null ? cluster.createdAt() : switch (phase) {
                case WAITING -> cluster.createdAt();
                case CHANGING, FAILED -> roll.turnStarted().get(i);
                case DONE -> roll.turnEnded().get(i);
            };
            String status = switch (phase) {
                case WAITING -> "running";
                case CHANGING -> "Upgrade_OpenSearch";
                case DONE -> "complete";
                case FAILED -> "error";
            };
            node(nodes, data.get(i), status, "D", updated);
        }
        return result;
    }

    private static void node(ArrayNode nodes, String host, String status, String role, Instant updated) {
        nodes.addObject().put("hostname", host).put("status", status).put("nodeRoleCode", role)
                .put("updatedDate", Topology.dateTime(updated));
    }
}
