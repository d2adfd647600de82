package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.tracking.Eta;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The estimate, pure and in words: from history (a point, or a range when runs differ), from this run's pace, or none. */
class EtaLinesTest {
    private static final Texts EN = Texts.of(Locale.ENGLISH);
    private static final Texts KO = Texts.of(Locale.KOREAN);
    private static final List<Duration> STEADY = List.of(Duration.ofSeconds(662), Duration.ofSeconds(730), Duration.ofSeconds(721));

    @Test
    void history_closeRuns_giveTheirMedianFromTheStart() {
        Eta eta = Eta.of(Rollouts.midway(), STEADY, Rollouts.at(90)).orElseThrow();

        assertThat(eta.basis()).isEqualTo(Eta.Basis.HISTORY);
        assertThat(eta.isRange()).isFalse();
        assertThat(eta.endsLow()).isEqualTo(Rollouts.at(0).plusSeconds(721));
        assertThat(EtaLines.running(EN, Rollouts.midway(), STEADY)).hasValue(":stopwatch: ETA <!date^" + Rollouts.at(721).getEpochSecond()
                + "^{time_secs} ({ago})|10:12:01 UTC>, from the last 3 runs of this operation on this cluster: 11m 02s, 12m 10s, 12m 01s");
        assertThat(EtaLines.running(KO, Rollouts.midway(), STEADY)).hasValueSatisfying(s -> assertThat(s).contains("예상 종료").contains("최근 3회"));
    }

    @Test
    void history_runsMoreThanAQuarterApart_giveARange() {
        List<Duration> uneven = List.of(Duration.ofMinutes(10), Duration.ofMinutes(14));

        Eta eta = Eta.of(Rollouts.midway(), uneven, Rollouts.at(90)).orElseThrow();

        assertThat(eta.isRange()).isTrue();
        assertThat(List.of(eta.totalLow(), eta.totalHigh())).containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(14));
        assertThat(EtaLines.running(EN, Rollouts.midway(), uneven)).hasValueSatisfying(s -> assertThat(s).startsWith(":stopwatch: ETA between")
                .contains("they differ by more than 25 %"));
    }

    @Test
    void noHistory_usesThisRunsPaceAfterTheFirstNode_andNothingBefore() {
        assertThat(Eta.of(Rollouts.restart(), List.of(), Rollouts.at(0))).isEmpty();

        Eta pace = Eta.of(Rollouts.midway(), List.of(), Rollouts.at(90)).orElseThrow();
        // b-1 took 10:00:15 → 10:01:27 (72 s); two brokers left: 144 s after it
        assertThat(pace.basis()).isEqualTo(Eta.Basis.THIS_RUN);
        assertThat(pace.endsLow()).isEqualTo(Rollouts.at(87 + 144));
        assertThat(EtaLines.running(EN, Rollouts.midway(), List.of())).hasValueSatisfying(s -> assertThat(s).contains("from this run's pace (nodes done: 1)"));
        assertThat(EtaLines.running(EN, Rollouts.completed(), STEADY)).as("nothing once it ended").isEmpty();
    }

    @Test
    void ended_comparesTheDurationWithWhatHistoryExpected() {
        assertThat(EtaLines.ended(EN, Rollouts.completed(), STEADY)).hasValue("Took 3m 05s; expected 12m 01s from the last 3 runs (11m 02s, 12m 10s, 12m 01s)");
        assertThat(EtaLines.ended(EN, Rollouts.completed(), List.of())).isEmpty();
    }

    @Test
    void pastRuns_areTheLatestCompletedOfTheSameOperationOnTheSameCluster() {
        Rollout done = Rollouts.completed();
        TrackedRollout same = new TrackedRollout(new Rollout("old-1", done.request(), done.startedAt(), done.tracking()), ThreadRef.pending("C1"));
        TrackedRollout failed = new TrackedRollout(new Rollout("old-2", done.request(), done.startedAt(), Rollouts.failed().tracking()), ThreadRef.pending("C1"));
        TrackedRollout other = new TrackedRollout(Rollouts.openSearchUpgrade(), ThreadRef.pending("C1"));

        assertThat(Eta.pastRuns(Rollouts.midway(), List.of(failed, other, same, same, same, same))).containsExactly(Duration.ofSeconds(185),
                Duration.ofSeconds(185), Duration.ofSeconds(185));
    }
}
