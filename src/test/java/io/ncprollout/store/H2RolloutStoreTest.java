package io.ncprollout.store;

import static io.ncprollout.store.StoredRollouts.ORDERS;
import static io.ncprollout.store.StoredRollouts.PAYMENTS;
import static io.ncprollout.store.StoredRollouts.rich;
import static io.ncprollout.store.StoredRollouts.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.outbox.Outbox;
import io.ncprollout.rollout.tracking.RolloutStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file, plus what a restart must keep. */
class H2RolloutStoreTest extends RolloutStoreContract {
    @TempDir
    Path dataDir;
    private Database database;
    private JdbcRolloutStore store;
    private JdbcRolloutStore other;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.embedded(dataDir));
        store = new JdbcRolloutStore(database.dataSource(), LeaseClock.CALLER);
        other = new JdbcRolloutStore(database.dataSource(), LeaseClock.CALLER);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected RolloutStore store() {
        return store;
    }

    @Override
    protected RolloutStore otherReplica() {
        return other;
    }

    @Override
    protected Outbox outbox() {
        return new JdbcOutbox(database.dataSource());
    }

    @Override
    protected List<AuditEvent> audit() {
        return new JdbcAuditLog(database.dataSource()).latest(Optional.empty(), 100);
    }

    @Test
    void restart_newStoreOnTheSameFile_findsEverythingAndKeepsTheLock() {
        // GIVEN a running rollout and its lease, written by the bot before it stopped
        store.claim(rich("r-1", ORDERS), "replica-a", StoredRollouts.at(0), LEASE);
        database.close();

        // WHEN the bot starts again on the same DATA_DIR
        database = Database.open(DatabaseSettings.embedded(dataDir));
        JdbcRolloutStore restarted = new JdbcRolloutStore(database.dataSource(), LeaseClock.CALLER);

        // THEN the rollout is there, still holds its cluster, and its lease is still the old owner's
        assertThat(restarted.active()).containsExactly(rich("r-1", ORDERS));
        assertThat(restarted.claim(running("r-2", ORDERS, 10), "replica-b", StoredRollouts.at(1), LEASE)).hasValue(rich("r-1", ORDERS));
        assertThat(restarted.claim(running("r-3", PAYMENTS, 10), "replica-b", StoredRollouts.at(1), LEASE)).isEmpty();
        assertThat(restarted.claimLeases("replica-b", StoredRollouts.at(1), LEASE)).extracting(t -> t.id()).containsExactly("r-3");
    }

    @Test
    void aCommitOnAnInterruptedThread_leavesTheDatabaseOpen() {
        // GIVEN a thread interrupted by a shutdown (the work pool, the poller) that still writes
        Thread.currentThread().interrupt();
        try {
            store.claim(running("r-1", ORDERS, 0), "replica-a", StoredRollouts.at(0), LEASE);
        } catch (RuntimeException tolerated) {
            // the write itself may fail on an interrupted thread; what matters is the database after it
        } finally {
            Thread.interrupted();
        }

        // THEN another thread's writes and reads still work
        assertThat(other.claim(running("r-2", PAYMENTS, 1), "replica-b", StoredRollouts.at(1), LEASE)).isEmpty();
        assertThat(other.find("r-2")).isPresent();
    }
}
