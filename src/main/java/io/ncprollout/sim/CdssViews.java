package io.ncprollout.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: CDSS result objects, with the JSON types of ncp-api.md §4 (list {@code serviceGroupInstanceNo}
 * a String; counts, ports and subnet numbers Integers; version codes Strings).
 *
 * <p>Node colours: a node not yet reached or done is {@code green}, the node being restarted
 * {@code orange}, a failed node {@code red}. {@code brokerNumber} counts green brokers.
 * {@code brokerStatus} is {@code green} when all are green, {@code orange} while one changes,
 * {@code red} when all are red and {@code yellow} when some are red. ZooKeeper runs on the broker
 * hosts and stays {@code green} throughout (a modelling choice: the roll restarts Kafka brokers only).
 * {@code cmakStatus} is {@code orange} during a CMAK restart.
 */
final class CdssViews {
    private CdssViews() {
    }

    static String colour(RollTimeline.Phase phase) {
        return switch (phase) {
            case WAITING, DONE -> "green";
            case CHANGING -> "orange";
            case FAILED -> "red";
        };
    }

    /** One item of getClusterInfoList's {@code allowedClusters}. */
    static ObjectNode listItem(ClusterSnapshot cluster) {
        ClusterSpec spec = cluster.spec();
        Catalog.KafkaVersion version = Catalog.kafkaVersion(cluster.versionCode()).orElseThrow();
        ObjectNode item = GatewayHandler.JSON.createObjectNode();
        item.put("applicationVersion", version.applicationVersionName());
        item.put("brokerNodeAccessControlGroupName", spec.name() + "-broker-acg");
        item.put("brokerNodeAccessControlGroupSequence", 90_000 + (int) (spec.number() % 10_000));
        item.put("brokerNodeCount", spec.nodeCount());
        item.put("brokerNodeProductName", "vCPU 4EA, Memory 16GB");
        item.put("brokerNodeSubnetName", Topology.subnetName(spec));
        item.put("brokerNodeSubnetNo", Topology.subnetNo(spec));
        item.put("brokerNodeType", "STAND");
        item.put("brokerStorageVolumeSize", 107_374_182_400L);
        item.put("clusterName", spec.name());
        item.put("cmakPort", 9000);
        item.put("cmakVersion", version.cmakVersionName());
        item.put("createDate", Topology.CREATE_DATE.format(cluster.createdAt()));
        item.put("isUsePublicDomain", false);
        item.put("kafkaBrokerPort", 9092);
        item.put("kafkaBrokerTlsPort", 9093);
        item.put("kafkaManagerUserName", "cmak-admin");
        item.put("kafkaVersion", version.kafkaVersionName());
        item.put("managerNodeAccessControlGroupName", spec.name() + "-manager-acg");
        item.put("managerNodeAccessControlGroupSequence", 91_000 + (int) (spec.number() % 10_000));
        item.put("managerNodeCount", 1);
        item.put("managerNodeSubnetName", Topology.subnetName(spec));
        item.put("managerNodeSubnetNo", Topology.subnetNo(spec));
        item.put("managerNodeType", "STAND");
        item.put("memberNo", "2800001");
        item.put("serverStatus", cluster.status());
        item.put("serviceGroupInstanceNo", String.valueOf(spec.number()));
        item.put("softwareProductName", "Rocky Linux 8.10");
        item.put("vpcName", Topology.vpcName(spec.region()));
        item.put("vpcNo", Topology.vpcNo(spec.region()));
        item.put("zookeeperPort", 2181);
        return item;
    }

    /** getClusterInfoList/{no}: never carries a password ({@code kafkaManagerUserPassword} is omitted). */
    static ObjectNode clusterInfo(ClusterSnapshot cluster) {
        ClusterSpec spec = cluster.spec();
        ObjectNode info = GatewayHandler.JSON.createObjectNode();
        info.put("clusterName", spec.name());
        info.put("kafkaVersionCode", cluster.versionCode());
        info.put("kafkaManagerUserName", "cmak-admin");
        info.put("softwareProductCode", "SW.VCDSS.OS.LNX64.ROCKY.0810.B050");
        info.put("vpcNo", Topology.vpcNo(spec.region()));
        info.put("managerNodeProductCode", "SVR.VCDSS.STAND.C002.M008.NET.SSD.B050.G002");
        info.put("managerNodeSubnetNo", Topology.subnetNo(spec));
        info.put("brokerNodeProductCode", "SVR.VCDSS.STAND.C004.M016.NET.SSD.B050.G002");
        info.put("brokerNodeSubnetNo", Topology.subnetNo(spec));
        info.put("brokerNodeCount", spec.nodeCount());
        info.put("brokerNodeStorageSize", 107_374_182_400L);
        info.put("configGroupNo", cluster.configGroupNo());
        info.put("status", cluster.status());
        return info;
    }

    /**
     * getBrokerInfo: the broker hosts with Kafka's plaintext (9092) and TLS (9093) ports, ZooKeeper on the same hosts
     * (2181), all comma-separated. No public endpoint ({@code isUsePublicDomain} is false), so those lists are empty;
     * {@code brokerNodeDnsInfoList}, whose items no source describes, is an empty array.
     */
    static ObjectNode brokerInfo(ClusterSnapshot cluster) {
        List<String> hosts = cluster.spec().workerHosts();
        ObjectNode info = GatewayHandler.JSON.createObjectNode();
        info.putArray("brokerNodeDnsInfoList");
        info.put("brokerNodeList", ports(hosts, 9092));
        info.put("brokerTlsNodeList", ports(hosts, 9093));
        info.put("publicEndpointBrokerNodeList", "");
        info.put("publicEndpointBrokerNodeListenerPortList", "");
        info.put("publicEndpointBrokerTlsNodeList", "");
        info.put("publicEndpointBrokerTlsNodeListenerPortList", "");
        info.put("localDnsList", "");
        info.put("localDnsTlsList", "");
        info.put("zookeeperList", ports(hosts, 2181));
        return info;
    }

    private static String ports(List<String> hosts, int port) {
        return String.join(",", hosts.stream().map(h -> h + ":" + port).toList());
    }

    /** getClusterStatus and both progress checks (ncp-api.md §4.9). */
    static ObjectNode status(ClusterSnapshot cluster) {
        ClusterSpec spec = cluster.spec();
        List<String> hosts = spec.workerHosts();
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            colours.add(colour(cluster.workerPhase(i)));
        }
        ObjectNode status = GatewayHandler.JSON.createObjectNode();
        status.put("clusterName", spec.name());
        status.put("brokerNodeTotalNumber", hosts.size());
        status.put("brokerNumber", (int) colours.stream().filter("green"::equals).count());
        status.put("brokerStatus", average(colours));
        perNode(status.putArray("brokerStatusPerNode"), hosts, colours);
        status.put("zookeeperTotalNumber", hosts.size());
        status.put("zookeeperNumber", hosts.size());
        status.put("zookeeperStatus", "green");
        perNode(status.putArray("zookeeperStatusPerNode"), hosts, hosts.stream().map(h -> "green").toList());
        status.put("cmakStatus", colour(cluster.cmakPhase()));
        return status;
    }

    static String average(List<String> colours) {
        long red = colours.stream().filter("red"::equals).count();
        if (red == colours.size()) {
            return "red";
        }
        if (red > 0) {
            return "yellow";
        }
        return colours.contains("orange") ? "orange" : "green";
    }

    private static void perNode(ArrayNode array, List<String> hosts, List<String> colours) {
        for (int i = 0; i < hosts.size(); i++) {
            array.addObject().put("hostname", hosts.get(i)).put("status", colours.get(i));
        }
    }

    /** getCDSSVersionList. */
    static ObjectNode versionList() {
        ObjectNode result = GatewayHandler.JSON.createObjectNode();
        ArrayNode list = result.putArray("kafkaVersionList");
        for (Catalog.KafkaVersion v : Catalog.KAFKA_VERSIONS) {
            list.addObject()
                    .put("kafkaVersionCode", v.code())
                    .put("applicationVersionName", v.applicationVersionName())
                    .put("kafkaVersionName", v.kafkaVersionName())
                    .put("cmakVersionName", v.cmakVersionName());
        }
        return result;
    }

    /** One item of getKafkaVersionConfigGroupList's {@code kafkaConfigGroupList}. */
    static ObjectNode configGroup(Catalog.ConfigGroup group) {
        return GatewayHandler.JSON.createObjectNode()
                .put("configGroupName", group.configGroupName())
                .put("configGroupNo", group.configGroupNo())
                .put("description", group.description())
                .put("kafkaVersion", Catalog.kafkaVersion(group.kafkaVersionCode()).orElseThrow().kafkaVersionName())
                .put("kafkaVersionCode", group.kafkaVersionCode());
    }
}
