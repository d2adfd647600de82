package io.ncprollout.rollout.health;

import java.util.List;
import java.util.Objects;

/**
 * What a health gate said about a cluster: the verdict, the figures it counted (shown beside NCP's precheck and in
 * {@code /kafka status}) and the worst findings, at most {@value #WORST_MAX}, with the total count.
 *
 * @param verdict  pass, fail, could not look, or no gate configured
 * @param product  which gate looked ({@code KAFKA}, {@code OPENSEARCH}; {@code NONE} when off)
 * @param figures  what it counted, in display order
 * @param worst    the worst findings first, at most {@value #WORST_MAX}
 * @param findings how many findings there were in all (≥ {@code worst.size()})
 * @param error    why it could not look ({@link Verdict#UNREACHABLE}), else empty; never holds a secret
 */
public record GateReport(Verdict verdict, Gate product, List<Figure> figures, List<Finding> worst, int findings, String error) {
    /** The most findings a report lists; the rest are counted. */
    public static final int WORST_MAX = 10;

    public GateReport {
        Objects.requireNonNull(verdict, "verdict == null");
        Objects.requireNonNull(product, "product == null");
        figures = List.copyOf(figures);
        worst = List.copyOf(worst.size() > WORST_MAX ? worst.subList(0, WORST_MAX) : worst);
        Objects.requireNonNull(error, "error == null");
        if (findings < worst.size()) {
            throw new IllegalArgumentException("findings " + findings + " < listed " + worst.size());
        }
    }

    /** No gate covers the cluster. */
    public static GateReport off() {
        return new GateReport(Verdict.OFF, Gate.NONE, List.of(), List.of(), 0, "");
    }

    /** The gate could not look, for {@code error} (written for the user, without secrets). */
    public static GateReport unreachable(Gate product, String error) {
        return new GateReport(Verdict.UNREACHABLE, product, List.of(), List.of(), 0, error);
    }

    /** A verdict on what was seen: passed when there is no finding, failed otherwise. */
    public static GateReport of(Gate product, List<Figure> figures, List<Finding> all) {
        return new GateReport(all.isEmpty() ? Verdict.PASSED : Verdict.FAILED, product, figures, all, all.size(), "");
    }

    /** True when this report stops a start (failed, or could not look), unless an admin starts anyway. */
    public boolean blocks() {
        return verdict.blocks();
    }

    /**
     * Data for a short line (a fleet's skip, the audit): why the gate could not look, or the subjects of the worst
     * findings (partitions, shards, brokers), at most five, with how many more.
     */
    public String subjects() {
        if (verdict == Verdict.UNREACHABLE) {
            return error;
        }
        List<String> subjects = worst.stream().map(Finding::subject).distinct().limit(5).toList();
        int more = findings - subjects.size();
        return String.join(", ", subjects) + (more > 0 ? " (+" + more + ")" : "");
    }

    /**
     * What the data still has to catch up, from the figures: Kafka's under-replicated partitions beyond what the rule
     * tolerates, OpenSearch's shards
     * unassigned, initializing or relocating. Empty when the gate did not look (off, unreachable).
     */
    public java.util.OptionalInt lagging() {
        if (verdict == Verdict.OFF || verdict == Verdict.UNREACHABLE) {
            return java.util.OptionalInt.empty();
        }
        try {
            if (product == Gate.KAFKA) {
                // back within what the rule tolerates counts as caught up
                int allowed = Integer.parseInt(figure("allowedUnderReplicated").orElse("0"));
                return figure("underReplicated").map(v -> java.util.OptionalInt.of(Math.max(0, Integer.parseInt(v) - allowed)))
                        .orElse(java.util.OptionalInt.empty());
            }
            int sum = 0;
            for (String key : List.of("unassigned", "initializing", "relocating")) {
                sum += Integer.parseInt(figure(key).orElse("0"));
            }
            return java.util.OptionalInt.of(sum);
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The value of figure {@code key}, if counted. */
    public java.util.Optional<String> figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).map(Figure::value).findFirst();
    }

    /** The gate's answer. */
    public enum Verdict {
        /** No gate is configured for the cluster: nothing is checked beyond NCP's precheck. */
        OFF(false),
        /** The data is safe to roll. */
        PASSED(false),
        /** The data is not safe to roll: see the findings. */
        FAILED(true),
        /** The gate could not look (unreachable, credentials refused, timed out): treated as a failure. */
        UNREACHABLE(true);

        private final boolean blocks;

        Verdict(boolean blocks) {
            this.blocks = blocks;
        }

        public boolean blocks() {
            return blocks;
        }
    }

    /** Which data plane a gate reads. */
    public enum Gate { NONE, KAFKA, OPENSEARCH }

    /**
     * One thing the gate counted, e.g. {@code underReplicated = 0}. Keys are stable (the chat words them from its
     * bundle, {@code gate.figure.<key>}); a value is shown verbatim.
     */
    public record Figure(String key, String value) {
        public Figure {
            Objects.requireNonNull(key, "key == null");
            Objects.requireNonNull(value, "value == null");
        }

        public static Figure of(String key, long value) {
            return new Figure(key, Long.toString(value));
        }
    }

    /**
     * One reason the data is not safe to roll.
     *
     * @param kind    what is wrong
     * @param subject what it is wrong with ({@code orders-3} for a partition, {@code broker 2}, {@code cluster}); verbatim
     * @param detail  the figures behind it ({@code isr [1, 3] of [1, 2, 3]}); verbatim, may be empty
     */
    public record Finding(Kind kind, String subject, String detail) {
        public Finding {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(subject, "subject == null");
            Objects.requireNonNull(detail, "detail == null");
        }

        /** What is wrong, the worst first (findings are listed in this order). */
        public enum Kind {
            /** Kafka: no active controller. */
            NO_CONTROLLER,
            /** Kafka: a broker holds replicas or is expected but is not registered. */
            BROKER_MISSING,
            /** Kafka: a partition has no leader. */
            OFFLINE,
            /** Kafka: a partition whose ISR is at (or under) min.insync.replicas: one broker down makes it unwritable with acks=all. */
            AT_MIN_ISR,
            /** Kafka: a partition whose ISR is smaller than its replica set, beyond the allowed count. */
            UNDER_REPLICATED,
            /** OpenSearch: the cluster's status is worse than required (or unknown: shown verbatim). */
            CLUSTER_STATUS,
            /** OpenSearch: shards unassigned. */
            SHARDS_UNASSIGNED,
            /** OpenSearch: shards initializing. */
            SHARDS_INITIALIZING,
            /** OpenSearch: shards relocating. */
            SHARDS_RELOCATING
        }
    }
}
