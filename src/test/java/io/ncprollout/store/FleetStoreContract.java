package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetEvent;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.fleet.FleetState;
import io.ncprollout.rollout.fleet.FleetSteps;
import io.ncprollout.rollout.fleet.FleetStore;
import io.ncprollout.rollout.fleet.Skip;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.tracking.ThreadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FleetStore} does: a fleet kept whole (JSON round trip), compare-and-set writes, leases that one
 * replica holds at a time, take-over at startup, and the lists. Subclasses give a fresh, empty store per test and a
 * second view of the same data, as another replica would have.
 */
abstract class FleetStoreContract {
    static final Duration LEASE = Duration.ofSeconds(20);
    static final Instant T0 = Instant.parse("2026-12-04T01:00:00Z");

    protected abstract FleetStore store();

    protected abstract FleetStore otherReplica();

    static Fleet fleet(String id) {
        FleetSpec spec = new FleetSpec(OperationKind.KAFKA_RESTART, Optional.empty(), "KR", "orders-*", "U0ALICE", Optional.empty(),
                "patch <day> & \"quotes\"", "C0OPS", 2, Duration.ofMinutes(5));
        List<FleetMember> members = List.of(FleetMember.waiting(cluster("orders-a", "1001"), 3), FleetMember.waiting(cluster("orders-b", "1002"), 5),
                FleetMember.skipped(cluster("orders-c", "1003"), 3, new Skip(Skip.Why.PRECHECK_FAILED, "Cluster is not ready: 상태")));
        return Fleet.planned(id, spec, members, T0);
    }

    static ClusterRef cluster(String name, String number) {
        return new ClusterRef(Product.KAFKA, number, name, "KR");
    }

    @Test
    void create_thenFind_roundTripsEveryField() {
        Fleet planned = fleet("f-1");
        store().create(planned, "a", T0, LEASE);
        Fleet moved = FleetSteps.nextWave(store().find("f-1").orElseThrow().withThread(new ThreadRef("C0OPS", "171.1", "")), T0, () -> "r-1")
                .orElseThrow();
        moved = FleetSteps.started(moved, 0, new FleetSteps.StartResult.Started(), T0.plusSeconds(1));
        Fleet stored = store().commit(moved).orElseThrow();

        Fleet read = otherReplica().find("f-1").orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.events()).extracting(FleetEvent::type).containsExactly(FleetEvent.Type.STARTED);
        assertThat(read.member(2).skip()).hasValue(new Skip(Skip.Why.PRECHECK_FAILED, "Cluster is not ready: 상태"));
    }

    @Test
    void aFleetAskedForLater_keepsItsStartTimeAndZone() {
        Fleet base = fleet("f-later");
        Fleet later = Fleet.planned("f-later", base.spec().startingAt(Optional.of(new io.ncprollout.rollout.schedule.ScheduledTime(T0.plusSeconds(7200),
                java.time.ZoneId.of("Asia/Seoul")))), base.members(), T0);
        store().create(later, "a", T0, LEASE);

        assertThat(otherReplica().find("f-later").orElseThrow().spec().startAt()).isEqualTo(later.spec().startAt());
        assertThat(otherReplica().find("f-1")).isEmpty();
    }

    @Test
    void create_twiceWithOneId_writesOnce() {
        assertThat(store().create(fleet("f-1"), "a", T0, LEASE)).isTrue();
        assertThat(otherReplica().create(fleet("f-1"), "b", T0, LEASE)).isFalse();
        assertThat(store().claimLeases("a", T0.plusSeconds(1), LEASE)).extracting(Fleet::id).containsExactly("f-1");
    }

    @Test
    void commit_atAStaleVersion_writesNothing() {
        store().create(fleet("f-1"), "a", T0, LEASE);
        Fleet read = store().find("f-1").orElseThrow();
        Fleet paused = FleetSteps.pause(read, "U0ALICE", T0).orElseThrow();
        Fleet stopped = FleetSteps.stop(read, "U0ADMIN", T0).orElseThrow();

        assertThat(store().commit(paused)).isPresent();
        assertThat(otherReplica().commit(stopped)).as("written from the version before the pause").isEmpty();
        assertThat(store().find("f-1").orElseThrow().state()).isEqualTo(FleetState.PAUSED);
    }

    @Test
    void leases_oneReplicaAtATime_untilTheLeaseRunsOutOrIsReleased() {
        store().create(fleet("f-1"), "a", T0, LEASE);

        assertThat(otherReplica().claimLeases("b", T0.plusSeconds(1), LEASE)).as("a's new fleet is a's").isEmpty();
        assertThat(store().claimLeases("a", T0.plusSeconds(1), LEASE)).extracting(Fleet::id).containsExactly("f-1");
        assertThat(otherReplica().claimLeases("b", T0.plusSeconds(22), LEASE)).extracting(Fleet::id).containsExactly("f-1");
        assertThat(store().claimLeases("a", T0.plusSeconds(23), LEASE)).isEmpty();
        otherReplica().releaseLeases("b");
        assertThat(store().claimLeases("a", T0.plusSeconds(24), LEASE)).extracting(Fleet::id).containsExactly("f-1");
    }

    @Test
    void takeOver_freesTheLeasesOfTheGivenInstance_only() {
        store().create(fleet("f-1"), "pod-0#boot1", T0, LEASE);
        store().create(fleet("f-2"), "pod-1#boot1", T0, LEASE);

        store().takeOver("pod-0#");

        assertThat(store().claimLeases("pod-0#boot2", T0.plusSeconds(1), LEASE)).extracting(Fleet::id).containsExactly("f-1");
    }

    @Test
    void activeAndRecent_splitUnfinishedFromFinished() {
        store().create(fleet("f-1"), "a", T0, LEASE);
        store().create(fleet("f-2"), "a", T0, LEASE);
        Fleet f2 = store().find("f-2").orElseThrow();
        Fleet ended = store().commit(FleetSteps.notAnnounced(f2, "", T0.plusSeconds(5))).orElseThrow();

        assertThat(store().active()).extracting(Fleet::id).containsExactly("f-1");
        assertThat(store().recent(10)).extracting(Fleet::id).containsExactly("f-2");
        assertThat(store().recent(10).get(0).state()).isEqualTo(FleetState.STOPPED);
        assertThat(store().claimLeases("a", T0.plusSeconds(30), LEASE)).as("f-2 ended, but its ending is not said yet")
                .extracting(Fleet::id).containsExactly("f-1", "f-2");

        store().commit(ended.said());
        assertThat(store().claimLeases("a", T0.plusSeconds(31), LEASE)).as("f-2 is settled").extracting(Fleet::id).containsExactly("f-1");
    }

    @Test
    void aFleetWaitingForItsApproval_roundTripsItsApprovers() {
        Fleet planned = fleet("f-1");
        Fleet waiting = Fleet.awaitingApproval("f-1", planned.spec(), planned.members(), new io.ncprollout.rollout.fleet.FleetApproval(List.of(
                new io.ncprollout.rollout.access.AccessPolicy.Principals(java.util.Set.of("U0BOB", "U0KIM"), java.util.Set.of("S0SRE")),
                new io.ncprollout.rollout.access.AccessPolicy.Principals(java.util.Set.of(), java.util.Set.of("S0DBA"))), T0.plusSeconds(1800),
                Optional.empty()), T0);
        store().create(waiting, "a", T0, LEASE);

        Fleet read = otherReplica().find("f-1").orElseThrow();
        assertThat(read).isEqualTo(waiting.atVersion(0));
        Fleet approved = FleetSteps.approve(read, "U0BOB", T0.plusSeconds(60)).orElseThrow();
        assertThat(store().commit(approved)).isPresent();
        assertThat(otherReplica().find("f-1").orElseThrow().approval().orElseThrow().approvedBy()).hasValue("U0BOB");
        assertThat(store().active()).extracting(Fleet::state).containsExactly(FleetState.RUNNING);
    }
}
