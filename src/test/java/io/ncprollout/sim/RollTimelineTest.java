package io.ncprollout.sim;

import static io.ncprollout.sim.RollTimeline.Phase.CHANGING;
import static io.ncprollout.sim.RollTimeline.Phase.DONE;
import static io.ncprollout.sim.RollTimeline.Phase.FAILED;
import static io.ncprollout.sim.RollTimeline.Phase.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollTimelineTest {
    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final List<String> HOSTS = List.of("a", "b", "c");

    private static RollTimeline.State at(Duration elapsed, Map<String, NodeFault> faults) {
        return RollTimeline.at(START, START.plus(elapsed), STEP, HOSTS, h -> faults.getOrDefault(h, NodeFault.NONE));
    }

    @Test
    void at_start_firstNodeChanging() {
        RollTimeline.State state = at(Duration.ZERO, Map.of());

        assertThat(state.phases()).containsExactly(CHANGING, WAITING, WAITING);
        assertThat(state.outcome()).isEqualTo(RollTimeline.Outcome.RUNNING);
    }

    @Test
    void at_eachStep_nextNodeChangingAndEarlierDone() {
        assertThat(at(Duration.ofSeconds(59), Map.of()).phases()).containsExactly(CHANGING, WAITING, WAITING);
        assertThat(at(Duration.ofSeconds(60), Map.of()).phases()).containsExactly(DONE, CHANGING, WAITING);
        assertThat(at(Duration.ofSeconds(150), Map.of()).phases()).containsExactly(DONE, DONE, CHANGING);
    }

    @Test
    void at_afterLastStep_allDone() {
        RollTimeline.State state = at(Duration.ofSeconds(180), Map.of());

        assertThat(state.phases()).containsOnly(DONE);
        assertThat(state.outcome()).isEqualTo(RollTimeline.Outcome.DONE);
        assertThat(state.turnStarted()).containsExactly(START, START.plus(STEP), START.plus(STEP.multipliedBy(2)));
        assertThat(state.turnEnded().get(2)).isEqualTo(START.plus(STEP.multipliedBy(3)));
    }

    @Test
    void at_nowBeforeStart_firstNodeChanging() {
        assertThat(at(Duration.ofSeconds(-5), Map.of()).phases()).containsExactly(CHANGING, WAITING, WAITING);
    }

    @Test
    void at_stuckNode_staysChangingAndBlocksTheRest() {
        RollTimeline.State state = at(Duration.ofHours(5), Map.of("b", NodeFault.STUCK_ORANGE));

        assertThat(state.phases()).containsExactly(DONE, CHANGING, WAITING);
        assertThat(state.outcome()).isEqualTo(RollTimeline.Outcome.RUNNING);
    }

    @Test
    void at_redNode_failsAtItsTurn() {
        assertThat(at(Duration.ofSeconds(30), Map.of("b", NodeFault.GOES_RED)).outcome())
                .isEqualTo(RollTimeline.Outcome.RUNNING);

        RollTimeline.State state = at(Duration.ofSeconds(61), Map.of("b", NodeFault.GOES_RED));

        assertThat(state.phases()).containsExactly(DONE, FAILED, WAITING);
        assertThat(state.outcome()).isEqualTo(RollTimeline.Outcome.FAILED);
        assertThat(at(Duration.ofHours(1), Map.of("b", NodeFault.GOES_RED)).phases()).containsExactly(DONE, FAILED, WAITING);
    }

    @Test
    void at_stuckFaultCleared_catchesUpWithTheClock() {
        assertThat(at(Duration.ofSeconds(600), Map.of("a", NodeFault.STUCK_ORANGE)).outcome())
                .isEqualTo(RollTimeline.Outcome.RUNNING);

        assertThat(at(Duration.ofSeconds(600), Map.of()).outcome()).isEqualTo(RollTimeline.Outcome.DONE);
    }

    @Test
    void at_invalidArguments_throw() {
        assertThatThrownBy(() -> RollTimeline.at(START, START, Duration.ZERO, HOSTS, h -> NodeFault.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollTimeline.at(START, START, STEP, List.of(), h -> NodeFault.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
