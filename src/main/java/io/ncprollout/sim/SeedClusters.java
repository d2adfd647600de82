package io.ncprollout.sim;

import io.ncprollout.ncp.NcpRegion;
import java.util.List;

/**
 * The clusters every simulator starts with (a config file may add more).
 *
 * <table>
 *   <caption>Seeded clusters</caption>
 *   <tr><th>name</th><th>service</th><th>region</th><th>number</th><th>version</th><th>nodes</th><th>notes</th></tr>
 *   <tr><td>demo-kafka</td><td>Kafka</td><td>KR</td><td>10178538</td><td>3713006</td><td>3 brokers</td><td>hosts demo-kafka-b-25t6..25t8 as in the docs</td></tr>
 *   <tr><td>demo-kafka-sgn</td><td>Kafka</td><td>SGN</td><td>20234567</td><td>3713006</td><td>5 brokers</td><td></td></tr>
 *   <tr><td>orders-prod … metrics-pipeline</td><td>Kafka</td><td>KR</td><td>10411001-10411010</td><td>mixed</td><td>3-6</td><td>events-staging: precheck not ready</td></tr>
 *   <tr><td>demo-kafka-1 … demo-kafka-6</td><td>Kafka</td><td>KR</td><td>10178601-10178606</td><td>3713006</td><td>3 brokers</td><td>a fleet to demo: {@code /kafka restart demo-kafka-*}</td></tr>
 *   <tr><td>demo-search</td><td>OpenSearch</td><td>KR</td><td>10371234</td><td>2150</td><td>2 M + 3 D</td><td>snapshot 1 h old</td></tr>
 *   <tr><td>logs-search</td><td>OpenSearch</td><td>KR</td><td>10372001</td><td>290</td><td>1 M + 2 D</td><td>no snapshot</td></tr>
 *   <tr><td>products-search</td><td>OpenSearch</td><td>KR</td><td>10372002</td><td>2180</td><td>2 M + 3 D</td><td>already newest</td></tr>
 * </table>
 * Seventeen KR Kafka clusters, so the default page size of 10 gives two pages.
 */
final class SeedClusters {
    private SeedClusters() {
    }

    static List<ClusterSpec> all() {
        NcpRegion kr = NcpRegion.KR;
        return List.of(
                ClusterSpec.kafka("demo-kafka", kr, 10_178_538L, "3713006", 3),
                ClusterSpec.kafka("demo-kafka-sgn", NcpRegion.SGN, 20_234_567L, "3713006", 5),
                ClusterSpec.kafka("orders-prod", kr, 10_411_001L, "3713006", 3),
                ClusterSpec.kafka("payments-prod", kr, 10_411_002L, "3713006", 5),
                ClusterSpec.kafka("inventory-prod", kr, 10_411_003L, "3503006", 3),
                ClusterSpec.kafka("events-staging", kr, 10_411_004L, "3503006", 3).withNotReady(),
                ClusterSpec.kafka("clickstream-prod", kr, 10_411_005L, "3903006", 6),
                ClusterSpec.kafka("audit-log", kr, 10_411_006L, "3713006", 3),
                ClusterSpec.kafka("notifications", kr, 10_411_007L, "3503006", 3),
                ClusterSpec.kafka("search-ingest", kr, 10_411_008L, "3713006", 4),
                ClusterSpec.kafka("billing-prod", kr, 10_411_009L, "3903006", 3),
                ClusterSpec.kafka("metrics-pipeline", kr, 10_411_010L, "3713006", 3),
                ClusterSpec.kafka("demo-kafka-1", kr, 10_178_601L, "3713006", 3),
                ClusterSpec.kafka("demo-kafka-2", kr, 10_178_602L, "3713006", 3),
                ClusterSpec.kafka("demo-kafka-3", kr, 10_178_603L, "3713006", 3),
                ClusterSpec.kafka("demo-kafka-4", kr, 10_178_604L, "3713006", 3),
                ClusterSpec.kafka("demo-kafka-5", kr, 10_178_605L, "3713006", 3),
                ClusterSpec.kafka("demo-kafka-6", kr, 10_178_606L, "3713006", 3),
                ClusterSpec.openSearch("demo-search", kr, 10_371_234L, "2150", 2, 3),
                ClusterSpec.openSearch("logs-search", kr, 10_372_001L, "290", 1, 2).withSnapshotAge(null),
                ClusterSpec.openSearch("products-search", kr, 10_372_002L, "2180", 2, 3));
    }
}
