package io.ncprollout.rollout.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleSteps.Due;
import io.ncprollout.rollout.schedule.ScheduledRun.State;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure rules of a scheduled run: the reminder's window, the fire window, the grace, cancelling, and what a crash leaves. */
class ScheduleStepsTest {
    private static final Instant AT = Instant.parse("2026-12-04T17:00:00Z");
    private static final Instant CREATED = AT.minus(Duration.ofDays(1));

    static ScheduledRun run() {
        RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, new ClusterRef(Product.KAFKA, "1001", "orders-prod", "KR")),
                "U0ALICE", "patch");
        return ScheduledRun.pending("s-1", request, "C0OPS", AT, ZoneId.of("Asia/Seoul"), CREATED);
    }

    @Test
    void remind_inTheFifteenMinutesBeforeItsTime_only() {
        ScheduledRun r = run();

        assertThat(ScheduleSteps.remindDue(r, AT.minus(Duration.ofMinutes(16)))).isFalse();
        assertThat(ScheduleSteps.remindDue(r, AT.minus(Duration.ofMinutes(15)))).isTrue();
        assertThat(ScheduleSteps.remindDue(r, AT.minusSeconds(1))).isTrue();
        assertThat(ScheduleSteps.remindDue(r, AT)).as("its time came: it fires, no reminder").isFalse();
    }

    @Test
    void remind_once() {
        ScheduledRun reminded = ScheduleSteps.reminded(run(), "171.5", AT.minus(Duration.ofMinutes(15)));

        assertThat(reminded.state()).isEqualTo(State.REMINDED);
        assertThat(reminded.reminderTs()).hasValue("171.5");
        assertThat(reminded.remindedAt()).hasValue(AT.minus(Duration.ofMinutes(15)));
        assertThat(ScheduleSteps.remindDue(reminded, AT.minusSeconds(60))).isFalse();
        assertThatThrownBy(() -> ScheduleSteps.reminded(reminded, "171.6", AT.minusSeconds(60))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void due_waitsThenFiresWithinTheGrace_thenIsMissed() {
        ScheduledRun pending = run();
        ScheduledRun reminded = ScheduleSteps.reminded(pending, "171.5", AT.minusSeconds(600));

        for (ScheduledRun r : List.of(pending, reminded)) {
            assertThat(ScheduleSteps.due(r, AT.minusSeconds(1))).isEqualTo(Due.WAIT);
            assertThat(ScheduleSteps.due(r, AT)).isEqualTo(Due.FIRE);
            assertThat(ScheduleSteps.due(r, AT.plus(ScheduleSteps.GRACE))).as("the last instant of the grace").isEqualTo(Due.FIRE);
            assertThat(ScheduleSteps.due(r, AT.plus(ScheduleSteps.GRACE).plusMillis(1))).isEqualTo(Due.MISSED);
        }
    }

    @Test
    void missed_afterTheGrace_endsItWithoutAStart() {
        Instant late = AT.plus(Duration.ofMinutes(40));
        ScheduledRun missed = ScheduleSteps.missed(run(), late);

        assertThat(missed.state()).isEqualTo(State.MISSED);
        assertThat(missed.endedAt()).hasValue(late);
        assertThat(missed.rolloutId()).isEmpty();
        assertThat(missed.outcome().orElseThrow()).contains("40 min").contains("15 min grace");
        assertThat(ScheduleSteps.due(missed, late)).isEqualTo(Due.NONE);
        assertThatThrownBy(() -> ScheduleSteps.missed(run(), AT.plusSeconds(60))).as("still within the grace").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void starting_onlyWhenDue() {
        assertThatThrownBy(() -> ScheduleSteps.starting(run(), "r-1", AT.minusSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ScheduleSteps.starting(run(), "r-1", AT.plus(Duration.ofMinutes(16)))).as("never started late")
                .isInstanceOf(IllegalStateException.class);

        ScheduledRun starting = ScheduleSteps.starting(run(), "r-1", AT.plusSeconds(5));
        assertThat(starting.state()).isEqualTo(State.STARTING);
        assertThat(starting.rolloutId()).hasValue("r-1");
        assertThat(starting.endedAt()).isEmpty();
    }

    @Test
    void aStartingRun_neverFiresAgain_andIsSettledFromTheRolloutStore() {
        ScheduledRun starting = ScheduleSteps.starting(run(), "r-1", AT);

        // a new process finds it, within the grace and after it
        assertThat(ScheduleSteps.due(starting, AT.plusSeconds(30))).isEqualTo(Due.SETTLE);
        assertThat(ScheduleSteps.due(starting, AT.plus(Duration.ofHours(3)))).isEqualTo(Due.SETTLE);
        assertThat(ScheduleSteps.remindDue(starting, AT.minusSeconds(30))).isFalse();
        assertThatThrownBy(() -> ScheduleSteps.starting(starting, "r-2", AT.plusSeconds(30))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ScheduleSteps.missed(starting, AT.plus(Duration.ofHours(3)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ScheduleSteps.cancelled(starting, "U0ALICE", AT.plusSeconds(30))).isInstanceOf(IllegalStateException.class);

        ScheduledRun started = ScheduleSteps.started(starting, "r-1", AT.plusSeconds(30));
        assertThat(started.state()).isEqualTo(State.STARTED);
        assertThat(started.outcome()).hasValue("r-1");
        assertThat(started.endedAt()).hasValue(AT.plusSeconds(30));
        assertThat(ScheduleSteps.due(started, AT.plusSeconds(30))).isEqualTo(Due.NONE);

        ScheduledRun refused = ScheduleSteps.refused(starting, "the cluster is frozen", AT.plusSeconds(30));
        assertThat(refused.state()).isEqualTo(State.REFUSED);
        assertThat(refused.outcome()).hasValue("the cluster is frozen");
        assertThat(refused.rolloutId()).as("kept: what was tried").hasValue("r-1");
    }

    @Test
    void started_onlyFromStarting() {
        assertThatThrownBy(() -> ScheduleSteps.started(run(), "r-1", AT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancel_whileWaiting_only() {
        ScheduledRun cancelled = ScheduleSteps.cancelled(ScheduleSteps.reminded(run(), "171.5", AT.minusSeconds(600)), "U0ADMIN", AT.minusSeconds(60));

        assertThat(cancelled.state()).isEqualTo(State.CANCELLED);
        assertThat(cancelled.decidedBy()).hasValue("U0ADMIN");
        assertThat(cancelled.endedAt()).hasValue(AT.minusSeconds(60));
        assertThat(cancelled.reminderTs()).as("its button is still to be updated").hasValue("171.5");
        assertThat(ScheduleSteps.due(cancelled, AT)).isEqualTo(Due.NONE);
        for (ScheduledRun ended : List.of(cancelled, ScheduleSteps.missed(run(), AT.plus(Duration.ofHours(1))),
                ScheduleSteps.started(ScheduleSteps.starting(run(), "r-1", AT), "r-1", AT))) {
            assertThatThrownBy(() -> ScheduleSteps.cancelled(ended, "U0ALICE", AT)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ScheduleSteps.refused(ended, "why", AT)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void mayCancel_itsRequesterOrAnAdmin() {
        assertThat(ScheduleSteps.mayCancel(run(), "U0ALICE", false)).isTrue();
        assertThat(ScheduleSteps.mayCancel(run(), "U0BOB", false)).isFalse();
        assertThat(ScheduleSteps.mayCancel(run(), "U0BOB", true)).isTrue();
    }

    @Test
    void transitions_keepTheVersion_forTheCompareAndSet() {
        ScheduledRun stored = run().atVersion(4);

        assertThat(ScheduleSteps.reminded(stored, "1.1", AT.minusSeconds(60)).version()).isEqualTo(4);
        assertThat(ScheduleSteps.cancelled(stored, "U0ALICE", AT.minusSeconds(60)).version()).isEqualTo(4);
        assertThat(ScheduleSteps.starting(stored, "r-1", AT).version()).isEqualTo(4);
    }

    @Test
    void finalStates_areTheEndedOnes() {
        assertThat(List.of(State.values())).filteredOn(State::isFinal)
                .containsExactly(State.STARTED, State.REFUSED, State.MISSED, State.CANCELLED);
        assertThatThrownBy(() -> new ScheduledRun("s", run().request(), "C", AT, ZoneId.of("UTC"), CREATED, State.STARTED, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(AT), Optional.empty(), 0)).as("started without a rollout id")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
