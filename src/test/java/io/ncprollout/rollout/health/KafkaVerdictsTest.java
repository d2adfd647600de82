package io.ncprollout.rollout.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.health.GateReport.Finding;
import io.ncprollout.rollout.health.GateReport.Finding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaVerdictsTest {

    private static KafkaSnapshot.Partition p(String topic, int n, List<Integer> isr, int minIsr) {
        return new KafkaSnapshot.Partition(topic, n, List.of(1, 2, 3), isr, isr.isEmpty() ? OptionalInt.empty() : OptionalInt.of(isr.get(0)),
                minIsr == 0 ? OptionalInt.empty() : OptionalInt.of(minIsr));
    }

    private static KafkaSnapshot healthy() {
        return new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 2, 3), List.of(p("orders", 0, List.of(1, 2, 3), 2), p("orders", 1, List.of(2, 3, 1), 2)));
    }

    @Test
    void healthyCluster_passesWithItsFigures() {
        GateReport report = KafkaVerdicts.judge(healthy(), 0, 3);

        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.PASSED);
        assertThat(report.figure("brokers")).contains("3");
        assertThat(report.figure("underReplicated")).contains("0");
        assertThat(report.figure("partitions")).contains("2");
        assertThat(report.lagging()).hasValue(0);
    }

    @Test
    void oneBrokerDown_failsNamingThePartitionsAtMinIsrAndTheMissingBroker() {
        KafkaSnapshot seen = new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 3),
                List.of(p("orders", 0, List.of(1, 3), 2), p("orders", 1, List.of(3, 1), 2), p("logs", 0, List.of(1, 3), 1)));

        GateReport report = KafkaVerdicts.judge(seen, 0, 3);

        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.FAILED);
        assertThat(report.worst()).extracting(Finding::kind, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.BROKER_MISSING, "broker 2"),
                org.assertj.core.groups.Tuple.tuple(Kind.AT_MIN_ISR, "orders-0"),
                org.assertj.core.groups.Tuple.tuple(Kind.AT_MIN_ISR, "orders-1"),
                org.assertj.core.groups.Tuple.tuple(Kind.UNDER_REPLICATED, "logs-0"));
        assertThat(report.worst().get(1).detail()).isEqualTo("isr [1, 3] of [1, 2, 3], leader 1, min.insync.replicas 2");
        assertThat(report.figure("underReplicated")).contains("3");
        assertThat(report.lagging()).hasValue(3);
    }

    @Test
    void underReplicatedWithinTheAllowance_passes_andOfflineAlwaysFails() {
        KafkaSnapshot urp = new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 2, 3), List.of(p("logs", 0, List.of(1, 3), 1)));
        assertThat(KafkaVerdicts.judge(urp, 1, 3).verdict()).isEqualTo(GateReport.Verdict.PASSED);
        assertThat(KafkaVerdicts.judge(urp, 0, 3).verdict()).isEqualTo(GateReport.Verdict.FAILED);

        KafkaSnapshot offline = new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 2, 3), List.of(p("logs", 0, List.of(), 0)));
        GateReport report = KafkaVerdicts.judge(offline, 5, 3);
        assertThat(report.worst()).extracting(Finding::kind).containsExactly(Kind.OFFLINE);
        assertThat(report.worst().get(0).detail()).endsWith("no leader");
    }

    @Test
    void aPartitionWithNoMoreReplicasThanItsMinIsr_isCountedNotHeldAgainstTheCluster_andUnknownMinIsrIsCounted() {
        KafkaSnapshot.Partition single = new KafkaSnapshot.Partition("audit", 0, List.of(2), List.of(2), OptionalInt.of(2), OptionalInt.of(1));
        KafkaSnapshot.Partition unreadable = new KafkaSnapshot.Partition("secret", 0, List.of(1, 2, 3), List.of(1, 2, 3), OptionalInt.of(1), OptionalInt.empty());

        GateReport report = KafkaVerdicts.judge(new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 2, 3), List.of(single, unreadable)), 0, 3);

        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.PASSED);
        assertThat(report.figure("cannotSpare")).contains("1");
        assertThat(report.figure("minIsrUnknown")).contains("1");
    }

    @Test
    void lagging_isWhatExceedsTheTolerance() {
        KafkaSnapshot urp = new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 2, 3), List.of(p("logs", 0, List.of(1, 3), 1), p("logs", 1, List.of(1, 3), 1)));

        assertThat(KafkaVerdicts.judge(urp, 1, 3).lagging()).hasValue(1);
        assertThat(KafkaVerdicts.judge(urp, 5, 3).lagging()).hasValue(0);
    }

    @Test
    void noController_andFewerBrokersThanNcpLists_fail() {
        KafkaSnapshot seen = new KafkaSnapshot(OptionalInt.empty(), Set.of(1, 2, 3), List.of());

        GateReport report = KafkaVerdicts.judge(seen, 0, 4);

        assertThat(report.worst()).extracting(Finding::kind).containsExactly(Kind.NO_CONTROLLER, Kind.BROKER_MISSING);
        assertThat(report.worst().get(1).detail()).isEqualTo("3 of 4");
        assertThat(report.figure("controller")).contains("none");
    }

    @Test
    void manyFindings_listsTheTenWorstAndCountsTheRest() {
        List<KafkaSnapshot.Partition> partitions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            partitions.add(p("t", i, List.of(1, 3), 2));
        }
        GateReport report = KafkaVerdicts.judge(new KafkaSnapshot(OptionalInt.of(1), Set.of(1, 2, 3), partitions), 0, 3);

        assertThat(report.worst()).hasSize(GateReport.WORST_MAX);
        assertThat(report.findings()).isEqualTo(25);
        assertThat(report.subjects()).isEqualTo("t-0, t-1, t-2, t-3, t-4 (+20)");
    }
}
