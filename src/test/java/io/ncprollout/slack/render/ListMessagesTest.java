package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListMessagesTest {

    @Test
    void clusters_elevenKafkaClusters_matchesGoldenSortedByName() {
        List<ClusterSummary> clusters = List.of(
                kafka("orders-prod", "1000001", "Kafka 3.7.1", 3, "running"),
                kafka("billing", "1000002", "Kafka 3.9.0", 5, "changing"),
                kafka("Audit", "1000003", "Kafka 3.7.1", 3, "error"),
                kafka("search-feed", "1000004", "Kafka 3.6.0", 1, "creating"),
                kafka("metrics", "1000005", "Kafka 3.9.0", 6, "running"),
                kafka("logs-dev", "1000006", "Kafka 3.7.1", 3, "deleting"),
                kafka("payments", "1000007", "Kafka 3.9.0", 9, "running"),
                kafka("events", "1000008", "Kafka 3.7.1", 3, "return"),
                kafka("clicks", "1000009", "Kafka 3.9.0", 3, "running"),
                kafka("zeta", "1000010", "Kafka 3.9.0", 3, "migrating"),
                kafka("ads", "1000011", "Kafka 3.9.0", 4, "running"));

        SlackMessage message = triggerClusters(Product.KAFKA, clusters, false);

        assertThat(message.text()).isEqualTo("Kafka (CDSS) clusters in KR: 11");
        String json = BlockKitLimits.json(message.blocks()).toString();
        assertThat(json).contains("*Kafka (CDSS) clusters in KR: 11*")
                .contains(":large_green_circle: *ads* · 1000011 · Kafka 3.9.0 · 4 nodes · running")
                .contains(":large_blue_circle: *search-feed* · 1000004 · Kafka 3.6.0 · 1 node · creating")
                .contains(":grey_question: *zeta* · 1000010 · Kafka 3.9.0 · 3 nodes · migrating");
        assertThat(json.indexOf("*ads*")).isLessThan(json.indexOf("*Audit*"));
        assertThat(json.indexOf("*Audit*")).isLessThan(json.indexOf("*billing*"));
        assertThat(json.indexOf("*payments*")).isLessThan(json.indexOf("*zeta*"));
        Golden.assertMatches("list-kafka-clusters", message.blocks());
    }

    @Test
    void clusters_none_saysSoAndHowToLookElsewhere() {
        SlackMessage message = triggerClusters(Product.OPENSEARCH, List.of(), false);

        assertThat(message.text()).isEqualTo("No OpenSearch (SES) clusters in KR");
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("No OpenSearch (SES) clusters in KR.").contains("--region");
    }

    @Test
    void clusters_250_stayWithinLimitsAndCountTheRest() {
        List<ClusterSummary> clusters = IntStream.rangeClosed(1, 250)
                .mapToObj(i -> kafka(String.format("cluster-%03d", i), String.valueOf(2_000_000 + i), "Kafka 3.9.0", 3, "running")).toList();

        SlackMessage message = triggerClusters(Product.KAFKA, clusters, true);

        String json = BlockKitLimits.json(message.blocks()).toString();
        assertThat(message.text()).isEqualTo("Kafka (CDSS) clusters in KR: 250");
        assertThat(json).contains("*cluster-001*").doesNotContain("*cluster-250*").containsPattern("…and \\d+ more; use `--region` or a name")
                .contains("Simulated cluster");
        int listed = (int) clusters.stream().filter(c -> json.contains("*" + c.cluster().name() + "*")).count();
        assertThat(json).contains("…and " + (250 - listed) + " more");
        assertThat(listed).isGreaterThan(100);
    }

    @Test
    void clusters_longNames_arePackedIntoSectionsUnderTheLimit() {
        List<ClusterSummary> clusters = IntStream.rangeClosed(1, 300)
                .mapToObj(i -> kafka("n".repeat(120) + i, String.valueOf(i), "v".repeat(80), 3, "running")).toList();

        SlackMessage message = triggerClusters(Product.KAFKA, clusters, false);

        assertThat(message.blocks().size()).isLessThanOrEqualTo(10);
    }

    @Test
    void clusters_hostileNcpText_isEscaped() {
        SlackMessage message = triggerClusters(Product.KAFKA, List.of(kafka("<!channel>", "1", "Kafka <@U1> & co", 3, "<b>")), false);

        String mrkdwn = UpgradeViewsTest.mrkdwn(BlockKitLimits.json(message.blocks()));
        assertThat(mrkdwn).contains("*&lt;!channel&gt;* · 1 · Kafka &lt;@U1&gt; &amp; co · 3 nodes · &lt;b&gt;")
                .doesNotContain("<!channel>").doesNotContain("<@U1>");
    }

    @Test
    void clusters_regionWithMarkup_isEscapedInHeaderAndText() {
        SlackMessage message = ListMessages.clusters(Product.KAFKA, "<!here>", List.of(kafka("a", "1", "v", 1, "running")), false, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(message.text()).doesNotContain("<!here>");
        assertThat(BlockKitLimits.json(message.blocks()).toString()).doesNotContain("<!here>");
    }

    private static ClusterSummary kafka(String name, String number, String version, int nodes, String status) {
        return new ClusterSummary(new ClusterRef(Product.KAFKA, number, name, "KR"), status, version, nodes);
    }

    private static SlackMessage triggerClusters(Product product, List<ClusterSummary> clusters, boolean simulated) {
        SlackMessage message = ListMessages.clusters(product, "KR", clusters, simulated, Locale.ENGLISH);
        BlockKitLimits.assertWithinLimits(message);
        return message;
    }
}
