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

import io.ncprollout.rollout.Rollout;
import io.ncprollout.rollout.RolloutState;
import io.ncprollout.rollout.RolloutStore;
import io.ncprollout.rollout.ThreadRef;
import io.ncprollout.rollout.TrackedRollout;
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
 * The behaviour every {@link RolloutStore} shares. Subclasses give a fresh, empty store per test and a second
 * view of the same data, as another replica would have.
 */
abstract class RolloutStoreContract {
    static final Duration LEASE = Duration.ofSeconds(60);

    /** The store under test: empty at the start of each test. */
    protected abstract RolloutStore store();

    /** Another store over the same data, as a second replica sees it (the same instance where there is no sharing). */
    protected abstract RolloutStore otherReplica();

    @Test
    void claim_freeCluster_recordsIt() {
        assertThat(store().claim(running("r-1", ORDERS, 0))).isEmpty();

        assertThat(store().find("r-1")).contains(running("r-1", ORDERS, 0));
        assertThat(otherReplica().active()).containsExactly(running("r-1", ORDERS, 0));
    }

    @Test
    void claim_heldCluster_returnsHolderAndRecordsNothing() {
        store().claim(running("r-1", ORDERS, 0));

        Optional<TrackedRollout> holder = otherReplica().claim(running("r-2", ORDERS, 5));

        assertThat(holder).contains(running("r-1", ORDERS, 0));
        assertThat(store().find("r-2")).isEmpty();
    }

    @Test
    void claim_sameClusterNumberUnderAnotherName_returnsHolder() {
        store().claim(running("r-1", ORDERS, 0));

        assertThat(store().claim(running("r-2", kafka(ORDERS.number(), "renamed"), 5))).map(TrackedRollout::id).contains("r-1");
    }

    @Test
    void claim_otherCluster_succeeds() {
        store().claim(running("r-1", ORDERS, 0));

        assertThat(store().claim(running("r-2", PAYMENTS, 5))).isEmpty();
    }

    @Test
    void claim_afterHolderFinished_succeeds() {
        store().claim(running("r-1", ORDERS, 0));
        store().save(ended(running("r-1", ORDERS, 0), RolloutState.COMPLETED, 100));

        assertThat(otherReplica().claim(running("r-2", ORDERS, 200))).isEmpty();
    }

    @Test
    void claim_afterRelease_succeeds() {
        store().claim(running("r-1", ORDERS, 0));
        store().release("r-1");

        assertThat(store().claim(running("r-2", ORDERS, 5))).isEmpty();
        assertThat(store().find("r-1")).isEmpty();
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
                outcomes.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return replica.claim(mine);
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
    void save_replacesThreadAndTracking() {
        Rollout claimed = running("r-1", ORDERS, 0).rollout();
        store().claim(new TrackedRollout(claimed, ThreadRef.pending("C0123456789")));
        TrackedRollout polled = new TrackedRollout(
                new Rollout("r-1", claimed.request(), claimed.startedAt(), StoredRollouts.richTracking()), StoredRollouts.THREAD);

        store().save(polled);

        assertThat(otherReplica().find("r-1")).contains(polled);
    }

    @Test
    void save_neverClaimed_throws() {
        assertThatThrownBy(() -> store().save(running("r-9", ORDERS, 0))).isInstanceOf(IllegalStateException.class).hasMessageContaining("r-9");
    }

    @Test
    void roundTrip_pendingThread_keepsItPending() {
        TrackedRollout pending = new TrackedRollout(running("r-1", ORDERS, 0).rollout(), ThreadRef.pending("C0123456789"));

        store().claim(pending);

        assertThat(otherReplica().find("r-1")).hasValueSatisfying(t -> assertThat(t.thread().isPending()).isTrue()).contains(pending);
    }

    @Test
    void roundTrip_richRollout_keepsEveryField() {
        TrackedRollout rich = rich("r-1", ORDERS);
        store().claim(rich);
        TrackedRollout finished = ended(rich, RolloutState.FAILED, 140);
        store().claim(rich("r-2", PAYMENTS));

        store().save(finished);

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
        store().claim(running("r-late", ORDERS, 50));
        store().claim(running("r-early", PAYMENTS, 10));
        store().claim(running("r-done", kafka("1003", "logs"), 0));
        store().save(ended(running("r-done", kafka("1003", "logs"), 0), RolloutState.COMPLETED, 60));

        assertThat(store().active()).extracting(TrackedRollout::id).containsExactly("r-early", "r-late");
    }

    @Test
    void recent_listsFinishedNewestEndingFirst_upToLimit() {
        for (int i = 1; i <= 4; i++) {
            TrackedRollout r = running("r-" + i, kafka("10" + i, "c" + i), i);
            store().claim(r);
            store().save(ended(r, RolloutState.COMPLETED, 100 - i * 10L));
        }
        store().claim(running("r-running", PAYMENTS, 0));

        assertThat(store().recent(3)).extracting(TrackedRollout::id).containsExactly("r-1", "r-2", "r-3");
        assertThat(store().recent(0)).isEmpty();
    }

    @Test
    void claimLeases_twoOwners_onlyTheFirstGetsIt() {
        store().claim(running("r-1", ORDERS, 0));

        assertThat(store().claimLeases("replica-a", at(10), LEASE)).extracting(TrackedRollout::id).containsExactly("r-1");
        assertThat(otherReplica().claimLeases("replica-b", at(11), LEASE)).isEmpty();
    }

    @Test
    void claimLeases_sameOwner_renewsBeyondTheFirstExpiry() {
        store().claim(running("r-1", ORDERS, 0));
        store().claimLeases("replica-a", at(0), LEASE);

        assertThat(store().claimLeases("replica-a", at(50), LEASE)).extracting(TrackedRollout::id).containsExactly("r-1");
        assertThat(otherReplica().claimLeases("replica-b", at(70), LEASE)).isEmpty();
    }

    @Test
    void claimLeases_expiredLease_isTakenOver() {
        store().claim(running("r-1", ORDERS, 0));
        store().claimLeases("replica-a", at(0), LEASE);

        assertThat(otherReplica().claimLeases("replica-b", at(60), LEASE)).extracting(TrackedRollout::id).containsExactly("r-1");
        assertThat(store().claimLeases("replica-a", at(61), LEASE)).isEmpty();
    }

    @Test
    void releaseLease_byOwner_letsAnotherOwnerTakeOver() {
        store().claim(running("r-1", ORDERS, 0));
        store().claimLeases("replica-a", at(0), LEASE);

        store().releaseLease("r-1", "replica-a");

        assertThat(otherReplica().claimLeases("replica-b", at(1), LEASE)).extracting(TrackedRollout::id).containsExactly("r-1");
    }

    @Test
    void releaseLease_byAnotherOwner_changesNothing() {
        store().claim(running("r-1", ORDERS, 0));
        store().claimLeases("replica-a", at(0), LEASE);

        otherReplica().releaseLease("r-1", "replica-b");

        assertThat(otherReplica().claimLeases("replica-b", at(1), LEASE)).isEmpty();
    }

    @Test
    void claimLeases_skipsFinishedRollouts_andSharesTheRest() {
        store().claim(running("r-1", ORDERS, 0));
        store().claimLeases("replica-a", at(0), LEASE);
        store().claim(running("r-2", PAYMENTS, 5));
        store().claim(running("r-3", kafka("1003", "logs"), 6));
        store().save(ended(running("r-3", kafka("1003", "logs"), 6), RolloutState.STALLED, 7));

        assertThat(otherReplica().claimLeases("replica-b", at(8), LEASE)).extracting(TrackedRollout::id).containsExactly("r-2");
        assertThat(store().claimLeases("replica-a", at(9), LEASE)).extracting(TrackedRollout::id).containsExactly("r-1");
    }

    @Test
    void claimLeases_concurrentOwners_eachRolloutGoesToOne() throws Exception {
        for (int i = 0; i < 10; i++) {
            store().claim(running("r-" + i, kafka("20" + i, "c" + i), i));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TrackedRollout>>> leased = new ArrayList<>();
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
            for (Future<List<TrackedRollout>> f : leased) {
                f.get(30, TimeUnit.SECONDS).forEach(t -> all.add(t.id()));
            }

            assertThat(all).hasSize(10).doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
        }
    }
}
