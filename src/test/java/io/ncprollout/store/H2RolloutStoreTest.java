package io.ncprollout.store;

import static io.ncprollout.store.StoredRollouts.ORDERS;
import static io.ncprollout.store.StoredRollouts.PAYMENTS;
import static io.ncprollout.store.StoredRollouts.rich;
import static io.ncprollout.store.StoredRollouts.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.RolloutStore;
import java.nio.file.Path;
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
        store = new JdbcRolloutStore(database.dataSource());
        other = new JdbcRolloutStore(database.dataSource());
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

    @Test
    void restart_newStoreOnTheSameFile_findsEverythingAndKeepsTheLock() {
        // GIVEN a running rollout and a lease, written by the bot before it stopped
        store.claim(rich("r-1", ORDERS));
        store.claimLeases("replica-a", StoredRollouts.at(0), LEASE);
        database.close();

        // WHEN the bot starts again on the same DATA_DIR
        database = Database.open(DatabaseSettings.embedded(dataDir));
        JdbcRolloutStore restarted = new JdbcRolloutStore(database.dataSource());

        // THEN the rollout is there, still holds its cluster, and its lease is still the old owner's
        assertThat(restarted.active()).containsExactly(rich("r-1", ORDERS));
        assertThat(restarted.claim(running("r-2", ORDERS, 10))).hasValue(rich("r-1", ORDERS));
        assertThat(restarted.claim(running("r-3", PAYMENTS, 10))).isEmpty();
        assertThat(restarted.claimLeases("replica-b", StoredRollouts.at(1), LEASE)).extracting(t -> t.id()).containsExactly("r-3");
    }
}
