package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduleStore;
import io.ncprollout.rollout.schedule.ScheduledRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScheduleStore} does: a run kept whole, compare-and-set writes (one of two writers of a version
 * wins), leases that one replica holds at a time, take-over, and the lists. Subclasses give a fresh, empty store per
 * test and a second view of the same data, as another replica would have.
 */
abstract class ScheduleStoreContract {
    static final Duration LEASE = Duration.ofSeconds(20);
    static final Instant T0 = Instant.parse("2026-12-04T01:00:00Z");

    protected abstract ScheduleStore store();

    protected abstract ScheduleStore otherReplica();

    static ScheduledRun run(String id, Instant at) {
        RolloutRequest request = new RolloutRequest(new OperationTarget(OperationKind.KAFKA_UPGRADE, new ClusterRef(Product.KAFKA, "1001", "orders-prod", "KR"),
                Optional.of("3.6.1"), Optional.of("77")), "U0ALICE", "patch <day> & \"quotes\" 상태", Optional.of("U0BOB"), true);
        return ScheduledRun.pending(id, request, "C0OPS", at, ZoneId.of("Asia/Seoul"), T0);
    }

    private static Instant dueBy(Instant now) {
        return now.plus(ScheduleSteps.REMIND_BEFORE);
    }

    @Test
    void create_thenFind_roundTripsEveryField() {
        ScheduledRun created = run("s-1", T0.plus(Duration.ofHours(2)));
        assertThat(store().create(created)).isTrue();
        assertThat(otherReplica().find("s-1")).hasValue(created);

        ScheduledRun reminded = store().commit(ScheduleSteps.reminded(created, "171.5", created.at().minusSeconds(600))).orElseThrow();
        ScheduledRun starting = store().commit(ScheduleSteps.starting(reminded, "r-1", created.at())).orElseThrow();
        ScheduledRun started = store().commit(ScheduleSteps.started(starting, "r-1", created.at().plusSeconds(2))).orElseThrow();

        ScheduledRun read = otherReplica().find("s-1").orElseThrow();
        assertThat(read).isEqualTo(started);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(read.request().startAnyway()).isTrue();
        assertThat(otherReplica().find("nope")).isEmpty();
    }

    @Test
    void create_twiceWithOneId_writesOnce() {
        assertThat(store().create(run("s-1", T0.plusSeconds(3600)))).isTrue();
        assertThat(otherReplica().create(run("s-1", T0.plusSeconds(7200)))).isFalse();
        assertThat(store().find("s-1").orElseThrow().at()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void commit_atAStaleVersion_writesNothing() {
        store().create(run("s-1", T0.plusSeconds(3600)));
        ScheduledRun read = store().find("s-1").orElseThrow();

        assertThat(store().commit(ScheduleSteps.cancelled(read, "U0ALICE", T0))).isPresent();
        assertThat(otherReplica().commit(ScheduleSteps.reminded(read, "171.5", T0))).as("written from the version before the cancel").isEmpty();
        assertThat(store().find("s-1").orElseThrow().state()).isEqualTo(ScheduledRun.State.CANCELLED);
    }

    @Test
    void concurrentCommitsOfOneVersion_exactlyOneWins() throws Exception {
        ScheduledRun created = run("s-1", T0);
        store().create(created);
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Optional<ScheduledRun>>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                ScheduleStore replica = i % 2 == 0 ? store() : otherReplica();
                String rolloutId = "r-" + i;
                Callable<Optional<ScheduledRun>> fire = () -> {
                    go.await();
                    return replica.commit(ScheduleSteps.starting(created, rolloutId, T0));
                };
                results.add(pool.submit(fire));
            }
            go.countDown();
            List<ScheduledRun> won = new ArrayList<>();
            for (Future<Optional<ScheduledRun>> f : results) {
                f.get().ifPresent(won::add);
            }
            assertThat(won).hasSize(1);
            assertThat(store().find("s-1").orElseThrow().rolloutId()).isEqualTo(won.get(0).rolloutId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leases_onlyRunsDueSoon_oneReplicaAtATime_untilTheLeaseRunsOutOrIsReleased() {
        store().create(run("s-near", T0.plus(Duration.ofMinutes(10))));
        store().create(run("s-far", T0.plus(Duration.ofDays(2))));

        assertThat(store().claimLeases("a", dueBy(T0), T0, LEASE)).extracting(ScheduledRun::id).containsExactly("s-near");
        assertThat(otherReplica().claimLeases("b", dueBy(T0.plusSeconds(1)), T0.plusSeconds(1), LEASE)).as("a holds it").isEmpty();
        assertThat(store().claimLeases("a", dueBy(T0.plusSeconds(2)), T0.plusSeconds(2), LEASE)).extracting(ScheduledRun::id).containsExactly("s-near");
        store().renewLeases("a", T0.plusSeconds(10), LEASE);
        assertThat(otherReplica().claimLeases("b", dueBy(T0.plusSeconds(25)), T0.plusSeconds(25), LEASE)).as("renewed until 30 s").isEmpty();

        // a dies: its lease runs out and b takes the run over
        assertThat(otherReplica().claimLeases("b", dueBy(T0.plusSeconds(31)), T0.plusSeconds(31), LEASE)).extracting(ScheduledRun::id)
                .containsExactly("s-near");
        assertThat(store().claimLeases("a", dueBy(T0.plusSeconds(32)), T0.plusSeconds(32), LEASE)).isEmpty();
        otherReplica().releaseLeases("b");
        assertThat(store().claimLeases("a", dueBy(T0.plusSeconds(33)), T0.plusSeconds(33), LEASE)).extracting(ScheduledRun::id).containsExactly("s-near");
    }

    @Test
    void twoReplicasClaimingAtOnce_eachRunLeasedToOne() throws Exception {
        for (int i = 0; i < 20; i++) {
            store().create(run("s-" + i, T0.plusSeconds(i)));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<ScheduledRun>> a = () -> {
                go.await();
                return store().claimLeases("a", dueBy(T0), T0, LEASE);
            };
            Callable<List<ScheduledRun>> b = () -> {
                go.await();
                return otherReplica().claimLeases("b", dueBy(T0), T0, LEASE);
            };
            Future<List<ScheduledRun>> fa = pool.submit(a);
            Future<List<ScheduledRun>> fb = pool.submit(b);
            go.countDown();
            Set<String> all = new HashSet<>();
            int total = 0;
            for (Future<List<ScheduledRun>> f : List.of(fa, fb)) {
                for (ScheduledRun r : f.get()) {
                    all.add(r.id());
                    total++;
                }
            }
            assertThat(all).hasSize(20);
            assertThat(total).as("no run leased to both").isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leases_endWithTheRun() {
        store().create(run("s-1", T0));
        ScheduledRun read = store().claimLeases("a", dueBy(T0), T0, LEASE).get(0);
        ScheduledRun starting = store().commit(ScheduleSteps.starting(read, "r-1", T0)).orElseThrow();

        assertThat(store().claimLeases("a", dueBy(T0.plusSeconds(1)), T0.plusSeconds(1), LEASE)).as("STARTING is still to be settled")
                .extracting(ScheduledRun::state).containsExactly(ScheduledRun.State.STARTING);
        store().commit(ScheduleSteps.started(starting, "r-1", T0.plusSeconds(2)));
        assertThat(store().claimLeases("a", dueBy(T0.plusSeconds(3)), T0.plusSeconds(3), LEASE)).isEmpty();
    }

    @Test
    void takeOver_freesTheLeasesOfTheGivenInstance_only() {
        store().create(run("s-1", T0));
        store().create(run("s-2", T0.plusSeconds(1)));
        store().claimLeases("pod-0#boot1", dueBy(T0), T0, LEASE);
        otherReplica().create(run("s-3", T0.plusSeconds(2)));
        otherReplica().claimLeases("pod-1#boot1", dueBy(T0), T0, LEASE);

        store().takeOver("pod-0#");

        assertThat(store().claimLeases("pod-0#boot2", dueBy(T0.plusSeconds(1)), T0.plusSeconds(1), LEASE)).extracting(ScheduledRun::id)
                .containsExactly("s-1", "s-2");
    }

    @Test
    void pending_soonestFirst_andRecent_lastEndedFirst() {
        store().create(run("s-c", T0.plus(Duration.ofHours(3))));
        store().create(run("s-a", T0.plus(Duration.ofHours(1))));
        store().create(run("s-b", T0.plus(Duration.ofHours(2))));
        store().create(run("s-d", T0.plus(Duration.ofHours(4))));
        store().create(run("s-e", T0.plus(Duration.ofMinutes(30))));
        store().commit(ScheduleSteps.cancelled(store().find("s-d").orElseThrow(), "U0ALICE", T0.plusSeconds(10)));
        store().commit(ScheduleSteps.cancelled(store().find("s-e").orElseThrow(), "U0ADMIN", T0.plusSeconds(20)));
        ScheduledRun startingB = store().commit(ScheduleSteps.starting(store().find("s-b").orElseThrow(), "r-1", T0.plus(Duration.ofHours(2))))
                .orElseThrow();

        assertThat(otherReplica().pending()).extracting(ScheduledRun::id).containsExactly("s-a", "s-b", "s-c");
        assertThat(otherReplica().pending().get(1)).isEqualTo(startingB);
        assertThat(otherReplica().recent(10)).extracting(ScheduledRun::id).containsExactly("s-e", "s-d");
        assertThat(otherReplica().recent(1)).extracting(ScheduledRun::decidedBy).containsExactly(Optional.of("U0ADMIN"));
        assertThat(otherReplica().recent(0)).isEmpty();
    }
}
