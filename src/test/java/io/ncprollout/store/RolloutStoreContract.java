package io.ncprollout.store;

import static io.ncprollout.store.StoredRollouts.ORDERS;
import static io.ncprollout.store.StoredRollouts.PAYMENTS;
import static io.ncprollout.store.StoredRollouts.at;
import static io.ncprollout.store.StoredRollouts.ended;
import static io.ncprollout.store.StoredRollouts.kafka;
import static io.ncprollout.store.StoredRollouts.rich;
import static io.ncprollout.store.StoredRollouts.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.outbox.Outbox;
import io.ncprollout.rollout.outbox.OutboxEntry;
import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.LeasedRollout;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RolloutStore} shares: the per-cluster claim, the start journal, leases with fencing
 * epochs, and the outbox written in the same transaction as the change. Subclasses give a fresh, empty store per
 * test and a second view of the same data, as another replica would have.
 */
abstract class RolloutStoreContract {
    static final Duration LEASE = Duration.ofSeconds(60);
    static final String A = "replica-a";
    static final String B = "replica-b";
    static final Lease A1 = new Lease(A, Lease.FIRST_EPOCH);

    /** The store under test: empty at the start of each test. */
    protected abstract RolloutStore store();

    /** Another store over the same data, as a second replica sees it (the same instance where there is no sharing). */
    protected abstract RolloutStore otherReplica();

    /** The outbox the store's commits write to. */
    protected abstract Outbox outbox();

    /** The audit events the store's commits wrote, newest first. */
    protected abstract List<AuditEvent> audit();

    private Optional<TrackedRollout> claim(TrackedRollout rollout) {
        return store().claim(rollout, A, at(0), LEASE);
    }

    private boolean save(TrackedRollout rollout) {
        return store().commit(Change.quiet(rollout, A1, at(1)));
    }

    private static List<String> ids(List<LeasedRollout> leased) {
        return leased.stream().map(LeasedRollout::id).toList();
    }

    @Test
    void claim_freeCluster_recordsIt() {
        assertThat(claim(running("r-1", ORDERS, 0))).isEmpty();

        assertThat(store().find("r-1")).contains(running("r-1", ORDERS, 0));
        assertThat(otherReplica().active()).containsExactly(running("r-1", ORDERS, 0));
    }

    @Test
    void claim_heldCluster_returnsHolderAndRecordsNothing() {
        claim(running("r-1", ORDERS, 0));

        Optional<TrackedRollout> holder = otherReplica().claim(running("r-2", ORDERS, 5), B, at(5), LEASE);

        assertThat(holder).contains(running("r-1", ORDERS, 0));
        assertThat(store().find("r-2")).isEmpty();
    }

    @Test
    void claim_sameClusterNumberUnderAnotherName_returnsHolder() {
        claim(running("r-1", ORDERS, 0));

        assertThat(claim(running("r-2", kafka(ORDERS.number(), "renamed"), 5))).map(TrackedRollout::id).contains("r-1");
    }

    @Test
    void claim_otherCluster_succeeds() {
        claim(running("r-1", ORDERS, 0));

        assertThat(claim(running("r-2", PAYMENTS, 5))).isEmpty();
    }

    @Test
    void claim_afterHolderFinished_succeeds() {
        claim(running("r-1", ORDERS, 0));
        save(ended(running("r-1", ORDERS, 0), RolloutState.COMPLETED, 100));

        assertThat(otherReplica().claim(running("r-2", ORDERS, 200), B, at(200), LEASE)).isEmpty();
    }

    @Test
    void claim_afterRelease_succeeds() {
        claim(running("r-1", ORDERS, 0));
        store().release("r-1", A1);

        assertThat(claim(running("r-2", ORDERS, 5))).isEmpty();
        assertThat(store().find("r-1")).isEmpty();
    }

    @Test
    void release_underALeaseThatMovedOn_keepsTheRow() {
        claim(running("r-1", ORDERS, 0));
        otherReplica().claimLeases(B, at(61), LEASE);

        store().release("r-1", A1);

        assertThat(store().find("r-1")).isPresent();
    }

    @Test
    void claim_twentyConcurrentClaimsForOneCluster_exactlyOneWins() throws Exception {
        int claimants = 20;
        CountDownLatch ready = new CountDownLatch(claimants);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(claimants);
        try {
            List<Future<Optional<TrackedRollout>>> outcomes = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                RolloutStore replica = i % 2 == 0 ? store() : otherReplica();
                TrackedRollout mine = running("r-" + i, ORDERS, i);
                String owner = "replica-" + i;
                outcomes.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return replica.claim(mine, owner, at(0), LEASE);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Optional<TrackedRollout>> results = new ArrayList<>();
            for (Future<Optional<TrackedRollout>> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(Optional::isEmpty).hasSize(1);
            String winner = store().active().get(0).id();
            assertThat(store().active()).hasSize(1);
            assertThat(results).filteredOn(Optional::isPresent).extracting(r -> r.get().id()).containsOnly(winner);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void commit_replacesThreadTrackingAndPhase() {
        Rollout claimed = running("r-1", ORDERS, 0).rollout();
        claim(new TrackedRollout(claimed, ThreadRef.pending("C0123456789"), StartPhase.CLAIMED));
        TrackedRollout polled = new TrackedRollout(
                new Rollout("r-1", claimed.request(), claimed.startedAt(), StoredRollouts.richTracking()), StoredRollouts.THREAD,
                StartPhase.OUTCOME_UNKNOWN);

        assertThat(save(polled)).isTrue();

        assertThat(otherReplica().find("r-1")).contains(polled);
    }

    @Test
    void commit_neverClaimed_writesNothing() {
        assertThat(save(running("r-9", ORDERS, 0))).isFalse();
        assertThat(store().find("r-9")).isEmpty();
    }

    @Test
    void commit_underAnEpochThatMovedOn_writesNothingAndSaysNothing() {
        claim(running("r-1", ORDERS, 0));
        List<LeasedRollout> taken = otherReplica().claimLeases(B, at(61), LEASE); // A's lease ran out

        boolean stale = store().commit(new Change(ended(running("r-1", ORDERS, 0), RolloutState.COMPLETED, 62), A1,
                List.of(Notice.FINISHED), Optional.of(outcome(62)), at(62)));

        assertThat(stale).isFalse();
        assertThat(taken).singleElement().satisfies(l -> assertThat(l.lease()).isEqualTo(new Lease(B, 2)));
        assertThat(store().find("r-1")).hasValueSatisfying(t -> assertThat(t.rollout().state()).isEqualTo(RolloutState.RUNNING));
        assertThat(outbox().pending()).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    void commit_finalTwice_onlyTheFirstWins() {
        claim(running("r-1", ORDERS, 0));
        Change done = new Change(ended(running("r-1", ORDERS, 0), RolloutState.COMPLETED, 10), A1, List.of(Notice.FINISHED),
                Optional.of(outcome(10)), at(10));

        assertThat(store().commit(done)).isTrue();
        assertThat(otherReplica().commit(done)).isFalse();

        assertThat(outbox().pending()).isEqualTo(1);
        assertThat(audit()).hasSize(1);
    }

    @Test
    void commit_putsItsNoticesInTheOutboxInOrder() {
        claim(running("r-1", ORDERS, 0));
        store().commit(new Change(running("r-1", ORDERS, 0), A1, List.of(Notice.RESUMED, Notice.STALL_WARNING), Optional.empty(), at(5)));

        List<OutboxEntry> due = outbox().takeDue("sender-1", at(5), Duration.ofSeconds(30), 10);

        assertThat(due).extracting(OutboxEntry::notice).containsExactly(Notice.RESUMED, Notice.STALL_WARNING);
        assertThat(due).extracting(OutboxEntry::rolloutId).containsOnly("r-1");
        assertThat(outbox().takeDue("sender-2", at(6), Duration.ofSeconds(30), 10)).as("held by sender-1").isEmpty();
        outbox().done(due.get(0).seq(), at(6), "");
        outbox().retryAt(due.get(1).seq(), at(20), "ratelimited");
        assertThat(outbox().pending()).isEqualTo(1);
        assertThat(outbox().takeDue("sender-2", at(19), Duration.ofSeconds(30), 10)).isEmpty();
        assertThat(outbox().takeDue("sender-2", at(20), Duration.ofSeconds(30), 10)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
    }

    @Test
    void outbox_heldBySenderThatDied_goesToAnotherAfterTheHold() {
        claim(running("r-1", ORDERS, 0));
        store().commit(new Change(running("r-1", ORDERS, 0), A1, List.of(Notice.RESUMED), Optional.empty(), at(5)));
        outbox().takeDue("sender-1", at(5), Duration.ofSeconds(30), 10);

        assertThat(outbox().takeDue("sender-2", at(35), Duration.ofSeconds(30), 10)).hasSize(1);
    }

    @Test
    void abandon_endsItWhoeverHoldsIt_andFencesTheHolder() {
        claim(running("r-1", ORDERS, 0));
        TrackedRollout abandoned = ended(running("r-1", ORDERS, 0), RolloutState.ABANDONED, 30);

        assertThat(otherReplica().abandon(abandoned, List.of(Notice.FINISHED), outcome(30))).isTrue();

        assertThat(save(running("r-1", ORDERS, 0))).as("the holder's next write").isFalse();
        assertThat(store().find("r-1")).contains(abandoned);
        assertThat(otherReplica().abandon(abandoned, List.of(Notice.FINISHED), outcome(31))).as("already ended").isFalse();
        assertThat(outbox().pending()).isEqualTo(1);
        assertThat(audit()).hasSize(1);
        assertThat(claim(running("r-2", ORDERS, 40))).as("the cluster is free").isEmpty();
    }

    @Test
    void abandon_fromACopyReadBeforeAStartMovedOn_keepsTheThreadAndPhaseTheStartWrote() {
        TrackedRollout claimed = new TrackedRollout(running("r-1", ORDERS, 0).rollout(), ThreadRef.pending("C1"), StartPhase.CLAIMED);
        claim(claimed);
        TrackedRollout readByTheAdmin = store().find("r-1").orElseThrow();
        TrackedRollout sending = new TrackedRollout(claimed.rollout(), StoredRollouts.THREAD, StartPhase.SENDING);
        save(sending);

        otherReplica().abandon(ended(readByTheAdmin, RolloutState.ABANDONED, 30), List.of(Notice.FINISHED), outcome(30));

        assertThat(store().find("r-1")).hasValueSatisfying(t -> {
            assertThat(t.rollout().state()).isEqualTo(RolloutState.ABANDONED);
            assertThat(t.thread()).isEqualTo(StoredRollouts.THREAD);
            assertThat(t.phase()).isEqualTo(StartPhase.SENDING);
        });
    }

    @Test
    void roundTrip_pendingThread_keepsItPending() {
        TrackedRollout pending = new TrackedRollout(running("r-1", ORDERS, 0).rollout(), ThreadRef.pending("C0123456789"), StartPhase.CLAIMED);

        claim(pending);

        assertThat(otherReplica().find("r-1")).hasValueSatisfying(t -> assertThat(t.thread().isPending()).isTrue()).contains(pending);
    }

    @Test
    void roundTrip_richRollout_keepsEveryField() {
        TrackedRollout rich = rich("r-1", ORDERS);
        claim(rich);
        TrackedRollout finished = ended(rich, RolloutState.FAILED, 140);
        claim(rich("r-2", PAYMENTS));

        save(finished);

        assertThat(otherReplica().find("r-1")).contains(finished);
        assertThat(otherReplica().recent(10)).containsExactly(finished);
        assertThat(otherReplica().active()).containsExactly(rich("r-2", PAYMENTS));
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(store().find("nope")).isEmpty();
    }

    @Test
    void active_listsUnfinishedOldestStartFirst() {
        claim(running("r-late", ORDERS, 50));
        claim(running("r-early", PAYMENTS, 10));
        claim(running("r-done", kafka("1003", "logs"), 0));
        save(ended(running("r-done", kafka("1003", "logs"), 0), RolloutState.COMPLETED, 60));

        assertThat(store().active()).extracting(TrackedRollout::id).containsExactly("r-early", "r-late");
    }

    @Test
    void recent_listsFinishedNewestEndingFirst_upToLimit() {
        for (int i = 1; i <= 4; i++) {
            TrackedRollout r = running("r-" + i, kafka("10" + i, "c" + i), i);
            claim(r);
            save(ended(r, RolloutState.COMPLETED, 100 - i * 10L));
        }
        claim(running("r-running", PAYMENTS, 0));

        assertThat(store().recent(3)).extracting(TrackedRollout::id).containsExactly("r-1", "r-2", "r-3");
        assertThat(store().recent(0)).isEmpty();
    }

    @Test
    void claimLeases_theClaimerHoldsTheLease_anotherOwnerGetsNothing() {
        claim(running("r-1", ORDERS, 0));

        assertThat(store().claimLeases(A, at(10), LEASE)).singleElement().isEqualTo(new LeasedRollout(running("r-1", ORDERS, 0), A1));
        assertThat(otherReplica().claimLeases(B, at(11), LEASE)).isEmpty();
    }

    @Test
    void claimLeases_sameOwner_renewsBeyondTheFirstExpiry_atTheSameEpoch() {
        claim(running("r-1", ORDERS, 0));

        assertThat(store().claimLeases(A, at(50), LEASE)).extracting(LeasedRollout::lease).containsExactly(A1);
        assertThat(otherReplica().claimLeases(B, at(70), LEASE)).isEmpty();
    }

    @Test
    void claimLeases_expiredLease_isTakenOverAtTheNextEpoch() {
        claim(running("r-1", ORDERS, 0));

        assertThat(otherReplica().claimLeases(B, at(60), LEASE)).extracting(LeasedRollout::lease).containsExactly(new Lease(B, 2));
        assertThat(store().claimLeases(A, at(61), LEASE)).isEmpty();
    }

    @Test
    void renewLeases_heartbeat_keepsTheLeaseWithoutAPoll() {
        claim(running("r-1", ORDERS, 0));

        assertThat(store().renewLeases(A, at(50), LEASE)).isEqualTo(1);

        assertThat(otherReplica().claimLeases(B, at(100), LEASE)).isEmpty();
        assertThat(otherReplica().claimLeases(B, at(110), LEASE)).hasSize(1);
        assertThat(store().renewLeases(A, at(111), LEASE)).as("no longer A's").isZero();
    }

    @Test
    void releaseLeases_byOwner_letsAnotherOwnerTakeOverAtOnce() {
        claim(running("r-1", ORDERS, 0));

        store().releaseLeases(A);

        assertThat(otherReplica().claimLeases(B, at(1), LEASE)).extracting(LeasedRollout::lease).containsExactly(new Lease(B, 2));
    }

    @Test
    void releaseLeases_byAnotherOwner_changesNothing() {
        claim(running("r-1", ORDERS, 0));

        otherReplica().releaseLeases(B);

        assertThat(otherReplica().claimLeases(B, at(1), LEASE)).isEmpty();
    }

    @Test
    void takeOver_all_takesLiveLeasesAtTheNextEpoch() {
        claim(running("r-1", ORDERS, 0));
        otherReplica().claim(running("r-2", PAYMENTS, 0), B, at(0), LEASE);

        List<LeasedRollout> mine = store().takeOver("replica-new", RolloutStore.TakeOver.ALL, at(1), LEASE);

        assertThat(mine).extracting(LeasedRollout::lease).containsExactly(new Lease("replica-new", 2), new Lease("replica-new", 2));
        assertThat(save(running("r-1", ORDERS, 0))).as("the old process's write").isFalse();
    }

    @Test
    void takeOver_own_takesBackWhatAnEarlierProcessOfTheSameInstanceHeld_andFencesIt() {
        store().claim(running("r-1", ORDERS, 0), "pod-a#boot1", at(0), LEASE);
        otherReplica().claim(running("r-2", PAYMENTS, 0), "pod-a2#boot1", at(0), LEASE);
        otherReplica().claim(running("r-3", kafka("1003", "logs"), 0), B, at(0), LEASE);

        List<LeasedRollout> mine = store().takeOver("pod-a#boot2", RolloutStore.TakeOver.OWN, at(1), LEASE);

        assertThat(ids(mine)).containsExactly("r-1");
        assertThat(mine.get(0).lease()).isEqualTo(new Lease("pod-a#boot2", 2));
        assertThat(store().commit(Change.quiet(running("r-1", ORDERS, 0), new Lease("pod-a#boot1", 1), at(2))))
                .as("a write of the earlier process, still alive").isFalse();
        assertThat(store().takeOver("host-1234", RolloutStore.TakeOver.OWN, at(3), LEASE)).as("no instance id: nothing to take back").isEmpty();
    }

    @Test
    void takeOver_all_freesTheOutboxEntriesTheDeadProcessHeld() {
        claim(running("r-1", ORDERS, 0));
        store().commit(new Change(running("r-1", ORDERS, 0), A1, List.of(Notice.RESUMED), Optional.empty(), at(1)));
        outbox().takeDue("dead-process", at(1), Duration.ofSeconds(30), 10);

        store().takeOver("next-process", RolloutStore.TakeOver.ALL, at(2), LEASE);

        assertThat(outbox().takeDue("next-process", at(2), Duration.ofSeconds(30), 10)).hasSize(1);
    }

    @Test
    void claimLeases_skipsFinishedRollouts_andSharesTheRest() {
        claim(running("r-1", ORDERS, 0));
        otherReplica().claim(running("r-2", PAYMENTS, 5), B, at(5), LEASE);
        claim(running("r-3", kafka("1003", "logs"), 6));
        save(ended(running("r-3", kafka("1003", "logs"), 6), RolloutState.STALLED, 7));

        assertThat(ids(otherReplica().claimLeases(B, at(8), LEASE))).containsExactly("r-2");
        assertThat(ids(store().claimLeases(A, at(9), LEASE))).containsExactly("r-1");
    }

    @Test
    void claimLeases_concurrentOwners_eachRolloutGoesToOne() throws Exception {
        for (int i = 0; i < 10; i++) {
            store().claim(running("r-" + i, kafka("20" + i, "c" + i), i), "claimer", at(0), Duration.ofSeconds(1));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<LeasedRollout>>> leased = new ArrayList<>();
            for (int owner = 0; owner < 4; owner++) {
                RolloutStore replica = owner % 2 == 0 ? store() : otherReplica();
                String name = "replica-" + owner;
                leased.add(threads.submit(() -> {
                    go.await();
                    return replica.claimLeases(name, at(100), LEASE);
                }));
            }
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<LeasedRollout>> f : leased) {
                f.get(30, TimeUnit.SECONDS).forEach(t -> all.add(t.id()));
            }

            assertThat(all).hasSize(10).doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void receive_holdsNoCluster_isNotListed_butIsLeasedForRecovery() {
        TrackedRollout received = new TrackedRollout(running("r-1", ORDERS, 0).rollout(), ThreadRef.pending("C1"), StartPhase.RECEIVED);

        store().receive(received, A, at(0), LEASE);

        assertThat(store().active()).isEmpty();
        assertThat(otherReplica().claim(running("r-2", ORDERS, 1), B, at(1), LEASE)).as("the cluster is not held").isEmpty();
        assertThat(ids(store().claimLeases(A, at(2), LEASE))).contains("r-1");
    }

    @Test
    void claim_ofAReceivedRequest_becomesTheClaim_inOneStep() {
        Rollout rollout = running("r-1", ORDERS, 0).rollout();
        store().receive(new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.RECEIVED), A, at(0), LEASE);
        TrackedRollout claimed = new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.CLAIMED);

        assertThat(claim(claimed)).isEmpty();

        assertThat(store().find("r-1")).contains(claimed);
        store().dismiss("r-1", A);
        assertThat(store().find("r-1")).as("a claim is not dismissed").contains(claimed);
    }

    @Test
    void claim_ofAReceivedRequest_onAHeldCluster_keepsTheRequestForItsAnswer() {
        claim(running("r-1", ORDERS, 0));
        Rollout rollout = running("r-2", ORDERS, 1).rollout();
        store().receive(new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.RECEIVED), A, at(1), LEASE);

        assertThat(claim(new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.CLAIMED))).map(TrackedRollout::id).contains("r-1");

        assertThat(store().find("r-2")).hasValueSatisfying(t -> assertThat(t.phase()).isEqualTo(StartPhase.RECEIVED));
        store().dismiss("r-2", A);
        assertThat(store().find("r-2")).isEmpty();
    }

    @Test
    void claim_ofAReceivedRequestAnotherReplicaRecovered_isRefused() {
        Rollout rollout = running("r-1", ORDERS, 0).rollout();
        store().receive(new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.RECEIVED), A, at(0), LEASE);
        otherReplica().claimLeases(B, at(61), LEASE);

        assertThatThrownBy(() -> claim(new TrackedRollout(rollout, ThreadRef.pending("C1"), StartPhase.CLAIMED)))
                .isInstanceOf(IllegalStateException.class);
        otherReplica().dismiss("r-1", A);
        assertThat(store().find("r-1")).as("not A's to dismiss any more").isPresent();
    }

    @Test
    void claim_idOfAFinishedRollout_isRefused() {
        claim(running("r-1", ORDERS, 0));
        save(ended(running("r-1", ORDERS, 0), RolloutState.COMPLETED, 10));

        assertThatThrownBy(() -> claim(running("r-1", PAYMENTS, 20))).isInstanceOf(IllegalStateException.class);
    }

    private static AuditEvent outcome(long seconds) {
        return new AuditEvent(at(seconds), "U0REQUESTER", "outcome", Optional.of(ORDERS), "completed", "Rolling restart after 10s: completed");
    }
}
