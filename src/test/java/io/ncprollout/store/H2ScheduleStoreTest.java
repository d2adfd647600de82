package io.ncprollout.store;

import io.ncprollout.rollout.schedule.ScheduleStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The schedule store contract on the embedded H2 file, with the V7 migration. */
class H2ScheduleStoreTest extends ScheduleStoreContract {
    @TempDir
    Path dataDir;
    private Database database;
    private JdbcScheduleStore store;
    private JdbcScheduleStore other;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.embedded(dataDir));
        store = new JdbcScheduleStore(database.dataSource(), LeaseClock.CALLER);
        other = new JdbcScheduleStore(database.dataSource(), LeaseClock.CALLER);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected ScheduleStore store() {
        return store;
    }

    @Override
    protected ScheduleStore otherReplica() {
        return other;
    }
}
