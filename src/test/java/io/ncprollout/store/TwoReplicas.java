package io.ncprollout.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Two bot processes on one new PostgreSQL database (the shared embedded server), each with its own connection pool:
 * the set-up of every store contract that runs on PostgreSQL.
 */
final class TwoReplicas implements AutoCloseable {
    final Database a;
    final Database b;

    private TwoReplicas(Database a, Database b) {
        this.a = a;
        this.b = b;
    }

    static TwoReplicas open() {
        DatabaseSettings settings = EmbeddedPostgresServer.newDatabase();
        return new TwoReplicas(Database.open(settings), Database.open(settings));
    }

    /** A store of each replica, built over its pool. */
    <S> S onA(Function<DataSource, S> store) {
        return store.apply(a.dataSource());
    }

    <S> S onB(Function<DataSource, S> store) {
        return store.apply(b.dataSource());
    }

    /** Deletes every row of {@code tables}, in order, before a test. */
    void empty(String... tables) throws SQLException {
        try (Connection c = a.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("DELETE FROM " + table);
            }
        }
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
