package io.ncprollout.slack.render;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.VersionNames;
import io.ncprollout.slack.Commands;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Pure: the ephemeral answers of the read-only commands, {@code status} and {@code help}. A cluster's nodes
 * are grouped by role, one line each, and counted instead when there are too many for one message.
 */
public final class StatusMessages {
    /** Node lines in a status message before it switches to counts per role. */
    static final int NODE_LINES_MAX = 100;
    /**
     * Characters the node lines may take before the message switches to counts per role: Slack refuses a message near
     * 13,000 characters of block text, and 100 nodes with long names come to 15,000.
     */
    static final int NODE_TEXT_BUDGET = 9_000;

    private StatusMessages() {
    }

    /** The status of {@code cluster} as {@code current} shows it: cluster status, version, each node by role. */
    public static SlackMessage status(ClusterRef cluster, Observation current, boolean simulated, Locale locale) {
        return status(cluster, current, simulated, VersionNames.none(), locale);
    }

    /** The status, with the cluster's version by name ("OpenSearch 2.15.0") when {@code names} knows its code. */
    public static SlackMessage status(ClusterRef cluster, Observation current, boolean simulated, VersionNames names, Locale locale) {
        return status(cluster, current, GateReport.off(), simulated, names, locale);
    }

    /**
     * The status with the data-level health gate's figures and worst findings under the nodes, when a gate covers the
     * cluster ({@code gate} off: nothing is added, the status says nothing of gates).
     */
    public static SlackMessage status(ClusterRef cluster, Observation current, GateReport gate, boolean simulated, VersionNames names, Locale locale) {
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(gate, "gate == null");
        Objects.requireNonNull(current, "current == null");
        Texts t = Texts.of(locale);
        String name = SlackText.escape(cluster.name());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text("*" + name + "* · " + cluster.product().displayName()));
        List<String> facts = new ArrayList<>(List.of(t.t("fact.cluster", SlackText.escape(cluster.number())), SlackText.escape(cluster.region()),
                t.t("fact.status", SlackText.escape(current.clusterStatus()))));
        current.versionCode().ifPresent(v -> facts.add(names.nameOf(v).map(SlackText::escape)
                .orElseGet(() -> t.t("fact.version", SlackText.escape(v)))));
        blocks.add(SlackText.note(String.join(" · ", facts)));
        if (!current.membersComplete()) {
            blocks.add(SlackText.text(":warning: " + t.t("status.membersMissing")));
        }
        blocks.addAll(nodes(t, current.nodes()));
        if (gate.verdict() != GateReport.Verdict.OFF) {
            blocks.add(SlackText.text(SlackText.cut(GateLines.text(t, gate, SlackText::user), 3000)));
        }
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
        return new SlackMessage(t.t("status.text", name, SlackText.escape(current.clusterStatus()), current.nodes().size()), blocks);
    }

    /**
     * Usage of {@code /kafka} or {@code /opensearch} (with or without the slash).
     *
     * @param readOnlyOnly true when no permissions are configured against real NCP: only read commands work
     * @throws IllegalArgumentException if {@code command} names no service
     */
    public static SlackMessage help(String command, boolean simulated, boolean readOnlyOnly, Locale locale) {
        Product product = product(command);
        Texts t = Texts.of(locale);
        String c = "/" + product.command();
        // the parser's own table: every command it accepts has a line here
        List<String> lines = new ArrayList<>();
        for (Commands.Command sub : Commands.of(product)) {
            lines.add("`" + sub.usage(product) + "` " + (sub.adminsOnly() ? t.t("help.adminsOnly") + " " : "")
                    + t.t(sub.helpKey()));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text("*" + c + "* — " + product.displayName() + "\n" + SlackText.escape(String.join("\n", lines))));
        blocks.add(SlackText.note(SlackText.escape(t.t("help.arguments." + product.command()))));
        if (readOnlyOnly) {
            blocks.add(SlackText.text(":lock: " + t.t("help.readOnly")));
        }
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
        return new SlackMessage(t.t("help.text", c, String.join(", ", Commands.words(product))), blocks);
    }

    private static Product product(String command) {
        String name = command.strip().toLowerCase(Locale.ROOT);
        String bare = name.startsWith("/") ? name.substring(1) : name;
        for (Product s : Product.values()) {
            if (s.command().equals(bare)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no service for command " + command);
    }

    private static List<LayoutBlock> nodes(Texts t, List<NodeObservation> nodes) {
        if (nodes.isEmpty()) {
            return List.of(SlackText.text("_" + t.t("nodes.none") + "_"));
        }
        List<String> full = lines(t, nodes, nodes.size() > NODE_LINES_MAX);
        if (full.stream().mapToInt(l -> l.length() + 1).sum() <= NODE_TEXT_BUDGET) {
            return NodeLines.pack(full);
        }
        return NodeLines.pack(lines(t, nodes, true));
    }

    /** A heading per role, then one line per node, or with {@code compact} the role's counts per status only. */
    private static List<String> lines(Texts t, List<NodeObservation> nodes, boolean compact) {
        Map<NodeRole, List<NodeObservation>> byRole = new EnumMap<>(NodeRole.class);
        nodes.forEach(n -> byRole.computeIfAbsent(n.role(), r -> new ArrayList<>()).add(n));
        List<String> lines = new ArrayList<>();
        byRole.forEach((role, members) -> {
            lines.add("*" + capitalise(Outcomes.role(t, role, 2)) + "* (" + members.size() + ")" + (compact ? ": " + counts(members) : ""));
            if (!compact) {
                members.forEach(n -> lines.add(SlackText.statusEmoji(n.rawStatus(), n.health()) + " " + SlackText.escape(n.name())
                        + " · " + SlackText.escape(n.rawStatus())));
            }
        });
        return lines;
    }

    private static String counts(List<NodeObservation> members) {
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        members.forEach(n -> byStatus.merge(n.rawStatus(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byStatus.forEach((status, count) -> parts.add(count + " " + SlackText.escape(SlackText.cut(status, 40))));
        return String.join(" · ", parts);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
