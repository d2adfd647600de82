package io.ncprollout;

import io.ncprollout.rollout.ApprovalStore;
import io.ncprollout.rollout.AuditLog;
import io.ncprollout.rollout.FreezeList;
import io.ncprollout.rollout.RolloutStore;
import io.ncprollout.store.Database;
import io.ncprollout.store.DatabaseSettings;
import io.ncprollout.store.InMemoryApprovalStore;
import io.ncprollout.store.InMemoryAuditLog;
import io.ncprollout.store.InMemoryFreezeList;
import io.ncprollout.store.JdbcApprovalStore;
import io.ncprollout.store.JdbcFreezeList;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.store.JdbcAuditLog;
import io.ncprollout.store.JdbcRolloutStore;
import java.util.Optional;

/**
 * Where rollouts and the audit trail live: the database (embedded file, or PostgreSQL with {@code DATABASE_URL}),
 * or memory for tests. Closing it closes the database.
 *
 * @param rollouts the rollout store
 * @param audit    the audit trail
 * @param database the database behind them, if any
 */
public record Storage(RolloutStore rollouts, AuditLog audit, Safekeeping safekeeping, Optional<Database> database) implements AutoCloseable {

    /**
     * What the safety rules keep.
     *
     * @param freezes   frozen clusters
     * @param approvals requests under the two-person rule
     */
    public record Safekeeping(FreezeList freezes, ApprovalStore approvals) {
    }

    /**
     * Opens the configured database and runs its migrations.
     *
     * @throws io.ncprollout.store.DatabaseException naming DATABASE_URL or DATA_DIR when it cannot be opened
     */
    public static Storage open(DatabaseSettings settings) {
        Database database = Database.open(settings);
        return new Storage(new JdbcRolloutStore(database.dataSource()), new JdbcAuditLog(database.dataSource()),
                new Safekeeping(new JdbcFreezeList(database.dataSource()), new JdbcApprovalStore(database.dataSource())), Optional.of(database));
    }

    /** Memory only: lost on exit. */
    public static Storage inMemory() {
        return new Storage(new InMemoryRolloutStore(), new InMemoryAuditLog(),
                new Safekeeping(new InMemoryFreezeList(), new InMemoryApprovalStore()), Optional.empty());
    }

    @Override
    public void close() {
        database.ifPresent(Database::close);
    }
}
