package io.ncprollout.slack.render;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Pure: the ephemeral answer of {@code list}: one line per cluster, sorted by name, with its number, version,
 * node count and status. Lines are packed into sections of at most {@link SlackText#SECTION_MAX} characters.
 * A message keeps to {@value #LINES_MAX} clusters and {@value #TEXT_BUDGET} characters of lines (Slack refuses
 * messages near 13,000 characters of block text); the rest are counted, with a hint to narrow the list.
 */
public final class ListMessages {
    /** Clusters listed one by one at most. */
    static final int LINES_MAX = 200;
    /** Characters the cluster lines may take together. */
    static final int TEXT_BUDGET = 10_000;

    private ListMessages() {
    }

    /** The clusters of {@code service} in {@code region}, e.g. headed "Kafka (CDSS) clusters in KR: 11". */
    public static SlackMessage clusters(Product product, String region, List<ClusterSummary> clusters, boolean simulated, Locale locale) {
        Objects.requireNonNull(product, "product == null");
        Objects.requireNonNull(region, "region == null");
        Texts t = Texts.of(locale);
        String where = t.t("list.where", product.displayName(), SlackText.escape(region));
        List<LayoutBlock> blocks = new ArrayList<>();
        if (clusters.isEmpty()) {
            blocks.add(SlackText.text(":information_source: " + t.t("list.none", where)));
            blocks.add(SlackText.note(t.t("list.otherRegion")));
        } else {
            blocks.add(SlackText.text("*" + where + ": " + clusters.size() + "*"));
            blocks.addAll(SlackText.sections(lines(t, clusters)));
        }
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
        return new SlackMessage(clusters.isEmpty() ? t.t("list.none.text", where) : where + ": " + clusters.size(), blocks);
    }

    /** The lines of the sorted clusters within the budgets, then "…and N more" if some did not fit. */
    private static List<String> lines(Texts t, List<ClusterSummary> clusters) {
        List<ClusterSummary> sorted = clusters.stream()
                .sorted(Comparator.comparing((ClusterSummary c) -> c.cluster().name(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(c -> c.cluster().name())
                        .thenComparing(c -> c.cluster().number()))
                .toList();
        List<String> lines = new ArrayList<>();
        int used = 0;
        for (ClusterSummary c : sorted) {
            String line = line(t, c);
            if (lines.size() == LINES_MAX || used + line.length() + 1 > TEXT_BUDGET) {
                break;
            }
            lines.add(line);
            used += line.length() + 1;
        }
        if (lines.size() < sorted.size()) {
            lines.add(t.t("list.more", sorted.size() - lines.size()));
        }
        return lines;
    }

    /** ":large_green_circle: *orders-prod* · 1234567 · Kafka 3.7.1 · 3 nodes · running" (NCP text escaped). */
    static String line(Texts t, ClusterSummary c) {
        return emoji(c.status()) + " *" + SlackText.escape(SlackText.cut(c.cluster().name(), 100)) + "* · "
                + SlackText.escape(SlackText.cut(c.cluster().number(), 30)) + " · "
                + SlackText.escape(SlackText.cut(c.version(), 60)) + " · "
                + t.t(c.nodeCount() == 1 ? "list.node" : "list.nodes", c.nodeCount()) + " · "
                + SlackText.escape(SlackText.cut(c.status(), 30));
    }

    /** The emoji of a cluster status (CDSS and SES share the vocabulary); an unknown one gets a question mark. */
    static String emoji(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "running" -> ":large_green_circle:";
            case "creating" -> ":large_blue_circle:";
            case "changing", "working" -> ":large_orange_circle:";
            case "error" -> ":red_circle:";
            case "deleting", "return" -> ":white_circle:";
            default -> ":grey_question:";
        };
    }

}
