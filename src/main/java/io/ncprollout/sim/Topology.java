package io.ncprollout.sim;

import io.ncprollout.ncp.NcpRegion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure, deterministic made-up infrastructure details of a cluster (instance numbers, IPs, VPC and
 * subnet numbers, region numbers) and the date formats of the responses. Dates are written in UTC.
 */
final class Topology {
    /** One node of a cluster; {@code index} is its position in {@link #nodes}. */
    record Node(String host, Role role, int index) {
    }

    /** Node roles; {@code code} is what node lists and SES progress show. */
    enum Role {
        KAFKA_MANAGER("MANAGER"), BROKER("BROKER"), SEARCH_MANAGER("M"), DATA("D");

        final String code;

        Role(String code) {
            this.code = code;
        }
    }

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATE_TIME = Prechecks.DATE_TIME;
    static final DateTimeFormatter DATE_TIME_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss SSSSSS").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private Topology() {
    }

    /** Managers first, then brokers / data nodes, as {@link ClusterSpec} names them. */
    static List<Node> nodes(ClusterSpec spec) {
        boolean kafka = spec.service() == ClusterSpec.Service.KAFKA;
        List<Node> nodes = new ArrayList<>();
        for (String host : spec.managerHosts()) {
            nodes.add(new Node(host, kafka ? Role.KAFKA_MANAGER : Role.SEARCH_MANAGER, nodes.size()));
        }
        for (String host : spec.workerHosts()) {
            nodes.add(new Node(host, kafka ? Role.BROKER : Role.DATA, nodes.size()));
        }
        return nodes;
    }

    /**
     * Region numbers: KR 1, SGN 7, JPN 8 as in the Server API's region list (ncp-api.md §5.10);
     * KRS (gov southern region) 2 is a made-up value, as no source gives it.
     */
    static int regionNo(NcpRegion region) {
        return switch (region) {
            case KR -> 1;
            case KRS -> 2;
            case SGN -> 7;
            case JPN -> 8;
        };
    }

    static int computeInstanceNo(ClusterSpec spec, Node node) {
        return 20_000_000 + (int) (spec.number() % 1_000_000) * 20 + node.index();
    }

    static String privateIp(ClusterSpec spec, Node node) {
        return "10." + (10 + spec.number() % 200) + ".1." + (11 + node.index());
    }

    static int vpcNo(NcpRegion region) {
        return 30_100 + region.ordinal();
    }

    static String vpcName(NcpRegion region) {
        return "vpc-" + region.code();
    }

    static int subnetNo(ClusterSpec spec) {
        return 40_000 + (int) (spec.number() % 10_000);
    }

    static String subnetName(ClusterSpec spec) {
        return spec.name() + "-subnet";
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
