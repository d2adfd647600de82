package io.ncprollout.store;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.LeasedRollout;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link RolloutStore} in a SQL database (PostgreSQL, or the embedded H2 file), opened by {@link Database}.
 * Several processes may share one database: every guarantee below holds across them.
 *
 * <ol>
 *   <li>Claim: one {@code INSERT}. The row carries {@code cluster_lock = service/region/number} while the rollout
 *       is unfinished and {@code NULL} after, under a unique constraint; the database thus refuses a second
 *       unfinished rollout on a cluster, and the loser reads the holder. If the holder ended in between, the
 *       claim is tried again. The row is leased to the claimer at epoch 1.</li>
 *   <li>Writes: one transaction whose {@code UPDATE} matches the row only while it is unfinished and leased to the
 *       writer at the writer's epoch; the outbox entries and the audit record are inserted in it only if it
 *       matched.</li>
 *   <li>Leases: one transaction that updates every unfinished row whose lease is free, expired or the caller's
 *       (a taken one at the next epoch), then reads back the caller's rows. Row locks make a concurrent caller
 *       skip (PostgreSQL re-checks the condition after the first commits) or wait for them. Lease times are on the
 *       {@link LeaseClock}.</li>
 * </ol>
 *
 * <p>Times are kept to the microsecond (the databases' precision) in columns, and exactly in the tracking JSON.
 * Every method throws {@link StoreUnavailableException} when the database fails.
 *
 * <p>Kept in one file (a little over 300 lines) on purpose: it holds every statement on the {@code rollouts} table, and
 * their compare-and-set conditions (owner, epoch, phase, state) must agree with each other; they are read together.
 */
public final class JdbcRolloutStore implements RolloutStore {
    private static final int CLAIM_ATTEMPTS = 5;
    private static final String RUNNING = RolloutState.RUNNING.name();
    /** Deletes the owner's received request of an id: when it becomes a claim, and when its answer was given. */
    private static final String DELETE_RECEIVED =
            "DELETE FROM rollouts WHERE id = ? AND start_phase = 'RECEIVED' AND lease_owner = ? AND state = ?";

    private final Jdbc jdbc;
    private final LeaseClock leaseClock;

    /** A store over {@code dataSource}, whose schema {@link Database} has migrated, with lease times on {@code leaseClock}. */
    public JdbcRolloutStore(DataSource dataSource, LeaseClock leaseClock) {
        this.jdbc = new Jdbc(dataSource);
        this.leaseClock = leaseClock;
    }

    @Override
    public void receive(TrackedRollout received, String owner, Instant now, Duration leaseFor) {
        jdbc.autocommit("record the request " + received.id(), c -> {
            try (PreparedStatement insert = c.prepareStatement(RolloutRows.INSERT + leaseClock.until() + ")")) {
                bindInsert(insert, received, owner, now, leaseFor);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<TrackedRollout> claim(TrackedRollout rollout, String owner, Instant now, Duration leaseFor) {
        Optional<String> lock = RolloutRows.clusterLock(rollout.rollout());
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            try {
                jdbc.transaction("claim rollout " + rollout.id(), c -> insertClaim(c, rollout, owner, now, leaseFor));
                return Optional.empty();
            } catch (Refused refused) {
                Optional<TrackedRollout> holder = jdbc.autocommit("read the holder of " + lock.orElse(""), c -> holder(c, rollout, lock));
                if (holder.isPresent()) {
                    return holder;
                }
                // the holder ended between the refused insert and the read: try again
            }
        }
        throw new StoreUnavailableException("cannot claim rollout " + rollout.id() + ": the cluster kept changing hands");
    }

    /** The database refused the claim's insert (a unique key): read who holds the cluster, outside the rolled-back transaction. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** In one transaction: the owner's received request of that id (if any) makes way for the claim. */
    private int insertClaim(Connection c, TrackedRollout rollout, String owner, Instant now, Duration leaseFor) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(DELETE_RECEIVED)) {
            delete.setString(1, rollout.id());
            delete.setString(2, owner);
            delete.setString(3, RUNNING);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(RolloutRows.INSERT + leaseClock.until() + ")")) {
            bindInsert(insert, rollout, owner, now, leaseFor);
            return insert.executeUpdate();
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new Refused(e);
            }
            throw e;
        }
    }

    private void bindInsert(PreparedStatement insert, TrackedRollout rollout, String owner, Instant now, Duration leaseFor) throws SQLException {
        RolloutRows.bindInsert(insert, rollout);
        insert.setString(21, owner);
        insert.setLong(22, Lease.FIRST_EPOCH);
        leaseClock.bindUntil(insert, 23, now, leaseFor);
    }

    /** Whichever row is in the way of the claim: the cluster's holder, or a row that already has this id. */
    private static Optional<TrackedRollout> holder(Connection c, TrackedRollout rollout, Optional<String> lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(RolloutRows.SELECT + " WHERE cluster_lock = ? OR id = ?")) {
            select.setString(1, lock.orElse(""));
            select.setString(2, rollout.id());
            try (ResultSet rs = select.executeQuery()) {
                List<TrackedRollout> holders = RolloutRows.readAll(rs);
                Optional<TrackedRollout> clusterHolder = holders.stream().filter(h -> !h.id().equals(rollout.id())).findFirst();
                if (clusterHolder.isPresent()) {
                    return clusterHolder; // the owner's received request is back after the rollback, waiting for its answer
                }
                Optional<TrackedRollout> sameId = holders.stream().findFirst();
                if (sameId.isPresent() && sameId.get().rollout().state().isTerminal()) {
                    throw new IllegalStateException("rollout id " + rollout.id() + " was already used by a finished rollout");
                }
                if (sameId.isPresent() && sameId.get().phase() == StartPhase.RECEIVED) {
                    throw new IllegalStateException("request " + rollout.id() + " was taken over by another replica");
                }
                return sameId;
            }
        }
    }

    @Override
    public void dismiss(String id, String owner) {
        jdbc.autocommit("dismiss the request " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(DELETE_RECEIVED)) {
                ps.setString(1, id);
                ps.setString(2, owner);
                ps.setString(3, RUNNING);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean commit(Change change) {
        TrackedRollout next = change.next();
        boolean written = jdbc.transaction("save rollout " + next.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(RolloutRows.SET
                    + " WHERE id = ? AND lease_owner = ? AND lease_epoch = ? AND state = ?")) {
                int i = RolloutRows.bindSet(ps, next);
                ps.setString(i, next.id());
                ps.setString(i + 1, change.lease().owner());
                ps.setLong(i + 2, change.lease().epoch());
                ps.setString(i + 3, RUNNING);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            JdbcOutbox.insert(c, next.id(), change.notices(), change.at());
            if (change.audit().isPresent()) {
                JdbcAuditLog.insert(c, change.audit().get());
            }
            return true;
        });
        if (written) {
            change.audit().ifPresent(AuditLines::log);
        }
        return written;
    }

    @Override
    public boolean abandon(TrackedRollout next, List<Notice> notices, AuditEvent audit) {
        boolean written = jdbc.transaction("abandon rollout " + next.id(), c -> {
            // the state and tracking only: the thread and the phase stay as a start or poll in flight last wrote them
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollouts SET state = ?, cluster_lock = NULL, ended_at = ?, tracking = ?,"
                    + " lease_epoch = lease_epoch + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ? AND state = ?")) {
                ps.setString(1, next.rollout().state().name());
                ps.setObject(2, Jdbc.timestamp(next.rollout().tracking().ending().orElseThrow().at()));
                ps.setString(3, TrackingJson.write(next.rollout().tracking()));
                ps.setString(4, next.id());
                ps.setString(5, RUNNING);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            JdbcOutbox.insert(c, next.id(), notices, audit.at());
            JdbcAuditLog.insert(c, audit);
            return true;
        });
        if (written) {
            AuditLines.log(audit);
        }
        return written;
    }

    @Override
    public void release(String id, Lease lease) {
        jdbc.autocommit("release rollout " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM rollouts WHERE id = ? AND lease_owner = ? AND lease_epoch = ? AND state = ?")) {
                ps.setString(1, id);
                ps.setString(2, lease.owner());
                ps.setLong(3, lease.epoch());
                ps.setString(4, RUNNING);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<TrackedRollout> find(String id) {
        return jdbc.autocommit("find rollout " + id,
                c -> query(c, RolloutRows.SELECT + " WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public List<TrackedRollout> active() {
        return jdbc.autocommit("list active rollouts",
                c -> query(c, RolloutRows.SELECT + " WHERE state = ? AND start_phase <> 'RECEIVED' ORDER BY started_at, id", RUNNING));
    }

    /** @throws IllegalArgumentException when {@code limit} is negative */
    @Override
    public List<TrackedRollout> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        return jdbc.autocommit("list recent rollouts", c -> query(c,
                RolloutRows.SELECT + " WHERE state <> ? ORDER BY ended_at DESC, id DESC LIMIT " + limit, RUNNING));
    }

    @Override
    public List<LeasedRollout> claimLeases(String owner, Instant now, Duration leaseFor) {
        return jdbc.transaction("claim leases for " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollouts SET lease_until = " + leaseClock.until()
                    + ", lease_epoch = CASE WHEN lease_owner = ? THEN lease_epoch ELSE lease_epoch + 1 END, lease_owner = ?"
                    + " WHERE state = ? AND (lease_owner IS NULL OR lease_until <= " + leaseClock.now() + " OR lease_owner = ?)")) {
                int i = leaseClock.bindUntil(ps, 1, now, leaseFor);
                ps.setString(i, owner);
                ps.setString(i + 1, owner);
                ps.setString(i + 2, RUNNING);
                i = leaseClock.bindNow(ps, i + 3, now);
                ps.setString(i, owner);
                ps.executeUpdate();
            }
            return leasedTo(c, owner);
        });
    }

    @Override
    public int renewLeases(String owner, Instant now, Duration leaseFor) {
        return jdbc.autocommit("renew the leases of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollouts SET lease_until = " + leaseClock.until()
                    + " WHERE lease_owner = ? AND state = ?")) {
                int i = leaseClock.bindUntil(ps, 1, now, leaseFor);
                ps.setString(i, owner);
                ps.setString(i + 1, RUNNING);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<LeasedRollout> takeOver(String owner, TakeOver scope, Instant now, Duration leaseFor) {
        boolean noInstance = scope == TakeOver.OWN && TakeOver.instancePrefix(owner).isEmpty();
        return jdbc.transaction("take over rollouts for " + owner, c -> {
            if (noInstance) {
                return leasedTo(c, owner); // a process without an instance id has no earlier self to take over from
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollouts SET lease_until = " + leaseClock.until()
                    + ", lease_epoch = lease_epoch + 1, lease_owner = ? WHERE state = ?"
                    + (scope == TakeOver.OWN ? " AND lease_owner LIKE ?" : ""))) {
                int i = leaseClock.bindUntil(ps, 1, now, leaseFor);
                ps.setString(i, owner);
                ps.setString(i + 1, RUNNING);
                if (scope == TakeOver.OWN) {
                    ps.setString(i + 2, TakeOver.instancePrefix(owner).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                }
                ps.executeUpdate();
            }
            if (scope == TakeOver.ALL) {
                // the process that held the outbox's entries is dead too: send them now, not when its hold runs out
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET held_by = NULL, held_until = NULL WHERE done_at IS NULL")) {
                    ps.executeUpdate();
                }
            }
            return leasedTo(c, owner);
        });
    }

    @Override
    public void releaseLeases(String owner) {
        jdbc.autocommit("release the leases of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE rollouts SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND state = ?")) {
                ps.setString(1, owner);
                ps.setString(2, RUNNING);
                return ps.executeUpdate();
            }
        });
    }

    private static List<LeasedRollout> leasedTo(Connection c, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RolloutRows.SELECT + " WHERE state = ? AND lease_owner = ? ORDER BY started_at, id")) {
            ps.setString(1, RUNNING);
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return RolloutRows.readLeased(rs);
            }
        }
    }

    private static List<TrackedRollout> query(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return RolloutRows.readAll(rs);
            }
        }
    }
}
