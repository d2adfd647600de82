package io.ncprollout.store;

import io.ncprollout.rollout.fleet.FleetStore;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The fleet store contract on a real PostgreSQL, each replica with its own connection pool. */
class PostgresFleetStoreIT extends FleetStoreContract {
    private static TwoReplicas replicas;
    private static JdbcFleetStore store;
    private static JdbcFleetStore other;

    @BeforeAll
    static void open() {
        replicas = TwoReplicas.open();
        store = replicas.onA(pool -> new JdbcFleetStore(pool, LeaseClock.CALLER));
        other = replicas.onB(pool -> new JdbcFleetStore(pool, LeaseClock.CALLER));
    }

    @AfterAll
    static void close() {
        replicas.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        replicas.empty("fleets");
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
