package io.ncprollout;

import io.ncprollout.rollout.RequestKeys;
import io.ncprollout.rollout.access.ApprovalStore;
import io.ncprollout.rollout.access.FreezeList;
import io.ncprollout.rollout.audit.AuditLog;
import io.ncprollout.rollout.audit.Retention;
import io.ncprollout.rollout.fleet.FleetStore;
import io.ncprollout.rollout.outbox.Outbox;
import io.ncprollout.rollout.schedule.ScheduleStore;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.store.Database;
import io.ncprollout.store.DatabaseSettings;
import io.ncprollout.store.InMemoryApprovalStore;
import io.ncprollout.store.InMemoryAuditLog;
import io.ncprollout.store.InMemoryFleetStore;
import io.ncprollout.store.InMemoryFreezeList;
import io.ncprollout.store.InMemoryRequestKeys;
import io.ncprollout.store.InMemoryRetention;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.store.InMemoryScheduleStore;
import io.ncprollout.store.JdbcApprovalStore;
import io.ncprollout.store.JdbcAuditLog;
import io.ncprollout.store.JdbcFleetStore;
import io.ncprollout.store.JdbcFreezeList;
import io.ncprollout.store.JdbcOutbox;
import io.ncprollout.store.JdbcRequestKeys;
import io.ncprollout.store.JdbcRetention;
import io.ncprollout.store.JdbcRolloutStore;
import io.ncprollout.store.JdbcScheduleStore;
import io.ncprollout.store.LeaseClock;
import java.util.Optional;

/**
 * Where rollouts and the audit trail live: the database (embedded file, or PostgreSQL with {@code DATABASE_URL}),
 * or memory for tests. Closing it closes the database.
 *
 * @param rollouts    the rollout store
 * @param fleets      the fleets, each one document moved by compare-and-set
 * @param schedules   the runs asked for a later time, moved by compare-and-set
 * @param outbox      the notices waiting to be said, written with the rollouts' changes
 * @param audit       the audit trail
 * @param safekeeping freezes and approvals
 * @param database    the database behind them, if any
 */
public record Storage(RolloutStore rollouts, FleetStore fleets, ScheduleStore schedules, Outbox outbox, AuditLog audit, Safekeeping safekeeping, Optional<Database> database)
        implements AutoCloseable {

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
     * Opens the configured database and runs its migrations. Lease times are read on PostgreSQL's clock, shared by
     * every replica, and on this process's clock for the embedded file (one process).
     *
     * @throws io.ncprollout.store.DatabaseException naming DATABASE_URL or DATA_DIR when it cannot be opened
     */
    public static Storage open(DatabaseSettings settings) {
        return open(settings, settings.url().isPresent() ? LeaseClock.DATABASE : LeaseClock.CALLER);
    }

    /** Opens the configured database with lease times on {@code leaseClock} (tests that move time use the caller's). */
    public static Storage open(DatabaseSettings settings, LeaseClock leaseClock) {
        Database database = Database.open(settings);
        return new Storage(new JdbcRolloutStore(database.dataSource(), leaseClock), new JdbcFleetStore(database.dataSource(), leaseClock),
                new JdbcScheduleStore(database.dataSource(), leaseClock), new JdbcOutbox(database.dataSource()), new JdbcAuditLog(database.dataSource()),
                new Safekeeping(new JdbcFreezeList(database.dataSource()), new JdbcApprovalStore(database.dataSource()),
                        new JdbcRequestKeys(database.dataSource()), new JdbcRetention(database.dataSource())), Optional.of(database));
    }

    /** Memory only: lost on exit. */
    public static Storage inMemory() {
        InMemoryAuditLog audit = new InMemoryAuditLog();
        InMemoryRolloutStore rollouts = new InMemoryRolloutStore(audit);
        InMemoryApprovalStore approvals = new InMemoryApprovalStore();
        InMemoryRequestKeys keys = new InMemoryRequestKeys();
        return new Storage(rollouts, new InMemoryFleetStore(), new InMemoryScheduleStore(), rollouts.outbox(), audit,
                new Safekeeping(new InMemoryFreezeList(), approvals, keys, new InMemoryRetention(audit, approvals, keys)), Optional.empty());
    }

    /** True for the embedded file and memory, which one process has to itself; false for a shared PostgreSQL. */
    public boolean singleProcess() {
        return database.map(Database::embedded).orElse(true);
    }

    @Override
    public void close() {
        database.ifPresent(Database::close);
    }
}
