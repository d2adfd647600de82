package io.ncprollout.rollout.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.ThreadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The pure steps of a fleet: waves, pauses, endings, the stop at the first failure, and what a crash leaves behind. */
class FleetStepsTest {
    private static final Instant T0 = Instant.parse("2026-12-04T01:00:00Z");
    private final AtomicInteger n = new AtomicInteger();
    private final Supplier<String> ids = () -> "r-" + n.incrementAndGet();
    private final Map<String, FleetSteps.Seen> rows = new HashMap<>();

    private static Fleet fleet(int clusters, int wave, Duration pause) {
        FleetSpec spec = new FleetSpec(OperationKind.KAFKA_RESTART, Optional.empty(), "KR", "c-*", "U1", Optional.empty(), "patch", "C1", wave, pause);
        List<FleetMember> members = java.util.stream.IntStream.rangeClosed(1, clusters)
                .mapToObj(i -> FleetMember.waiting(new ClusterRef(Product.KAFKA, String.valueOf(i), "c-" + i, "KR"), 3)).toList();
        return Fleet.planned("f", spec, members, T0).withThread(new ThreadRef("C1", "1.1", ""));
    }

    private Fleet refresh(Fleet f, Instant at) {
        return FleetSteps.refresh(f, id -> rows.getOrDefault(id, new FleetSteps.Seen.Absent()), at);
    }

    private Fleet startWave(Fleet f, Instant at) {
        Fleet marked = FleetSteps.nextWave(f, at, ids).orElseThrow();
        for (int i = 0; i < marked.members().size(); i++) {
            if (marked.member(i).status() == MemberStatus.STARTING) {
                rows.put(marked.member(i).rolloutId().orElseThrow(), new FleetSteps.Seen.Row(RolloutState.RUNNING));
                marked = FleetSteps.started(marked, i, new FleetSteps.StartResult.Started(), at);
            }
        }
        return marked;
    }

    private void ends(Fleet f, int index, RolloutState state) {
        rows.put(f.member(index).rolloutId().orElseThrow(), new FleetSteps.Seen.Row(state));
    }

    private static List<MemberStatus> statuses(Fleet f) {
        return f.members().stream().map(FleetMember::status).toList();
    }

    @Test
    void nextWave_marksWaveSizeWaitingClustersStarting_withTheirIdsInOneStep() {
        Fleet marked = FleetSteps.nextWave(fleet(5, 2, Duration.ZERO), T0, ids).orElseThrow();

        assertThat(statuses(marked)).containsExactly(MemberStatus.STARTING, MemberStatus.STARTING, MemberStatus.WAITING, MemberStatus.WAITING,
                MemberStatus.WAITING);
        assertThat(marked.member(0).rolloutId()).hasValue("r-1");
        assertThat(marked.member(1).rolloutId()).hasValue("r-2");
        assertThat(marked.events()).as("said once each is started, not when marked").isEmpty();
        assertThat(FleetSteps.nextWave(marked, T0, ids)).as("a wave is running").isEmpty();
    }

    @Test
    void aFleetAskedForLater_startsItsFirstWaveAtItsTime_andLaterWavesOnlyOnTheirPace() {
        Instant at = T0.plus(Duration.ofHours(3));
        Fleet later = fleet(2, 1, Duration.ZERO);
        later = Fleet.planned("f", later.spec().startingAt(Optional.of(new io.ncprollout.rollout.schedule.ScheduledTime(at, java.time.ZoneId.of("Asia/Seoul")))),
                later.members(), T0).withThread(new ThreadRef("C1", "1.1", ""));

        assertThat(FleetSteps.nextWave(later, at.minusSeconds(1), ids)).as("before its time").isEmpty();
        Fleet f = startWave(later, at.plusSeconds(30));
        assertThat(statuses(f)).containsExactly(MemberStatus.RUNNING, MemberStatus.WAITING);

        ends(f, 0, RolloutState.COMPLETED);
        f = refresh(f, at.plus(Duration.ofHours(1)));
        assertThat(FleetSteps.nextWave(f, at.plus(Duration.ofHours(1)), ids)).as("the second wave is not held by the start time, nor missed")
                .hasValueSatisfying(n -> assertThat(n.member(1).status()).isEqualTo(MemberStatus.STARTING));
    }

    @Test
    void aFleetAskedForLater_whoseTimePassedByMoreThanTheGrace_endsNotStarted_asMissed() {
        Instant at = T0.plus(Duration.ofHours(3));
        Fleet base = fleet(2, 1, Duration.ZERO);
        Fleet later = Fleet.planned("f", base.spec().startingAt(Optional.of(new io.ncprollout.rollout.schedule.ScheduledTime(at, java.time.ZoneId.of("UTC")))),
                base.members(), T0).withThread(new ThreadRef("C1", "1.1", ""));

        Fleet missed = FleetSteps.nextWave(later, at.plus(io.ncprollout.rollout.schedule.ScheduleSteps.GRACE).plusSeconds(1), ids).orElseThrow();

        assertThat(missed.state()).isEqualTo(FleetState.STOPPED);
        assertThat(missed.stop()).hasValueSatisfying(c -> assertThat(c.why()).isEqualTo(StopCause.Why.MISSED));
        assertThat(missed.members()).allSatisfy(m -> assertThat(m.rolloutId()).isEmpty());
        assertThat(missed.events()).extracting(FleetEvent::type).containsExactly(FleetEvent.Type.FINISHED);
    }

    @Test
    void theNextWave_waitsForTheWholeWaveAndThePause() {
        Fleet f = startWave(fleet(4, 2, Duration.ofMinutes(5)), T0);
        ends(f, 0, RolloutState.COMPLETED);
        f = refresh(f, T0.plusSeconds(60));
        assertThat(FleetSteps.nextWave(f, T0.plusSeconds(60), ids)).as("cluster 2 still runs").isEmpty();

        ends(f, 1, RolloutState.COMPLETED);
        f = refresh(f, T0.plusSeconds(120));
        assertThat(f.waveEndedAt()).hasValue(T0.plusSeconds(120));
        assertThat(FleetSteps.nextWave(f, T0.plusSeconds(120 + 299), ids)).as("the pause has not elapsed").isEmpty();
        assertThat(FleetSteps.nextWave(f, T0.plusSeconds(120 + 300), ids)).isPresent();
    }

    @Test
    void aClusterThatFails_stopsTheFleet_theOtherOfItsWaveIsFollowedToItsEnd_theRestNeverStarts() {
        Fleet f = startWave(fleet(5, 2, Duration.ZERO), T0);
        ends(f, 0, RolloutState.COMPLETED);
        ends(f, 1, RolloutState.COMPLETED);
        f = startWave(refresh(f, T0.plusSeconds(90)), T0.plusSeconds(90));

        ends(f, 2, RolloutState.FAILED);
        f = refresh(f, T0.plusSeconds(100));

        assertThat(f.state()).isEqualTo(FleetState.STOPPING);
        assertThat(f.stop()).hasValue(new StopCause(StopCause.Why.CLUSTER_ENDED, "c-3", "FAILED"));
        assertThat(f.events()).extracting(FleetEvent::type).endsWith(FleetEvent.Type.ENDED, FleetEvent.Type.STOPPING);
        assertThat(FleetSteps.nextWave(f, T0.plusSeconds(200), ids)).isEmpty();

        ends(f, 3, RolloutState.COMPLETED);
        f = refresh(f, T0.plusSeconds(180));
        assertThat(f.state()).isEqualTo(FleetState.STOPPED);
        assertThat(statuses(f)).containsExactly(MemberStatus.DONE, MemberStatus.DONE, MemberStatus.FAILED, MemberStatus.DONE, MemberStatus.NOT_STARTED);
        assertThat(f.events()).extracting(FleetEvent::type).endsWith(FleetEvent.Type.ENDED, FleetEvent.Type.FINISHED);
        assertThat(f.events()).filteredOn(e -> e.type() == FleetEvent.Type.STOPPING).hasSize(1);
    }

    @Test
    void stalledOrUnconfirmed_stopTheFleetToo() {
        for (RolloutState bad : List.of(RolloutState.STALLED, RolloutState.UNCONFIRMED, RolloutState.ABANDONED)) {
            Fleet f = startWave(fleet(2, 1, Duration.ZERO), T0);
            ends(f, 0, bad);
            f = refresh(f, T0.plusSeconds(60));
            assertThat(f.state()).as(bad.name()).isEqualTo(FleetState.STOPPED);
            assertThat(statuses(f)).as(bad.name()).containsExactly(MemberStatus.FAILED, MemberStatus.NOT_STARTED);
        }
    }

    @Test
    void everyClusterDone_completesTheFleet() {
        Fleet f = startWave(fleet(1, 1, Duration.ZERO), T0);
        ends(f, 0, RolloutState.COMPLETED);
        f = refresh(f, T0.plusSeconds(60));

        assertThat(f.state()).isEqualTo(FleetState.COMPLETED);
        assertThat(f.events()).extracting(FleetEvent::type).containsExactly(FleetEvent.Type.STARTED, FleetEvent.Type.ENDED, FleetEvent.Type.FINISHED);
    }

    @Test
    void aStartingClusterFoundInTheStore_isRunning_andOneAbsentStaysToStart_afterACrash() {
        Fleet marked = FleetSteps.nextWave(fleet(3, 2, Duration.ZERO), T0, ids).orElseThrow();
        rows.put("r-1", new FleetSteps.Seen.Row(RolloutState.RUNNING)); // claimed before the crash; r-2 never was

        Fleet f = refresh(marked, T0.plusSeconds(5));

        assertThat(statuses(f)).containsExactly(MemberStatus.RUNNING, MemberStatus.STARTING, MemberStatus.WAITING);
        assertThat(f.events()).extracting(FleetEvent::type).containsExactly(FleetEvent.Type.STARTED);
    }

    @Test
    void aStartThatNeverReachedNcp_isTriedAgain_thenSkipped() {
        Fleet f = fleet(1, 1, Duration.ZERO);
        for (int attempt = 1; attempt <= FleetSteps.MAX_ATTEMPTS; attempt++) {
            f = FleetSteps.nextWave(f, T0, ids).orElseThrow();
            rows.put(f.member(0).rolloutId().orElseThrow(), new FleetSteps.Seen.Row(RolloutState.NOT_STARTED));
            f = refresh(f, T0);
        }
        assertThat(f.member(0).status()).isEqualTo(MemberStatus.SKIPPED);
        assertThat(f.member(0).skip()).hasValue(new Skip(Skip.Why.NOT_STARTED, ""));
        assertThat(f.events()).extracting(FleetEvent::type).as("no start was said for starts that never were")
                .doesNotContain(FleetEvent.Type.STARTED);
        assertThat(f.state()).isEqualTo(FleetState.COMPLETED);
    }

    @Test
    void startResults_skipGoesOn_freezeStops_notSentRetries() {
        Fleet marked = FleetSteps.nextWave(fleet(3, 2, Duration.ZERO), T0, ids).orElseThrow();

        Fleet skipped = FleetSteps.started(marked, 0, new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.PRECHECK_FAILED, "not ready")), T0);
        assertThat(skipped.member(0).status()).isEqualTo(MemberStatus.SKIPPED);
        assertThat(skipped.state()).isEqualTo(FleetState.RUNNING);

        Fleet frozen = FleetSteps.started(skipped, 1, new FleetSteps.StartResult.Frozen("change freeze"), T0);
        assertThat(frozen.state()).isEqualTo(FleetState.STOPPED);
        assertThat(frozen.stop()).hasValue(new StopCause(StopCause.Why.FROZEN, "change freeze", "c-2"));
        assertThat(statuses(frozen)).containsExactly(MemberStatus.SKIPPED, MemberStatus.NOT_STARTED, MemberStatus.NOT_STARTED);

        Fleet notSent = FleetSteps.started(marked, 0, new FleetSteps.StartResult.NotSent(), T0);
        assertThat(notSent.member(0).status()).isEqualTo(MemberStatus.WAITING);
        assertThat(notSent.member(0).attempts()).isEqualTo(1);
    }

    @Test
    void pauseResumeStop_applyOnlyWhereTheyMeanSomething() {
        Fleet running = startWave(fleet(3, 1, Duration.ZERO), T0);
        Fleet paused = FleetSteps.pause(running, "U1", T0).orElseThrow();

        assertThat(FleetSteps.pause(paused, "U1", T0)).isEmpty();
        assertThat(FleetSteps.nextWave(paused, T0, ids)).isEmpty();
        assertThat(FleetSteps.resume(running, "U1", T0)).isEmpty();
        Fleet resumed = FleetSteps.resume(paused, "U2", T0).orElseThrow();
        assertThat(resumed.state()).isEqualTo(FleetState.RUNNING);
        assertThat(resumed.events()).extracting(FleetEvent::type).endsWith(FleetEvent.Type.PAUSED, FleetEvent.Type.RESUMED);

        Fleet stopping = FleetSteps.stop(paused, "U2", T0).orElseThrow();
        assertThat(stopping.state()).as("cluster 1 still runs").isEqualTo(FleetState.STOPPING);
        assertThat(FleetSteps.stop(stopping, "U2", T0)).isEmpty();
        assertThat(FleetSteps.resume(stopping, "U2", T0)).isEmpty();
        ends(stopping, 0, RolloutState.COMPLETED);
        Fleet stopped = refresh(stopping, T0.plusSeconds(60));
        assertThat(stopped.state()).isEqualTo(FleetState.STOPPED);
        assertThat(statuses(stopped)).containsExactly(MemberStatus.DONE, MemberStatus.NOT_STARTED, MemberStatus.NOT_STARTED);
    }

    @Test
    void aClusterMarkedForTheWaveWhenTheFleetStopped_isNotStarted() {
        Fleet marked = FleetSteps.nextWave(fleet(2, 2, Duration.ZERO), T0, ids).orElseThrow();
        Fleet stopping = FleetSteps.stop(marked, "U1", T0).orElseThrow();

        Fleet f = refresh(stopping, T0);

        assertThat(f.state()).isEqualTo(FleetState.STOPPED);
        assertThat(statuses(f)).containsExactly(MemberStatus.NOT_STARTED, MemberStatus.NOT_STARTED);
    }

    @Test
    void aClusterMarkedForTheWaveWhenTheFleetWasPaused_waitsForTheWaveAfterResume() {
        Fleet marked = FleetSteps.nextWave(fleet(2, 2, Duration.ZERO), T0, ids).orElseThrow();
        Fleet paused = FleetSteps.pause(marked, "U1", T0).orElseThrow();

        Fleet f = refresh(paused, T0);
        assertThat(f.state()).isEqualTo(FleetState.PAUSED);
        assertThat(statuses(f)).containsExactly(MemberStatus.WAITING, MemberStatus.WAITING);
        assertThat(f.member(0).rolloutId()).isEmpty();

        Fleet resumed = FleetSteps.resume(f, "U1", T0).orElseThrow();
        assertThat(FleetSteps.nextWave(resumed, T0, ids).orElseThrow().members()).extracting(FleetMember::status)
                .containsExactly(MemberStatus.STARTING, MemberStatus.STARTING);
    }

    @Test
    void notAnnounced_endsTheFleetWithNothingStarted() {
        Fleet f = FleetSteps.notAnnounced(fleet(2, 1, Duration.ZERO), "restarted", T0);

        assertThat(f.state()).isEqualTo(FleetState.STOPPED);
        assertThat(f.stop()).hasValue(new StopCause(StopCause.Why.NOT_ANNOUNCED, "restarted", ""));
        assertThat(statuses(f)).containsOnly(MemberStatus.NOT_STARTED);
        assertThat(f.unsaid()).extracting(FleetEvent::type).containsExactly(FleetEvent.Type.FINISHED);
    }

    @Test
    void saidAndShown_moveTheirCountersOnly() {
        Fleet f = startWave(fleet(2, 1, Duration.ZERO), T0);
        assertThat(f.tableStale()).isTrue();
        Fleet shown = f.shown(f.changes());
        assertThat(shown.tableStale()).isFalse();
        assertThat(shown.said().unsaid()).isEmpty();
        assertThat(shown.said().tableStale()).as("saying a line does not make the table stale").isFalse();
    }
}
