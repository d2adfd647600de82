package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.PollBackOff;
import io.ncprollout.rollout.tracking.PollSchedule;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.TrackerSettings;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.RecordingProgressNotifier;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RolloutPollerTest {
    private static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");
    private static final Duration POLL = Duration.ofSeconds(15);

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final FakeOperationsApi api = new FakeOperationsApi(kafka("running", "green", "green").build());
    private final InMemoryRolloutStore store = new InMemoryRolloutStore();
    private final RecordingProgressNotifier notifier = new RecordingProgressNotifier();
    private RolloutPoller poller;

    @BeforeEach
    void setUp() {
        RolloutTransitions transitions = new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(10)));
        poller = new RolloutPoller(io.ncprollout.testing.Journals.of(store, notifier, clock), api, notifier, transitions,
                new PollSchedule(new PollBackOff(POLL, Duration.ofMinutes(2)), clock.instant()), clock);
        new RolloutService(new Platform(api, api.directory()), io.ncprollout.testing.Journals.of(store, notifier, clock), notifier, io.ncprollout.testing.Gatekeepers.open(clock), clock, () -> "op-1")
                .start(new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), "U1", "patch"), "C1");
        api.calls.clear();
    }

    @Test
    void pollOnce_rollThroughBrokers_endsCompletedWithOneFinishedNotice() {
        api.thenObserve(kafka("changing", "orange", "green").membersMissing().build())
                .thenObserve(kafka("changing", "green", "orange").membersMissing().build())
                .thenObserve(kafka("running", "green", "green").build());

        for (int i = 0; i < 3; i++) {
            triggerPoll();
        }
        triggerPoll();

        assertThat(store.active()).isEmpty();
        assertThat(store.recent(1)).singleElement().satisfies(t -> assertThat(t.rollout().state()).isEqualTo(RolloutState.COMPLETED));
        assertThat(notifier.notices).containsExactly(Notice.FINISHED);
        assertThat(api.count("observe")).isEqualTo(3);
    }

    @Test
    void pollOnce_beforeTheIntervalPassed_doesNotPollAgain() {
        poller.pollOnce();
        clock.advance(Duration.ofSeconds(5));

        poller.pollOnce();

        assertThat(api.count("observe")).isEqualTo(1);
    }

    @Test
    void pollOnce_readFailures_backOffAndSayUnreachableOnce() {
        OperationsException down = new OperationsException(OperationsException.Reason.UNAVAILABLE, "HTTP 503 from NCP");
        api.thenFailRead(down).thenFailRead(down).thenFailRead(down);

        triggerPoll();                                  // failure 1, next poll after 30 s
        triggerPoll();                                  // 15 s later: skipped
        clock.advance(Duration.ofSeconds(15));
        poller.pollOnce();                              // failure 2, next after 60 s
        clock.advance(Duration.ofSeconds(60));
        poller.pollOnce();                              // failure 3: unreachable

        assertThat(api.count("observe")).isEqualTo(3);
        assertThat(notifier.notices).containsExactly(Notice.API_UNREACHABLE);
        assertThat(store.active()).singleElement().satisfies(t -> assertThat(t.rollout().state()).isEqualTo(RolloutState.RUNNING));
    }

    @Test
    void pollOnce_oneRolloutsPollThrows_theOthersArePolledInTheSameCycle_andItIsPolledAgainLater() {
        ClusterRef orders = new ClusterRef(Product.KAFKA, "2000001", "orders-prod", "KR");
        new RolloutService(new Platform(api, api.directory()), io.ncprollout.testing.Journals.of(store, notifier, clock), notifier,
                io.ncprollout.testing.Gatekeepers.open(clock), clock, () -> "op-2")
                .start(new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, orders), "U2", "patch"), "C1");
        api.calls.clear();
        api.duringObserve(() -> {
            throw new IllegalStateException("a bug in one read");
        });

        triggerPoll();

        assertThat(api.count("observe")).as("both rollouts read in the failing cycle").isEqualTo(2);
        assertThat(store.active()).hasSize(2).allSatisfy(t -> assertThat(t.rollout().state()).isEqualTo(RolloutState.RUNNING));

        api.thenObserve(kafka("changing", "orange", "green").membersMissing().build());
        clock.advance(POLL.multipliedBy(8));
        poller.pollOnce();

        assertThat(api.count("observe")).as("the failed one is polled again, not dropped").isEqualTo(4);
    }

    private void triggerPoll() {
        poller.pollOnce();
        clock.advance(POLL);
    }

    private static Observations kafka(String status, String... colours) {
        Observations o = Observations.cluster(status);
        for (int i = 0; i < colours.length; i++) {
            o.broker("b-" + (i + 1), colours[i]);
        }
        return o;
    }
}
