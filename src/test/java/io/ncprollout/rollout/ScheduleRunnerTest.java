package io.ncprollout.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.access.Freeze;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.MaintenanceWindows;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.schedule.ScheduledRun.State;
import io.ncprollout.rollout.schedule.ScheduledTime;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.store.InMemoryScheduleStore;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.Gatekeepers;
import io.ncprollout.testing.Journals;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.RecordingProgressNotifier;
import io.ncprollout.testing.RecordingScheduleNotifier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner of scheduled runs with the injected clock: the reminder 15 minutes before, the start once at the time
 * (everything checked again), a refusal told to the channel, a run missed while the bot was down, a cancel, and what
 * a process finds after dying between two of its writes. One file past 300 lines: each case is the runner's whole
 * story at one instant, and they share one set-up.
 */
class ScheduleRunnerTest {
    private static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");
    private static final Instant AT = Instant.parse("2026-12-04T17:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-12-04T10:00:00Z");
    private final FakeOperationsApi api = new FakeOperationsApi(Observations.cluster("running").broker("b-1", "green").build());
    private final InMemoryRolloutStore rollouts = new InMemoryRolloutStore();
    private final InMemoryScheduleStore schedules = new InMemoryScheduleStore();
    private final RecordingProgressNotifier progress = new RecordingProgressNotifier();
    private final RecordingScheduleNotifier channel = new RecordingScheduleNotifier();
    private final Gatekeeper gatekeeper = Gatekeepers.open(clock);
    private final AtomicInteger ids = new AtomicInteger();
    private RolloutService service;
    private ScheduleService scheduling;

    @BeforeEach
    void setUp() {
        api.clusters.add(new ClusterSummary(DEMO, "running", "Kafka 3.7.1", 3));
        Journal journal = Journals.of(rollouts, progress, clock);
        service = new RolloutService(new Platform(api, api.directory()), journal, progress, gatekeeper, clock, () -> "op-" + ids.incrementAndGet());
        scheduling = new ScheduleService(schedules, MaintenanceWindows.none(), gatekeeper, channel, Journals.WORDING, clock, () -> "run-" + ids.incrementAndGet());
    }

    private ScheduleRunner runner() {
        return new ScheduleRunner(scheduling, service, channel, Journals.of(rollouts, progress, clock), clock, () -> "op-" + ids.incrementAndGet());
    }

    private ScheduledRun schedule() {
        StartOutcome outcome = scheduling.schedule(new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), "U0ALICE", "patch night"),
                "C0OPS", new ScheduledTime(AT, ZoneId.of("Asia/Seoul")));
        assertThat(outcome.result()).isEqualTo(StartOutcome.Result.SCHEDULED);
        return outcome.scheduled().orElseThrow();
    }

    private ScheduledRun stored(ScheduledRun run) {
        return schedules.find(run.id()).orElseThrow();
    }

    @Test
    void nothingHappens_untilFifteenMinutesBefore_thenOneReminder_thenOneStartAtTheTime() {
        ScheduledRun run = schedule();
        ScheduleRunner runner = runner();

        clock.set(AT.minus(Duration.ofMinutes(16)));
        runner.tick();
        assertThat(channel.reminded).isEmpty();

        clock.set(AT.minus(ScheduleSteps.REMIND_BEFORE));
        runner.tick();
        runner.tick();
        assertThat(channel.reminded).containsExactly(run.id());
        assertThat(stored(run).state()).isEqualTo(State.REMINDED);
        assertThat(stored(run).reminderTs()).contains("ts-1");
        assertThat(api.count("start")).isZero();

        clock.set(AT);
        runner.tick();
        runner.tick();

        assertThat(api.count("start")).isEqualTo(1);
        assertThat(api.count("precheck")).as("checked again at the time").isEqualTo(1);
        ScheduledRun started = stored(run);
        assertThat(started.state()).isEqualTo(State.STARTED);
        assertThat(rollouts.find(started.rolloutId().orElseThrow())).hasValueSatisfying(t -> {
            assertThat(t.rollout().request().requester()).isEqualTo("U0ALICE");
            assertThat(t.thread().channel()).isEqualTo("C0OPS");
        });
        assertThat(channel.ended).singleElement().satisfies(e -> assertThat(e.run().state()).isEqualTo(State.STARTED));
    }

    @Test
    void aFreezeAtTheTime_refusesTheStart_andTheChannelIsToldWhy() {
        ScheduledRun run = schedule();
        gatekeeper.freezes().freeze(new Freeze(Optional.of(DEMO), "quarter-end", "U0ADMIN", clock.instant()));

        clock.set(AT.plusSeconds(5));
        runner().tick();

        assertThat(api.count("start")).isZero();
        assertThat(stored(run).state()).isEqualTo(State.REFUSED);
        assertThat(channel.ended).singleElement().satisfies(e -> {
            assertThat(e.run().state()).isEqualTo(State.REFUSED);
            assertThat(e.why()).hasValueSatisfying(o -> assertThat(o.refusal()).containsInstanceOf(Refusal.Frozen.class));
        });
    }

    @Test
    void aTimeThatPassedWhileTheBotWasDown_byMoreThanTheGrace_isMissed_toldAndNeverStarted() {
        ScheduledRun run = schedule();

        clock.set(AT.plus(ScheduleSteps.GRACE).plusSeconds(60)); // the bot comes back 16 minutes late
        ScheduleRunner afterRestart = runner();
        afterRestart.takeOver();
        afterRestart.tick();
        afterRestart.tick();

        assertThat(api.count("start")).isZero();
        assertThat(api.count("precheck")).isZero();
        assertThat(stored(run).state()).isEqualTo(State.MISSED);
        assertThat(channel.reminded).as("no reminder for a time already past").isEmpty();
        assertThat(channel.ended).singleElement().satisfies(e -> assertThat(e.run().state()).isEqualTo(State.MISSED));
    }

    @Test
    void withinTheGrace_aLateRunStillStarts() {
        ScheduledRun run = schedule();

        clock.set(AT.plus(ScheduleSteps.GRACE).minusSeconds(1));
        runner().tick();

        assertThat(api.count("start")).isEqualTo(1);
        assertThat(stored(run).state()).isEqualTo(State.STARTED);
    }

    @Test
    void aCancelledRun_isNeitherRemindedOfNorStarted_andOnlyItsRequesterOrAnAdminMayCancel() {
        Gatekeeper policy = new Gatekeeper(new io.ncprollout.rollout.access.AccessPolicy(io.ncprollout.rollout.access.AccessPolicy.Mode.POLICY,
                List.of(new io.ncprollout.rollout.access.AccessPolicy.Grant(java.util.Set.of(Product.KAFKA), java.util.Set.of("restart"), List.of("*"),
                        List.of("*"), java.util.Set.of("U0ALICE", "U0MALLORY"), java.util.Set.of())),
                io.ncprollout.rollout.access.AccessPolicy.Principals.everyone(), java.util.Set.of("U0ADMIN")),
                (user, group) -> false, new io.ncprollout.store.InMemoryFreezeList(), new io.ncprollout.store.InMemoryAuditLog(), clock, Journals.WORDING);
        scheduling = new ScheduleService(schedules, MaintenanceWindows.none(), policy, channel, Journals.WORDING, clock, () -> "run-" + ids.incrementAndGet());
        ScheduledRun run = schedule();
        ScheduledRun other = schedule();

        assertThat(scheduling.cancel(other.id(), "U0ADMIN").run()).as("an admin may").isPresent();
        assertThat(scheduling.cancel(run.id(), "U0MALLORY").refusal()).hasValueSatisfying(r -> assertThat(r).isInstanceOf(Refusal.NotYourSchedule.class));
        assertThat(scheduling.cancel(run.id(), "U0ALICE").run()).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(State.CANCELLED));
        assertThat(scheduling.cancel(run.id(), "U0ALICE").refusal()).hasValueSatisfying(r -> assertThat(r).isInstanceOf(Refusal.ScheduleNotWaiting.class));

        clock.set(AT.minusSeconds(60));
        runner().tick();
        clock.set(AT);
        runner().tick();

        assertThat(channel.reminded).isEmpty();
        assertThat(api.count("start")).isZero();
        assertThat(stored(run).decidedBy()).contains("U0ALICE");
        assertThat(channel.ended).extracting(e -> e.run().state()).containsExactly(State.CANCELLED, State.CANCELLED);
    }

    @Test
    void aReminderTheChatRefuses_isTriedAgainAfterAMinute_andTheStartDoesNotWaitForIt() {
        ScheduledRun run = schedule();
        ScheduleRunner runner = runner();
        channel.refuse(true);

        clock.set(AT.minus(Duration.ofMinutes(10)));
        runner.tick();
        assertThat(stored(run).state()).isEqualTo(State.PENDING);

        channel.refuse(false);
        clock.advance(Duration.ofSeconds(30));
        runner.tick();
        assertThat(channel.reminded).as("not every cycle").isEmpty();
        clock.advance(Duration.ofSeconds(31));
        runner.tick();
        assertThat(channel.reminded).containsExactly(run.id());

        clock.set(AT);
        runner.tick();
        assertThat(api.count("start")).isEqualTo(1);
    }

    @Test
    void diedAfterStoringStarting_beforeTheStart_theNextProcessStartsItOnce_underTheStoredId() {
        ScheduledRun run = schedule();
        clock.set(AT);
        ScheduledRun starting = schedules.commit(ScheduleSteps.starting(run, "op-stored", clock.instant())).orElseThrow();
        assertThat(starting.state()).isEqualTo(State.STARTING);

        ScheduleRunner next = runner();
        next.takeOver();
        next.tick();
        next.tick();

        assertThat(api.count("start")).isEqualTo(1);
        assertThat(rollouts.find("op-stored")).isPresent();
        assertThat(stored(run).state()).isEqualTo(State.STARTED);
        assertThat(stored(run).outcome()).contains("op-stored");
    }

    @Test
    void diedAfterTheStart_beforeStoringStarted_theNextProcessDoesNotStartItAgain() {
        ScheduledRun run = schedule();
        clock.set(AT);
        ScheduledRun starting = schedules.commit(ScheduleSteps.starting(run, "op-sent", clock.instant())).orElseThrow();
        service.start(starting.request(), starting.channel(), Optional.of(new io.ncprollout.rollout.tracking.Receipt("op-sent")));
        assertThat(api.count("start")).isEqualTo(1);

        runner().tick();

        assertThat(api.count("start")).as("never sent twice").isEqualTo(1);
        assertThat(stored(run).state()).isEqualTo(State.STARTED);
    }

    @Test
    void aRunWhoseRolloutIsClaimedButNotSent_waitsForTheRolloutJournal_andIsNeitherStartedAgainNorCalledStarted() {
        ScheduledRun run = schedule();
        clock.set(AT);
        ScheduledRun starting = schedules.commit(ScheduleSteps.starting(run, "op-claimed", clock.instant())).orElseThrow();
        // another replica (or a process that died) claimed the cluster under that id and sent nothing yet
        rollouts.claim(new io.ncprollout.rollout.tracking.TrackedRollout(io.ncprollout.rollout.tracking.Rollout.started("op-claimed",
                starting.request(), clock.instant()), io.ncprollout.rollout.tracking.ThreadRef.pending("C0OPS"),
                io.ncprollout.rollout.tracking.StartPhase.CLAIMED), "replica-elsewhere", clock.instant(), Journals.LEASE);

        runner().tick();

        assertThat(api.count("start")).isZero();
        assertThat(stored(run).state()).isEqualTo(State.STARTING);
        assertThat(channel.ended).isEmpty();
    }

    @Test
    void diedAfterStoringStarting_andCameBackAfterTheGrace_itIsNotStartedLate_andTheChannelIsTold() {
        ScheduledRun run = schedule();
        clock.set(AT);
        schedules.commit(ScheduleSteps.starting(run, "op-stored", clock.instant())).orElseThrow();

        clock.set(AT.plus(ScheduleSteps.GRACE).plusSeconds(1));
        runner().tick();

        assertThat(api.count("start")).isZero();
        assertThat(stored(run).state()).isEqualTo(State.REFUSED);
        assertThat(channel.ended).singleElement().satisfies(e -> assertThat(e.run().outcome()).hasValueSatisfying(
                o -> assertThat(o).contains("nothing was sent to NCP")));
    }

    @Test
    void aReminderPostedWhileACancelCameFirst_isWithdrawn() {
        ScheduledRun run = schedule();
        clock.set(AT.minus(Duration.ofMinutes(5)));
        ScheduleRunner runner = runner();
        // the cancel lands between the claim of the lease and the commit of the reminder
        ScheduleNotifier racing = new ScheduleNotifier() {
            @Override
            public Optional<String> remind(ScheduledRun r) {
                scheduling.cancel(r.id(), "U0ALICE");
                return channel.remind(r);
            }

            @Override
            public void withdraw(ScheduledRun r, String ts) {
                channel.withdraw(r, ts);
            }

            @Override
            public boolean ended(ScheduledRun r, Optional<StartOutcome> why) {
                return channel.ended(r, why);
            }
        };
        new ScheduleRunner(scheduling, service, racing, Journals.of(rollouts, progress, clock), clock, () -> "op-x").tick();

        assertThat(channel.withdrawn).containsExactly("ts-1");
        assertThat(stored(run).state()).isEqualTo(State.CANCELLED);
        runner.tick();
        assertThat(api.count("start")).isZero();
    }

    @Test
    void diedAfterTheClaim_beforeTheSend_withinTheGrace_itStartsAgainUnderANewId() {
        ScheduledRun run = schedule();
        clock.set(AT);
        ScheduledRun starting = schedules.commit(ScheduleSteps.starting(run, "op-lost", clock.instant())).orElseThrow();
        io.ncprollout.rollout.tracking.Rollout lost = io.ncprollout.rollout.tracking.Rollout.started("op-lost", starting.request(), clock.instant());
        io.ncprollout.rollout.tracking.TrackedRollout claimed = new io.ncprollout.rollout.tracking.TrackedRollout(lost,
                io.ncprollout.rollout.tracking.ThreadRef.pending("C0OPS"), io.ncprollout.rollout.tracking.StartPhase.CLAIMED);
        rollouts.claim(claimed, Journals.REPLICA, clock.instant(), Journals.LEASE);
        // what the rollout journal makes of a claim whose process died before the send
        rollouts.commit(io.ncprollout.rollout.tracking.Change.quiet(claimed.with(lost.with(io.ncprollout.rollout.tracking.RolloutTransitions.notStarted(lost,
                io.ncprollout.rollout.tracking.StartPhase.CLAIMED, clock.instant()))), new io.ncprollout.rollout.tracking.Lease(Journals.REPLICA,
                io.ncprollout.rollout.tracking.Lease.FIRST_EPOCH), clock.instant()));
        clock.advance(Duration.ofMinutes(2));

        runner().tick();

        assertThat(api.count("start")).isEqualTo(1);
        assertThat(stored(run).state()).isEqualTo(State.STARTED);
        assertThat(stored(run).rolloutId()).isPresent().get().isNotEqualTo("op-lost");
    }

    @Test
    void aRunFiredLateWithinItsGrace_afterItsWindowClosed_isRefusedAndToldWhy() {
        MaintenanceWindows nights = new MaintenanceWindows(List.of(new io.ncprollout.rollout.schedule.MaintenanceWindow(List.of("demo-*"),
                java.util.EnumSet.allOf(java.time.DayOfWeek.class), java.time.LocalTime.of(1, 0), java.time.LocalTime.of(2, 0), ZoneId.of("Asia/Seoul"))));
        scheduling = new ScheduleService(schedules, nights, gatekeeper, channel, Journals.WORDING, clock, () -> "run-" + ids.incrementAndGet());
        ScheduledTime lastMinute = new ScheduledTime(Instant.parse("2026-12-04T16:59:00Z"), ZoneId.of("Asia/Seoul")); // 01:59 KST
        ScheduledRun run = scheduling.schedule(new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), "U0ALICE", "r"), "C0OPS",
                lastMinute).scheduled().orElseThrow();

        clock.set(Instant.parse("2026-12-04T17:05:00Z")); // the bot was down until 02:05 KST: within the grace, outside the window
        runner().tick();

        assertThat(api.count("start")).isZero();
        assertThat(stored(run).state()).isEqualTo(State.REFUSED);
        assertThat(channel.ended).singleElement().satisfies(e -> assertThat(e.why()).hasValueSatisfying(
                o -> assertThat(o.refusal()).containsInstanceOf(Refusal.OutsideWindow.class)));
    }

    @Test
    void anEndingTheChatRefused_isStoredAtOnce_andToldWhenTheChatTakesItAgain() {
        ScheduledRun run = schedule();
        channel.refuse(true);
        clock.set(AT.plus(ScheduleSteps.GRACE).plusSeconds(60));
        ScheduleRunner runner = runner();

        runner.tick();
        assertThat(stored(run).state()).as("never left waiting: it must not start late").isEqualTo(State.MISSED);
        assertThat(channel.ended).isEmpty();

        channel.refuse(false);
        runner.tick();
        assertThat(channel.ended).as("not every cycle").isEmpty();
        clock.advance(ScheduleRunner.RETRY_POST_AFTER);
        runner.tick();
        runner.tick();
        assertThat(channel.ended).singleElement().satisfies(e -> assertThat(e.run().state()).isEqualTo(State.MISSED));
    }

    @Test
    void aScheduledRunIsRefusedAtSubmission_whenItsTimeIsPastOrTooFar() {
        RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, DEMO), "U0ALICE", "r");

        StartOutcome past = scheduling.schedule(request, "C0OPS", new ScheduledTime(clock.instant().minusSeconds(1), ZoneId.of("UTC")));
        StartOutcome far = scheduling.schedule(request, "C0OPS", new ScheduledTime(clock.instant().plus(Duration.ofDays(31)), ZoneId.of("UTC")));

        assertThat(List.of(past, far)).allSatisfy(o -> assertThat(o.refusal()).containsInstanceOf(Refusal.BadTime.class));
        assertThat(schedules.pending()).isEmpty();
    }
}
