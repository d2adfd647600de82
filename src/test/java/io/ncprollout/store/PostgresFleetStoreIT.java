package io.ncprollout.store;

import io.ncprollout.rollout.fleet.FleetStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The fleet store contract on a real PostgreSQL, each replica with its own connection pool. */
class PostgresFleetStoreIT extends FleetStoreContract {
    private static Database replicaA;
    private static Database replicaB;
    private static JdbcFleetStore store;
    private static JdbcFleetStore other;

    @BeforeAll
    static void open() {
        DatabaseSettings settings = EmbeddedPostgresServer.newDatabase();
        replicaA = Database.open(settings);
        replicaB = Database.open(settings);
        store = new JdbcFleetStore(replicaA.dataSource(), LeaseClock.CALLER);
        other = new JdbcFleetStore(replicaB.dataSource(), LeaseClock.CALLER);
    }

    @AfterAll
    static void close() {
        replicaA.close();
        replicaB.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = replicaA.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM fleets");
        }
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
