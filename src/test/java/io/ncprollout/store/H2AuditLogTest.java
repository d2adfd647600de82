package io.ncprollout.store;

import io.ncprollout.rollout.audit.AuditLog;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The audit log contract on the embedded H2 file. */
class H2AuditLogTest extends AuditLogContract {
    @TempDir
    Path dataDir;
    private Database database;
    private JdbcAuditLog log;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.embedded(dataDir));
        log = new JdbcAuditLog(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected AuditLog auditLog() {
        return log;
    }
}
