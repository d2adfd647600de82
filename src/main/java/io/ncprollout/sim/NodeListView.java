package io.ncprollout.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pure: the getClusterNodeList result, the same shape for CDSS and SES (ncp-api.md §4.3, §5.3):
 * top-level numbers are Integers ({@code regionNo}, {@code serviceGroupInstanceNo}, {@code vpcNo},
 * {@code contractNo}); in {@code computeList[]} {@code computeInstanceNo} is an Integer and
 * {@code regionNo} a String, as the SDK declares them. Role codes ({@code MANAGER}/{@code BROKER} for
 * CDSS, {@code M}/{@code D} for SES) are INFERRED.
 */
final class NodeListView {
    private NodeListView() {
    }

    static ObjectNode render(ClusterSnapshot cluster) {
        ClusterSpec spec = cluster.spec();
        boolean kafka = spec.service() == ClusterSpec.Service.KAFKA;
        ObjectNode result = GatewayHandler.JSON.createObjectNode();
        result.put("contractNo", (int) (spec.number() % 1_000_000) + 500_000);
        ObjectNode created = result.putObject("createdDate");
        created.put("formattedDate", Topology.DATE.format(cluster.createdAt()));
        created.put("formattedDateTime", Topology.DATE_TIME_MICROS.format(cluster.createdAt()));
        created.put("utc", cluster.createdAt().toEpochMilli());
        result.put("productCode", kafka ? "SW.VCDSS.OS.LNX64.ROCKY.0810.B050" : "SW.VSES.OS.LNX64.ROCKY.0810.B050");
        result.put("regionNo", Topology.regionNo(spec.region()));
        result.put("serviceGroupInstanceNo", spec.number());
        result.put("serviceGroupInstanceTypeCode", kafka ? "CDSS" : "SES");
        result.put("serviceGroupName", spec.name());
        result.put("statusCode", cluster.status().toUpperCase(java.util.Locale.ROOT));
        result.put("vpcNo", Topology.vpcNo(spec.region()));
        ArrayNode computeList = result.putArray("computeList");
        for (Topology.Node node : Topology.nodes(spec)) {
            ObjectNode item = computeList.addObject();
            item.put("computeInstanceNo", Topology.computeInstanceNo(spec, node));
            item.put("computeInstanceProductCode", "SVR.VSVR.STAND.C004.M016.NET.SSD.B050.G002");
            item.put("computeInstanceStatus", "RUN");
            item.put("cpuCount", 4);
            item.put("hostName", node.host());
            item.put("memorySize", 17_179_869_184L);
            item.put("nodeRoleCode", node.role().code);
            item.put("privateIp", Topology.privateIp(spec, node));
            item.put("regionCode", spec.region().name());
            item.put("regionNo", String.valueOf(Topology.regionNo(spec.region())));
            item.put("serviceGroupInstanceNo", String.valueOf(spec.number()));
            item.put("subnetName", Topology.subnetName(spec));
            item.put("subnetNo", Topology.subnetNo(spec));
            item.put("vpcName", Topology.vpcName(spec.region()));
            item.put("vpcNo", Topology.vpcNo(spec.region()));
            item.put("zoneName", spec.region().name() + "-1");
        }
        return result;
    }
}
