package io.ncprollout.store;

import io.ncprollout.rollout.fleet.FleetStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The fleet store contract on the embedded H2 file, with the V5 migration. */
class H2FleetStoreTest extends FleetStoreContract {
    @TempDir
    Path dataDir;
    private Database database;
    private JdbcFleetStore store;
    private JdbcFleetStore other;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.embedded(dataDir));
        store = new JdbcFleetStore(database.dataSource(), LeaseClock.CALLER);
        other = new JdbcFleetStore(database.dataSource(), LeaseClock.CALLER);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected FleetStore store() {
        return store;
    }

    @Override
    protected FleetStore otherReplica() {
        return other;
    }
}
