package io.ncprollout.slack.render;

import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.GateReport.Figure;
import io.ncprollout.rollout.health.GateReport.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Pure: a data-level health gate's report in the reader's language: one headline (passed / failed / could not look,
 * with the figures), the worst findings (at most {@value GateReport#WORST_MAX}, then how many more), or the line that
 * says the gate is off and how to turn it on. Partition, shard and host names are data: escaped by {@code data}.
 */
public final class GateLines {
    private GateLines() {
    }

    /** Figures worth a word only when they are not zero. */
    private static final java.util.Set<String> WHEN_NOT_ZERO = java.util.Set.of("cannotSpare", "minIsrUnknown", "allowedUnderReplicated");

    /** "brokers 3 · under-replicated 0 · …": the figures, worded; a figure the bundle does not know is shown as counted. */
    public static String figures(Texts t, GateReport report, UnaryOperator<String> data) {
        List<String> parts = new ArrayList<>();
        for (Figure f : report.figures()) {
            if (WHEN_NOT_ZERO.contains(f.key()) && f.value().equals("0")) {
                continue;
            }
            String key = "gate.figure." + f.key();
            parts.add(t.has(key) ? t.t(key, data.apply(f.value())) : data.apply(f.key()) + " " + data.apply(f.value()));
        }
        return String.join(" · ", parts);
    }

    /** The headline: emoji, what the gate said, and its figures or the reason it could not look. */
    public static String headline(Texts t, GateReport report, UnaryOperator<String> data) {
        return switch (report.verdict()) {
            case OFF -> ":information_source: " + t.t("gate.off");
            case PASSED -> ":white_check_mark: " + t.t("gate.passed." + report.product().name(), figures(t, report, data));
            case FAILED -> ":no_entry: " + t.t("gate.failed." + report.product().name(), figures(t, report, data));
            case UNREACHABLE -> ":no_entry: " + t.t("gate.unreachable." + report.product().name(), data.apply(report.error()));
        };
    }

    /** One line per listed finding ("• orders-3 has no replica to spare: …"), then "… and N more" when some were not listed. */
    public static List<String> findings(Texts t, GateReport report, UnaryOperator<String> data) {
        List<String> lines = new ArrayList<>();
        for (Finding f : report.worst()) {
            lines.add("• " + finding(t, f, data));
        }
        int more = report.findings() - report.worst().size();
        if (more > 0) {
            lines.add(t.t("gate.more", more));
        }
        return lines;
    }

    /** One finding, worded: {@code {0}} is its detail, {@code {1}} its subject (a partition, a broker). */
    public static String finding(Texts t, Finding f, UnaryOperator<String> data) {
        return t.t("gate.finding." + f.kind().name(), data.apply(f.detail()), data.apply(f.subject()));
    }

    /** The headline and the findings, one text (for a modal section or a thread reply). */
    public static String text(Texts t, GateReport report, UnaryOperator<String> data) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(t, report, data));
        lines.addAll(findings(t, report, data));
        return String.join("\n", lines);
    }
}
