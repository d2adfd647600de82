package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.PollBackOff;
import io.ncprollout.rollout.tracking.PollListener;
import io.ncprollout.rollout.tracking.PollSchedule;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackerSettings;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.RecordingProgressNotifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What the poller tells its {@link PollListener}: cycles, lag against the schedule, and the rollout id in the MDC. */
class RolloutPollerListenerTest {
    private static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");
    private static final Duration POLL = Duration.ofSeconds(15);

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final FakeOperationsApi api = new FakeOperationsApi(
            Observations.cluster("running").broker("b-1", "green").broker("b-2", "green").build());
    private final InMemoryRolloutStore store = new InMemoryRolloutStore();
    private final List<Instant> cycles = new ArrayList<>();
    private final List<Duration> lags = new ArrayList<>();
    private final List<String> mdcDuringObserve = new ArrayList<>();
    private RolloutPoller poller;

    @BeforeEach
    void setUp() {
        RecordingProgressNotifier recording = new RecordingProgressNotifier();
        ProgressNotifier notifier = new ProgressNotifier() {
            @Override
            public ThreadRef announce(Rollout rollout, String channel, Instant now) throws NotifyException {
                return recording.announce(rollout, channel, now);
            }

            @Override
            public void progress(Rollout rollout, ThreadRef thread, Instant now) {
                mdcDuringObserve.add(MDC.get(RolloutPoller.MDC_ROLLOUT_ID));
            }

            @Override
            public Delivery deliver(Rollout rollout, ThreadRef thread, Notice notice, Instant now) {
                return Delivery.delivered();
            }
        };
        poller = new RolloutPoller(io.ncprollout.testing.Journals.of(store, notifier, clock), api, notifier, new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(10))),
                new PollSchedule(new PollBackOff(POLL, Duration.ofMinutes(2)), clock.instant()), clock);
        new RolloutService(new Platform(api, api.directory()), io.ncprollout.testing.Journals.of(store, notifier, clock), notifier, io.ncprollout.testing.Gatekeepers.open(clock), clock, () -> "op-7")
                .start(new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), "U1", "patch"), "C1");
        poller.setPollListener(new PollListener() {
            @Override
            public void cycleStarted(Instant now) {
                cycles.add(now);
            }

            @Override
            public void polled(Rollout after, Duration lag) {
                lags.add(lag);
            }
        });
    }

    @Test
    void pollOnce_lateSecondPoll_reportsLagAgainstTheSchedule() {
        poller.pollOnce();                                   // first poll: no schedule yet, lag 0
        clock.advance(POLL.plusSeconds(4));                  // due at +15 s, runs at +19 s
        poller.pollOnce();

        assertThat(cycles).hasSize(2);
        assertThat(lags).containsExactly(Duration.ZERO, Duration.ofSeconds(4));
    }

    @Test
    void pollOnce_notDue_tellsTheCycleButNoPoll() {
        poller.pollOnce();
        clock.advance(Duration.ofSeconds(5));

        poller.pollOnce();

        assertThat(cycles).hasSize(2);
        assertThat(lags).hasSize(1);
    }

    @Test
    void pollOnce_whilePolling_rolloutIdIsInTheMdcAndClearedAfter() {
        poller.pollOnce();

        assertThat(mdcDuringObserve).contains("op-7");
        assertThat(MDC.get(RolloutPoller.MDC_ROLLOUT_ID)).isNull();
    }

    @Test
    void pollOnce_listenerThrows_pollStillHappens() {
        poller.setPollListener(new PollListener() {
            @Override
            public void cycleStarted(Instant now) {
                throw new IllegalStateException("broken");
            }
        });

        poller.pollOnce();

        assertThat(api.count("observe")).isEqualTo(1);
    }
}
