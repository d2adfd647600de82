package io.ncprollout.rollout.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CatchUpsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration WARN_AFTER = Duration.ofMinutes(10);

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static NodeProgress done(String name, int started, int finished) {
        return new NodeProgress(name, NodeRole.BROKER, "green", NodeHealth.HEALTHY, NodePhase.DONE, Optional.of(at(started)), Optional.of(at(finished)));
    }

    private static NodeProgress down(String name, int started) {
        return new NodeProgress(name, NodeRole.BROKER, "orange", NodeHealth.CHANGING, NodePhase.IN_PROGRESS, Optional.of(at(started)), Optional.empty());
    }

    private static NodeProgress waiting(String name) {
        return new NodeProgress(name, NodeRole.BROKER, "green", NodeHealth.HEALTHY, NodePhase.WAITING, Optional.empty(), Optional.empty());
    }

    private static Tracking tracking(CatchUp catchUp, NodeProgress... nodes) {
        return new Tracking(RolloutState.RUNNING, new Snapshot("changing", List.of(nodes), Optional.empty()), true, at(0), Alerts.none(),
                Optional.empty(), catchUp);
    }

    private static boolean wanted(Tracking t) {
        return CatchUps.wanted(t, NodeRole.BROKER);
    }

    /** A look asked for and used at {@code now}. */
    private static CatchUps.Next next(Tracking t, OptionalInt lagging, Instant now) {
        return CatchUps.next(t, NodeRole.BROKER, lagging, now, now, WARN_AFTER);
    }

    @Test
    void aLookAskedForBeforeTheNodeCameBack_saysNothingAboutIt_andAnUnknownCountNeverWarns() {
        Tracking back = tracking(CatchUp.none(), done("b-1", 0, 60), waiting("b-2"));

        CatchUp early = CatchUps.next(back, NodeRole.BROKER, OptionalInt.of(0), at(50), at(75), WARN_AFTER).catchUp();
        assertThat(early.of("b-1").orElseThrow().outcome()).isEqualTo(CatchUp.Outcome.PENDING);
        assertThat(early.of("b-1").orElseThrow().lagging()).isEmpty();

        CatchUps.Next blind = CatchUps.next(back.with(early), NodeRole.BROKER, OptionalInt.empty(), at(700), at(700), WARN_AFTER);
        assertThat(blind.warn()).isFalse();
    }

    @Test
    void onlyNodesOfTheDataRoleAreFollowed() {
        NodeProgress zookeeper = new NodeProgress("zk-1", NodeRole.ZOOKEEPER, "green", NodeHealth.HEALTHY, NodePhase.DONE, Optional.of(at(0)),
                Optional.of(at(30)));
        Tracking t = tracking(CatchUp.none(), zookeeper, waiting("b-1"));

        assertThat(wanted(t)).isFalse();
        assertThat(next(t, OptionalInt.of(0), at(40)).catchUp().nodes()).isEmpty();
    }

    @Test
    void nothingBackYet_wantsNoLook() {
        assertThat(wanted(tracking(CatchUp.none(), down("b-1", 0), waiting("b-2")))).isFalse();
    }

    @Test
    void brokerBack_withPartitionsLagging_isPending_thenCaughtUpWithHowLong() {
        Tracking back = tracking(CatchUp.none(), done("b-1", 0, 60), waiting("b-2"));
        assertThat(wanted(back)).isTrue();

        CatchUps.Next first = next(back, OptionalInt.of(4), at(75));
        CatchUp.Node b1 = first.catchUp().of("b-1").orElseThrow();
        assertThat(b1.outcome()).isEqualTo(CatchUp.Outcome.PENDING);
        assertThat(b1.lagging()).hasValue(4);
        assertThat(first.warn()).isFalse();

        Tracking later = back.with(first.catchUp());
        CatchUps.Next second = next(later, OptionalInt.of(0), at(105));
        CatchUp.Node caught = second.catchUp().of("b-1").orElseThrow();
        assertThat(caught.outcome()).isEqualTo(CatchUp.Outcome.CAUGHT_UP);
        assertThat(caught.took()).contains(Duration.ofSeconds(45));
        assertThat(wanted(later.with(second.catchUp()))).isFalse();
    }

    @Test
    void nextBrokerDownBeforeTheCountReachedZero_isOvertaken() {
        Tracking back = tracking(CatchUp.none(), done("b-1", 0, 60), waiting("b-2"));
        CatchUp pending = next(back, OptionalInt.of(4), at(75)).catchUp();

        Tracking nextDown = tracking(pending, done("b-1", 0, 60), down("b-2", 90));
        CatchUp.Node b1 = next(nextDown, OptionalInt.of(9), at(95)).catchUp().of("b-1").orElseThrow();

        assertThat(b1.outcome()).isEqualTo(CatchUp.Outcome.OVERTAKEN);
        assertThat(b1.lagging()).hasValue(9);
    }

    @Test
    void gateCouldNotLook_keepsTheLastCount_andWarnsOnceAfterTheStallTime() {
        Tracking back = tracking(CatchUp.none(), done("b-1", 0, 60), waiting("b-2"));
        CatchUp pending = next(back, OptionalInt.of(4), at(75)).catchUp();

        CatchUps.Next late = next(back.with(pending), OptionalInt.empty(), at(60 + 600));
        assertThat(late.warn()).isTrue();
        assertThat(late.catchUp().warned()).isTrue();
        assertThat(late.catchUp().of("b-1").orElseThrow().lagging()).hasValue(4);

        CatchUps.Next again = next(back.with(late.catchUp()), OptionalInt.of(3), at(60 + 700));
        assertThat(again.warn()).isFalse();
    }

    @Test
    void theLastNodeOfAnEndedRollout_getsOneLook_thenNoMore() {
        Tracking back = tracking(CatchUp.none(), done("b-1", 0, 60));
        Tracking ended = new Tracking(RolloutState.COMPLETED, back.snapshot(), true, at(0), Alerts.none(),
                Optional.of(new Tracking.Ending(at(70), new EndingReason.Completed())), CatchUp.none());

        assertThat(wanted(ended)).isTrue();
        CatchUp looked = next(ended, OptionalInt.of(0), at(70)).catchUp();
        assertThat(wanted(ended.with(looked))).isFalse();
    }

    @Test
    void nextBrokerSeenDownAtTheSamePollAsTheLastCameBack_isOvertakenWhenTheDataLags() {
        Tracking sameInstant = tracking(CatchUp.none(), done("b-1", 0, 60), down("b-2", 60));

        assertThat(next(sameInstant, OptionalInt.of(6), at(60)).catchUp().of("b-1").orElseThrow().outcome())
                .isEqualTo(CatchUp.Outcome.OVERTAKEN);
        assertThat(next(sameInstant, OptionalInt.of(0), at(60)).catchUp().of("b-1").orElseThrow().outcome())
                .isEqualTo(CatchUp.Outcome.CAUGHT_UP);
    }
}
