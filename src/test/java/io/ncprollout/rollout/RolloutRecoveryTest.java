package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.outbox.OutboxSender;
import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.LeasedRollout;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.PollBackOff;
import io.ncprollout.rollout.tracking.PollSchedule;
import io.ncprollout.rollout.tracking.Receipt;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.rollout.tracking.TrackerSettings;
import io.ncprollout.store.InMemoryAuditLog;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.Journals;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.RecordingProgressNotifier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a process finds after another died (or lost its lease) at each step of starting and tracking, and what it
 * does: the start journal's phases, fencing by lease epoch, the heartbeat, and one poll of a rollout at a time. One
 * file past 300 lines: every case is a crash point of the same journal over one shared set-up.
 */
class RolloutRecoveryTest {
    private static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");
    private static final Duration POLL = Duration.ofSeconds(15);
    private static final RolloutRequest REQUEST = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), "U1", "patch");

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final FakeOperationsApi api = new FakeOperationsApi(kafka("running", "green", "green"));
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryRolloutStore store = new InMemoryRolloutStore(audit);
    private final RecordingProgressNotifier notifier = new RecordingProgressNotifier();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A process that died with the rollout in {@code phase}: its row, leased to it, and nothing else. */
    private TrackedRollout leftBehind(StartPhase phase) {
        Rollout rollout = Rollout.started("op-1", REQUEST, clock.instant());
        TrackedRollout claimed = new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.CLAIMED);
        store.claim(claimed, "dead-process", clock.instant(), Journals.LEASE);
        TrackedRollout now = phase == StartPhase.CLAIMED ? claimed
                : new TrackedRollout(rollout, new ThreadRef("C1", "1700000000.1", "1700000000.2"), phase);
        store.commit(Change.quiet(now, new Lease("dead-process", Lease.FIRST_EPOCH), clock.instant()));
        return now;
    }

    /** The process that starts next on the same store: it takes every unfinished rollout over. */
    private RolloutPoller nextProcess(String id) {
        RolloutPoller poller = new RolloutPoller(Journals.of(id, store, notifier, clock), api, notifier,
                new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(10))),
                new PollSchedule(new PollBackOff(POLL, Duration.ofMinutes(2)), clock.instant()), clock);
        poller.takeOver();
        return poller;
    }

    @Test
    void receivedButNotHandled_theRequesterIsToldDirectly_once() {
        Rollout rollout = Rollout.started("op-1", REQUEST, clock.instant());
        store.receive(new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.RECEIVED), "dead-process", clock.instant(), Journals.LEASE);
        RolloutPoller next = nextProcess("next");

        next.pollOnce();
        next.pollOnce();

        assertThat(store.find("op-1")).hasValueSatisfying(t -> {
            assertThat(t.rollout().state()).isEqualTo(RolloutState.NOT_STARTED);
            assertThat(t.rollout().endingReason().orElseThrow()).isEqualTo(new EndingReason.NotStarted(StartPhase.RECEIVED));
        });
        assertThat(notifier.notices).containsExactly(Notice.FINISHED);
        assertThat(api.calls).isEmpty();
    }

    @Test
    void receivedAndBeingHandledHere_isLeftAlone_andItsStartTakesItsId() {
        Journal journal = Journals.of("next", store, notifier, clock);
        RolloutService service = new RolloutService(new Platform(api, api.directory()), journal, notifier,
                io.ncprollout.testing.Gatekeepers.open(clock), clock, () -> "op-7");
        RolloutPoller poller = new RolloutPoller(journal, api, notifier, new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(10))),
                new PollSchedule(new PollBackOff(POLL, Duration.ofMinutes(2)), clock.instant()), clock);
        Receipt receipt = service.receive(REQUEST, "C1");

        poller.pollOnce(); // the work thread has not run yet
        assertThat(notifier.notices).isEmpty();
        StartOutcome outcome = service.start(REQUEST, "C1", Optional.of(receipt));
        service.answered(receipt);

        assertThat(outcome.started()).isTrue();
        assertThat(outcome.rollout()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("op-7"));
        assertThat(store.active()).singleElement().satisfies(t -> assertThat(t.phase()).isEqualTo(StartPhase.SENT));
        assertThat(api.count("start")).isEqualTo(1);
    }

    @Test
    void claimedButNeverPosted_isReleased_andTheRequesterIsToldDirectly() {
        leftBehind(StartPhase.CLAIMED);

        nextProcess("next").pollOnce();

        assertThat(store.active()).isEmpty();
        assertThat(store.find("op-1")).hasValueSatisfying(t -> {
            assertThat(t.rollout().state()).isEqualTo(RolloutState.NOT_STARTED);
            assertThat(t.thread().isPending()).isTrue(); // so the notifier tells the requester, not a thread
        });
        assertThat(notifier.notices).containsExactly(Notice.FINISHED);
        assertThat(api.count("start")).isZero();
        assertThat(audit.latest(Optional.empty(), 10)).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("not_started"));
        assertThat(store.claim(new TrackedRollout(Rollout.started("op-2", REQUEST, clock.instant()), ThreadRef.pending("C1"),
                StartPhase.CLAIMED), "next", clock.instant(), Journals.LEASE)).as("the cluster is free").isEmpty();
    }

    @Test
    void announcedButNotSent_endsNotStartedInItsThread() {
        leftBehind(StartPhase.ANNOUNCED);

        nextProcess("next").pollOnce();

        assertThat(store.find("op-1")).hasValueSatisfying(t -> {
            assertThat(t.rollout().state()).isEqualTo(RolloutState.NOT_STARTED);
            assertThat(t.rollout().endingReason().orElseThrow()).isEqualTo(new EndingReason.NotStarted(StartPhase.ANNOUNCED));
            assertThat(t.thread().parentTs()).isEqualTo("1700000000.1");
        });
        assertThat(notifier.notices).containsExactly(Notice.FINISHED);
        assertThat(api.count("start")).isZero();
    }

    @Test
    void diedWhileSending_isTrackedAsUnknown_neverResent_andEndsWithTheCluster() {
        leftBehind(StartPhase.SENDING);
        api.thenObserve(kafka("changing", "orange", "green")).thenObserve(kafka("running", "green", "green"));
        RolloutPoller next = nextProcess("next");

        next.pollOnce();
        clock.advance(POLL);
        next.pollOnce();

        assertThat(store.find("op-1")).hasValueSatisfying(t -> {
            assertThat(t.phase()).isEqualTo(StartPhase.OUTCOME_UNKNOWN);
            assertThat(t.rollout().state()).isEqualTo(RolloutState.COMPLETED);
        });
        assertThat(notifier.notices).containsExactly(Notice.RESTARTED_WHILE_STARTING, Notice.FINISHED);
        assertThat(api.count("start")).isZero();
    }

    @Test
    void diedWhileSending_andTheClusterNeverMoves_endsUnconfirmedAfterTheGrace() {
        leftBehind(StartPhase.SENDING);
        RolloutPoller next = nextProcess("next");

        for (int i = 0; i < 21; i++) { // 5 minutes of polls every 15 s
            next.pollOnce();
            clock.advance(POLL);
        }

        assertThat(store.find("op-1")).hasValueSatisfying(t -> {
            assertThat(t.rollout().state()).isEqualTo(RolloutState.UNCONFIRMED);
            assertThat(t.rollout().endingReason().orElseThrow()).isInstanceOf(EndingReason.AnswerLost.class);
        });
        assertThat(store.active()).isEmpty();
        assertThat(notifier.notices).containsExactly(Notice.RESTARTED_WHILE_STARTING, Notice.FINISHED);
    }

    @Test
    void startedBeforeTheRestart_saysResumedOnce_thenTracksTheSameThread() {
        leftBehind(StartPhase.SENT);
        clock.advance(Duration.ofSeconds(1));
        RolloutPoller next = nextProcess("next");

        next.pollOnce();
        clock.advance(POLL);
        next.pollOnce();

        assertThat(notifier.notices).containsExactly(Notice.RESUMED);
        assertThat(notifier.announced).isEmpty();
    }

    @Test
    void pollThatOutlivesItsLease_dropsItsResult_andTheEndingIsSaidOnce() {
        leftBehind(StartPhase.SENT);
        RolloutPoller slow = nextProcess("replica-slow");
        RolloutPoller other = new RolloutPoller(Journals.of("replica-fast", store, notifier, clock), api, notifier,
                new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(10))),
                new PollSchedule(new PollBackOff(POLL, Duration.ofMinutes(2)), clock.instant()), clock);
        api.thenObserve(kafka("changing", "orange", "green")); // the fast replica's reads
        api.duringObserve(() -> {
            // while the slow replica waits for NCP its heartbeat stops and its lease runs out; the other replica
            // takes the rollout over and follows it to the end
            clock.advance(Journals.LEASE.plusSeconds(1));
            other.pollOnce();
            clock.advance(POLL);
            other.pollOnce();
        });
        api.thenObserve(kafka("running", "green", "green")); // the fast replica's second read: done

        slow.pollOnce(); // its own read comes last and says "running": a stale RUNNING

        assertThat(store.find("op-1")).hasValueSatisfying(t -> assertThat(t.rollout().state()).isEqualTo(RolloutState.COMPLETED));
        assertThat(notifier.notices).filteredOn(n -> n == Notice.FINISHED).hasSize(1);
        assertThat(audit.latest(Optional.empty(), 10)).filteredOn(e -> e.action().equals("outcome")).hasSize(1);
    }

    @Test
    void heartbeat_keepsTheLeasesOfALivePoller_andLetsAHungOnesRunOut() {
        leftBehind(StartPhase.SENT);
        RolloutPoller poller = nextProcess("next");
        RolloutPoller other = new RolloutPoller(Journals.of("other", store, notifier, clock), api, notifier,
                new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(10))),
                new PollSchedule(new PollBackOff(POLL, Duration.ofMinutes(2)), clock.instant()), clock);

        for (int i = 0; i < 6; i++) { // 30 s of heartbeats every 5 s while polls run: the lease holds
            clock.advance(Duration.ofSeconds(5));
            poller.pollOnce();
            poller.heartbeat();
        }
        assertThat(store.claimLeases("other", clock.instant(), Journals.LEASE)).isEmpty();

        for (int i = 0; i < 8; i++) { // the poll thread hangs: after 15 s heartbeats no longer vouch for it, 20 s later it is gone
            clock.advance(Duration.ofSeconds(5));
            poller.heartbeat();
        }
        other.pollOnce();
        assertThat(store.claimLeases("other", clock.instant(), Journals.LEASE)).extracting(LeasedRollout::id).containsExactly("op-1");
    }

    @Test
    void heartbeat_keepsTheLeasesThroughALongCompanionCycle_whileItShowsLifeBetweenItsSteps() {
        leftBehind(StartPhase.SENT);
        RolloutPoller poller = nextProcess("next");
        poller.pollOnce();
        poller.setCompanion(new PollCompanion() {
            @Override
            public void takeOver() {
            }

            @Override
            public void tick(Runnable alive) {
                for (int step = 0; step < 8; step++) { // 8 starts of 5 s each: 40 s, twice the lease
                    alive.run();
                    clock.advance(Duration.ofSeconds(5));
                    poller.heartbeat(); // the heartbeat thread's turn, during the step
                }
            }

            @Override
            public void renewLeases() {
            }

            @Override
            public void releaseLeases() {
            }
        });

        poller.pollOnce();

        assertThat(store.claimLeases("other", clock.instant(), Journals.LEASE)).as("still held by the live poller").isEmpty();
    }

    @Test
    void refreshNowDuringAScheduledPoll_doesNotPollTwiceAtOnce() throws Exception {
        leftBehind(StartPhase.SENT);
        RolloutPoller poller = nextProcess("next");
        CountDownLatch observing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        api.duringObserve(() -> {
            observing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Future<?> scheduled = threads.submit(poller::pollOnce);
        assertThat(observing.await(10, TimeUnit.SECONDS)).isTrue();

        boolean answered = poller.pollNow("op-1");
        release.countDown();
        scheduled.get(10, TimeUnit.SECONDS);

        assertThat(answered).isTrue();
        assertThat(api.count("observe")).isEqualTo(1);
    }

    @Test
    void aStartInFlightInThisProcess_isLeftToTheStart() {
        Replica replica = new Replica("next", Journals.LEASE, RolloutStore.TakeOver.ALL);
        Journal journal = new Journal(store, new OutboxSender(store.outbox(), store, notifier, "next", clock), replica,
                Journals.WORDING);
        RolloutPoller poller = new RolloutPoller(journal, api, notifier, new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(10))),
                new PollSchedule(new PollBackOff(POLL, Duration.ofMinutes(2)), clock.instant()), clock);
        Rollout rollout = Rollout.started("op-1", REQUEST, clock.instant());
        replica.startBegins("op-1");
        store.claim(new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.CLAIMED), "next", clock.instant(), Journals.LEASE);

        poller.pollOnce();

        assertThat(store.active()).singleElement().satisfies(t -> assertThat(t.phase()).isEqualTo(StartPhase.CLAIMED));
        assertThat(notifier.notices).isEmpty();
    }

    @Test
    void startWhoseLeaseWasTakenOver_isNotSent() {
        Journal journal = Journals.of(store, notifier, clock);
        RolloutService service = new RolloutService(new Platform(api, api.directory()), journal, notifier,
                io.ncprollout.testing.Gatekeepers.open(clock), clock, () -> "op-9");
        api.precheckAnswersAfter(() -> store.takeOver("another", RolloutStore.TakeOver.ALL, clock.instant(), Journals.LEASE));

        StartOutcome outcome = service.start(REQUEST, "C1");

        assertThat(outcome.started()).isFalse();
        assertThat(api.count("start")).isZero();
    }

    @Test
    void abandon_endsATrackedRollout_saysItOnce_andItsPollerWritesNothingMore() {
        leftBehind(StartPhase.SENT);
        RolloutPoller poller = nextProcess("next");
        RolloutService service = new RolloutService(new Platform(api, api.directory()), Journals.of("next", store, notifier, clock), notifier,
                io.ncprollout.testing.Gatekeepers.open(clock), clock, () -> "unused");
        api.duringObserve(() -> service.abandon(DEMO, "U0ADMIN", "finished in the console"));

        poller.pollOnce();

        assertThat(store.find("op-1")).hasValueSatisfying(t -> {
            assertThat(t.rollout().state()).isEqualTo(RolloutState.ABANDONED);
            assertThat(t.rollout().endingReason().orElseThrow()).isEqualTo(new EndingReason.Abandoned("U0ADMIN", "finished in the console"));
        });
        assertThat(notifier.notices).containsExactly(Notice.FINISHED);
        assertThat(audit.latest(Optional.empty(), 10)).extracting(AuditEvent::action).containsExactly("abandon");
        assertThat(service.abandon(DEMO, "U0ADMIN", "again")).isEmpty();
    }

    private static Observation kafka(String status, String... colours) {
        Observations o = Observations.cluster(status);
        for (int i = 0; i < colours.length; i++) {
            o.broker("b-" + (i + 1), colours[i]);
        }
        return o.build();
    }
}
