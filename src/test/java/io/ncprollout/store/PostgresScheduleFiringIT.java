package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.Journal;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.ScheduleRunner;
import io.ncprollout.rollout.ScheduleService;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.outbox.OutboxSender;
import io.ncprollout.rollout.schedule.MaintenanceWindows;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.testing.FakeOperationsApi;
import io.ncprollout.testing.Gatekeepers;
import io.ncprollout.testing.Journals;
import io.ncprollout.testing.MutableClock;
import io.ncprollout.testing.Observations;
import io.ncprollout.testing.RecordingProgressNotifier;
import io.ncprollout.testing.RecordingScheduleNotifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the bot on one PostgreSQL database, each with its own pool, stores, runner and rollout service,
 * over one NCP: every scheduled run due is started exactly once, whether the leases keep the replicas apart or one
 * replica's lease ran out while it was still firing (then the compare-and-set on the run's version decides).
 */
class PostgresScheduleFiringIT {
    private static final Instant AT = Instant.parse("2026-12-04T17:00:00Z");
    private static TwoReplicas replicas;

    private final FakeOperationsApi ncp = new FakeOperationsApi(Observations.cluster("running").broker("b-1", "green").build());
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void open() {
        replicas = TwoReplicas.open();
    }

    @AfterAll
    static void close() {
        replicas.close();
    }

    @BeforeEach
    void empty() throws Exception {
        replicas.empty("scheduled_runs", "rollouts", "outbox", "audit_events");
    }

    /** One replica: its own stores over its own pool, its own lease owner and clock. */
    private ScheduleRunner replica(String owner, javax.sql.DataSource pool, Clock clock) {
        JdbcRolloutStore rollouts = new JdbcRolloutStore(pool, LeaseClock.CALLER);
        RecordingProgressNotifier notifier = new RecordingProgressNotifier();
        Journal journal = new Journal(rollouts, new OutboxSender(new JdbcOutbox(pool), rollouts, notifier, owner, clock),
                new Replica(owner, Journals.LEASE, RolloutStore.TakeOver.OWN), Journals.WORDING);
        Gatekeeper gatekeeper = Gatekeepers.open(clock);
        RolloutService service = new RolloutService(new Platform(ncp, ncp.directory()), journal, notifier, gatekeeper, clock,
                () -> owner + "-op-" + ids.incrementAndGet());
        RecordingScheduleNotifier channel = new RecordingScheduleNotifier();
        return new ScheduleRunner(new ScheduleService(new JdbcScheduleStore(pool, LeaseClock.CALLER), MaintenanceWindows.none(), gatekeeper, channel,
                Journals.WORDING, clock, () -> owner + "-run-" + ids.incrementAndGet()), service, channel, journal, clock,
                () -> owner + "-op-" + ids.incrementAndGet());
    }

    private List<ClusterRef> scheduleOnePerCluster(int clusters) {
        JdbcScheduleStore store = replicas.onA(pool -> new JdbcScheduleStore(pool, LeaseClock.CALLER));
        List<ClusterRef> refs = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            ClusterRef cluster = new ClusterRef(Product.KAFKA, String.valueOf(3000000 + i), "events-" + i, "KR");
            ncp.clusters.add(new ClusterSummary(cluster, "running", "Kafka 3.7.1", 3));
            store.create(ScheduledRun.pending("run-" + i, new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, cluster), "U0ALICE",
                    "patch night"), "C0OPS", AT, ZoneId.of("Asia/Seoul"), AT.minus(Duration.ofHours(5))));
            refs.add(cluster);
        }
        return refs;
    }

    /** Ticks both runners at the same instant, {@code rounds} times. */
    private static void tickTogether(ScheduleRunner a, ScheduleRunner b, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch go = new CountDownLatch(1);
                Future<?> fa = pool.submit(() -> {
                    go.await();
                    a.tick();
                    return null;
                });
                Future<?> fb = pool.submit(() -> {
                    go.await();
                    b.tick();
                    return null;
                });
                go.countDown();
                fa.get(60, TimeUnit.SECONDS);
                fb.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoReplicasTickingAtOnce_startEveryDueRunOnce() throws Exception {
        List<ClusterRef> clusters = scheduleOnePerCluster(8);
        MutableClock clock = MutableClock.at(AT.plusSeconds(1).toString());

        tickTogether(replica("replica-a", replicas.a.dataSource(), clock), replica("replica-b", replicas.b.dataSource(), clock), 3);

        assertThat(ncp.count("start")).isEqualTo(clusters.size());
        JdbcScheduleStore store = replicas.onA(pool -> new JdbcScheduleStore(pool, LeaseClock.CALLER));
        assertThat(store.recent(100)).hasSize(clusters.size()).allSatisfy(r -> assertThat(r.state()).isEqualTo(ScheduledRun.State.STARTED));
        JdbcRolloutStore rollouts = replicas.onA(pool -> new JdbcRolloutStore(pool, LeaseClock.CALLER));
        assertThat(rollouts.active()).hasSize(clusters.size());
    }

    @Test
    void aReplicaWhoseLeaseRanOutWhileFiring_andTheOneThatTookItOver_startTheRunOnce() throws Exception {
        scheduleOnePerCluster(4);
        // replica A's clock is 30 s behind B's: A holds every lease (20 s) by its clock, B finds them all run out by
        // its own and takes them too; both are within the grace, so both try to fire every run at the same moment
        MutableClock early = MutableClock.at(AT.plusSeconds(1).toString());
        MutableClock late = MutableClock.at(AT.plusSeconds(31).toString());
        ScheduleRunner a = replica("replica-a", replicas.a.dataSource(), early);
        ScheduleRunner b = replica("replica-b", replicas.b.dataSource(), late);
        JdbcScheduleStore store = replicas.onA(pool -> new JdbcScheduleStore(pool, LeaseClock.CALLER));
        assertThat(store.claimLeases("replica-a", AT, AT.plusSeconds(1), Journals.LEASE)).hasSize(4);

        tickTogether(a, b, 3);

        assertThat(ncp.count("start")).as("one start per run, never two").isEqualTo(4);
        assertThat(store.recent(100)).hasSize(4).allSatisfy(r -> assertThat(r.state()).isEqualTo(ScheduledRun.State.STARTED));
    }
}
