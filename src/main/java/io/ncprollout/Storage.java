package io.ncprollout;

import io.ncprollout.rollout.ApprovalStore;
import io.ncprollout.rollout.AuditLog;
import io.ncprollout.rollout.FreezeList;
import io.ncprollout.rollout.RequestKeys;
import io.ncprollout.rollout.Retention;
import io.ncprollout.rollout.RolloutStore;
import io.ncprollout.store.Database;
import io.ncprollout.store.DatabaseSettings;
import io.ncprollout.store.InMemoryApprovalStore;
import io.ncprollout.store.InMemoryAuditLog;
import io.ncprollout.store.InMemoryFreezeList;
import io.ncprollout.store.InMemoryRequestKeys;
import io.ncprollout.store.InMemoryRetention;
import io.ncprollout.store.JdbcApprovalStore;
import io.ncprollout.store.JdbcRequestKeys;
import io.ncprollout.store.JdbcRetention;
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
     * @param freezes     frozen clusters
     * @param approvals   requests under the two-person rule
     * @param requestKeys the requests that already asked to start something
     * @param purger      the retention purge of all of the above and of the audit trail
     */
    public record Safekeeping(FreezeList freezes, ApprovalStore approvals, RequestKeys requestKeys, Retention.Purger purger) {
    }

    /**
     * Opens the configured database and runs its migrations.
     *
     * @throws io.ncprollout.store.DatabaseException naming DATABASE_URL or DATA_DIR when it cannot be opened
     */
    public static Storage open(DatabaseSettings settings) {
        Database database = Database.open(settings);
        return new Storage(new JdbcRolloutStore(database.dataSource()), new JdbcAuditLog(database.dataSource()),
                new Safekeeping(new JdbcFreezeList(database.dataSource()), new JdbcApprovalStore(database.dataSource()),
                        new JdbcRequestKeys(database.dataSource()), new JdbcRetention(database.dataSource())), Optional.of(database));
    }

    /** Memory only: lost on exit. */
    public static Storage inMemory() {
        InMemoryAuditLog audit = new InMemoryAuditLog();
        InMemoryApprovalStore approvals = new InMemoryApprovalStore();
        InMemoryRequestKeys keys = new InMemoryRequestKeys();
        return new Storage(new InMemoryRolloutStore(), audit,
                new Safekeeping(new InMemoryFreezeList(), approvals, keys, new InMemoryRetention(audit, approvals, keys)), Optional.empty());
    }

    @Override
    public void close() {
        database.ifPresent(Database::close);
    }
}
