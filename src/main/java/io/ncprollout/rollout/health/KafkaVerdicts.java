package io.ncprollout.rollout.health;

import io.ncprollout.rollout.health.GateReport.Figure;
import io.ncprollout.rollout.health.GateReport.Finding;
import io.ncprollout.rollout.health.GateReport.Finding.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure: is a Kafka cluster safe to roll, broker by broker? What Strimzi's KafkaRoller and Cruise Control check before
 * they restart a broker: an active controller, every broker registered, no partition offline, at most
 * {@code maxUnderReplicated} partitions under-replicated, and for every topic with {@code min.insync.replicas} an ISR
 * larger than it on every partition, so that the one broker a rolling restart takes down at a time leaves the
 * partition writable with {@code acks=all}. A partition with no more replicas than its {@code min.insync.replicas}
 * (replication factor 1, typically) can never spare a broker: like Strimzi, the gate does not hold it against the
 * cluster, and counts it ({@code cannotSpare}). Partitions whose {@code min.insync.replicas} could not be read (the
 * gate's user lacks DescribeConfigs) are counted too ({@code minIsrUnknown}), so a pass that skipped them shows it.
 */
public final class KafkaVerdicts {
    private KafkaVerdicts() {
    }

    /**
     * The report on {@code seen}.
     *
     * @param maxUnderReplicated how many under-replicated partitions are tolerated (0: none)
     * @param expectedBrokers    how many brokers the platform says the cluster has (0: unknown)
     */
    public static GateReport judge(KafkaSnapshot seen, int maxUnderReplicated, int expectedBrokers) {
        List<Finding> findings = new ArrayList<>();
        if (seen.controller().isEmpty()) {
            findings.add(new Finding(Kind.NO_CONTROLLER, "cluster", ""));
        }
        Set<Integer> hosting = new TreeSet<>();
        seen.partitions().forEach(p -> hosting.addAll(p.replicas()));
        hosting.removeAll(seen.brokers());
        hosting.forEach(id -> findings.add(new Finding(Kind.BROKER_MISSING, "broker " + id, "")));
        if (hosting.isEmpty() && expectedBrokers > seen.brokers().size()) {
            findings.add(new Finding(Kind.BROKER_MISSING, "brokers", seen.brokers().size() + " of " + expectedBrokers));
        }
        List<KafkaSnapshot.Partition> offline = new ArrayList<>();
        List<KafkaSnapshot.Partition> atMinIsr = new ArrayList<>();
        List<KafkaSnapshot.Partition> underReplicated = new ArrayList<>();
        for (KafkaSnapshot.Partition p : seen.partitions()) {
            if (p.leader().isEmpty()) {
                offline.add(p);
            } else if (p.minInsync().isPresent() && p.replicas().size() > p.minInsync().getAsInt() && p.isr().size() <= p.minInsync().getAsInt()) {
                atMinIsr.add(p);
            }
            if (p.underReplicated()) {
                underReplicated.add(p);
            }
        }
        Comparator<KafkaSnapshot.Partition> byName = Comparator.comparing(KafkaSnapshot.Partition::topic).thenComparingInt(KafkaSnapshot.Partition::partition);
        offline.sort(byName);
        offline.forEach(p -> findings.add(new Finding(Kind.OFFLINE, p.name(), replicasText(p))));
        atMinIsr.sort(Comparator.comparingInt((KafkaSnapshot.Partition p) -> p.isr().size() - p.minInsync().orElse(0)).thenComparing(byName));
        atMinIsr.forEach(p -> findings.add(new Finding(Kind.AT_MIN_ISR, p.name(), replicasText(p) + ", min.insync.replicas " + p.minInsync().orElse(0))));
        if (underReplicated.size() > maxUnderReplicated) {
            underReplicated.sort(Comparator.comparingInt((KafkaSnapshot.Partition p) -> p.isr().size() - p.replicas().size()).thenComparing(byName));
            underReplicated.stream().filter(p -> !offline.contains(p) && !atMinIsr.contains(p))
                    .forEach(p -> findings.add(new Finding(Kind.UNDER_REPLICATED, p.name(), replicasText(p))));
        }
        List<Figure> figures = List.of(
                Figure.of("brokers", seen.brokers().size()),
                new Figure("controller", seen.controller().isPresent() ? Integer.toString(seen.controller().getAsInt()) : "none"),
                Figure.of("partitions", seen.partitions().size()),
                Figure.of("underReplicated", underReplicated.size()),
                Figure.of("offline", offline.size()),
                Figure.of("atMinIsr", atMinIsr.size()),
                Figure.of("cannotSpare", seen.partitions().stream().filter(p -> p.minInsync().isPresent() && p.replicas().size() <= p.minInsync().getAsInt()).count()),
                Figure.of("minIsrUnknown", seen.partitions().stream().filter(p -> p.minInsync().isEmpty()).count()),
                Figure.of("allowedUnderReplicated", maxUnderReplicated));
        return GateReport.of(GateReport.Gate.KAFKA, figures, findings);
    }

    private static String replicasText(KafkaSnapshot.Partition p) {
        OptionalInt leader = p.leader();
        return "isr " + p.isr() + " of " + p.replicas() + (leader.isPresent() ? ", leader " + leader.getAsInt() : ", no leader");
    }
}
