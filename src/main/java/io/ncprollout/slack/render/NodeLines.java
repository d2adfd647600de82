package io.ncprollout.slack.render;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.tracking.CatchUp;
import io.ncprollout.rollout.tracking.NodePhase;
import io.ncprollout.rollout.tracking.NodeProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: the node part of a progress or summary message. One line per node, several lines per section, as
 * long as the lines fit the block and text budgets; beyond that (a big cluster) the nodes that need
 * attention keep their own line and the rest are counted per role and phase.
 */
final class NodeLines {
    /** Lines per section: keeps each section short to read and far under the 3000-character limit. */
    static final int LINES_PER_SECTION = 10;
    /** Nodes that keep their own line in the compact form. */
    static final int NOTABLE_MAX = 15;

    private NodeLines() {
    }

    /** One node, e.g. ":large_orange_circle: *b-1* · broker · orange · in progress since 10:00:15". */
    static String line(Texts t, NodeProgress node) {
        return SlackText.statusEmoji(node.rawStatus(), node.health()) + " *" + SlackText.escape(node.name()) + "* · "
                + Outcomes.role(t, node.role(), 1) + " · " + SlackText.escape(node.rawStatus()) + " · " + phase(t, node);
    }

    /** {@link #line(Texts, NodeProgress)}, followed by whether the data caught up after it came back (gated clusters). */
    static String line(Texts t, NodeProgress node, CatchUp catchUp, Product product) {
        return line(t, node) + catchUp.of(node.name()).map(c -> " · " + catchUp(t, c, product)).orElse("");
    }

    /** "partitions caught up in 40s", "partitions catching up (5 under-replicated)", or the warning that the next node went down first. */
    static String catchUp(Texts t, CatchUp.Node c, Product product) {
        String count = c.lagging().isPresent() ? Integer.toString(c.lagging().getAsInt()) : "?";
        return switch (c.outcome()) {
            case PENDING -> c.lagging().isPresent() ? t.t("catchup.PENDING." + product.name(), count) : t.t("catchup.PENDING.unknown");
            case CAUGHT_UP -> t.t("catchup.CAUGHT_UP." + product.name(), Outcomes.duration(t, c.took().orElse(Duration.ZERO)));
            case OVERTAKEN -> c.lagging().isPresent() ? ":warning: " + t.t("catchup.OVERTAKEN." + product.name(), count) : t.t("catchup.OVERTAKEN.unknown");
        };
    }

    /** The phase in words; only finished nodes get a duration, so nothing here changes by itself. */
    static String phase(Texts t, NodeProgress node) {
        return switch (node.phase()) {
            case WAITING -> t.t("phase.WAITING");
            case IN_PROGRESS -> node.startedAt().map(at -> t.t("phase.IN_PROGRESS.since", SlackText.time(at))).orElse(t.t("phase.IN_PROGRESS"));
            case DONE -> node.startedAt().isPresent() && node.finishedAt().isPresent()
                    ? t.t("phase.DONE.in", Outcomes.duration(t, Duration.between(node.startedAt().get(), node.finishedAt().get())))
                    : t.t("phase.DONE.unobserved");
            case FAILED -> t.t("phase.FAILED");
            case UNCHANGED -> t.t("phase.UNCHANGED");
        };
    }

    /**
     * Sections for {@code nodes}: every node on its own line if there are at most {@code maxLines} nodes and
     * their lines fit {@code maxSections} sections and {@code textBudget} characters; otherwise the compact form.
     */
    static List<LayoutBlock> sections(Texts t, List<NodeProgress> nodes, int maxLines, int maxSections, int textBudget) {
        return sections(t, nodes, CatchUp.none(), Product.KAFKA, maxLines, maxSections, textBudget);
    }

    /** {@link #sections(Texts, List, int, int, int)} with each node's catch-up after its line. */
    static List<LayoutBlock> sections(Texts t, List<NodeProgress> nodes, CatchUp catchUp, Product product, int maxLines, int maxSections, int textBudget) {
        List<String> lines = nodes.stream().map(n -> line(t, n, catchUp, product)).toList();
        int length = lines.stream().mapToInt(l -> l.length() + 1).sum();
        int sectionsNeeded = (lines.size() + LINES_PER_SECTION - 1) / LINES_PER_SECTION;
        if (nodes.size() <= maxLines && sectionsNeeded <= maxSections && length <= textBudget) {
            return pack(lines);
        }
        return compact(t, nodes);
    }

    /** The compact form: counts per role and phase, then the nodes in progress or failed (at most {@link #NOTABLE_MAX}). */
    static List<LayoutBlock> compact(Texts t, List<NodeProgress> nodes) {
        List<String> lines = new ArrayList<>(counts(t, nodes));
        List<NodeProgress> notable = nodes.stream()
                .filter(n -> n.phase() == NodePhase.FAILED || n.phase() == NodePhase.IN_PROGRESS).toList();
        notable.stream().limit(NOTABLE_MAX).map(n -> line(t, n)).forEach(lines::add);
        if (notable.size() > NOTABLE_MAX) {
            lines.add(t.t("nodes.moreNotable", notable.size() - NOTABLE_MAX));
        }
        return pack(lines);
    }

    /** One line per role: "*brokers* (120): 97 done · 2 in progress · 1 failed · 20 waiting". */
    static List<String> counts(Texts t, List<NodeProgress> nodes) {
        Map<NodeRole, Map<NodePhase, Integer>> byRole = new EnumMap<>(NodeRole.class);
        for (NodeProgress n : nodes) {
            byRole.computeIfAbsent(n.role(), r -> new EnumMap<>(NodePhase.class)).merge(n.phase(), 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        byRole.forEach((role, phases) -> {
            int total = phases.values().stream().mapToInt(Integer::intValue).sum();
            List<String> parts = new ArrayList<>();
            phases.forEach((phase, count) -> parts.add(t.t("nodes.countOfPhase", count, t.t("phase." + phase.name()))));
            lines.add("*" + Outcomes.role(t, role, 2) + "* (" + total + "): " + String.join(" · ", parts));
        });
        return lines;
    }

    /** Characters the node lines of a modal or an answer may take together (Slack refuses near 13,000 in all). */
    static final int OBSERVED_TEXT_BUDGET = 6_000;

    /**
     * The nodes of an observation (no phase: nothing has started), at most {@code max} lines and
     * {@value #OBSERVED_TEXT_BUDGET} characters, then "…and N more", and a warning when NCP counts fewer running
     * members than the cluster has.
     */
    static List<LayoutBlock> observed(Texts t, Observation current, int max) {
        if (current.nodes().isEmpty()) {
            return List.of(SlackText.text("_" + t.t("nodes.none") + "_"));
        }
        List<String> lines = new ArrayList<>(SlackText.fit(current.nodes().stream().map(n -> line(t, n)).toList(), max, OBSERVED_TEXT_BUDGET,
                n -> t.t("nodes.more", n)));
        if (!current.membersComplete()) {
            lines.add(":warning: " + t.t("nodes.membersMissing"));
        }
        return pack(lines);
    }

    /** One observed node, e.g. ":large_green_circle: *b-1* · broker · green". */
    static String line(Texts t, NodeObservation node) {
        return SlackText.statusEmoji(node.rawStatus(), node.health()) + " *" + SlackText.escape(node.name()) + "* · "
                + Outcomes.role(t, node.role(), 1) + " · " + SlackText.escape(node.rawStatus());
    }

    /** Lines into sections of at most {@link #LINES_PER_SECTION} lines each. */
    static List<LayoutBlock> pack(List<String> lines) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += LINES_PER_SECTION) {
            blocks.add(SlackText.text(String.join("\n", lines.subList(i, Math.min(lines.size(), i + LINES_PER_SECTION)))));
        }
        return blocks;
    }
}
