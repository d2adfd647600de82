package io.ncprollout.store;

import io.ncprollout.rollout.RolloutState;
import io.ncprollout.rollout.RolloutStore;
import io.ncprollout.rollout.StoreUnavailableException;
import io.ncprollout.rollout.TrackedRollout;
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
 *       claim is tried again.</li>
 *   <li>Leases: one transaction that updates every unfinished row whose lease is free, expired or the caller's,
 *       then reads back the caller's rows. Row locks make a concurrent caller skip (PostgreSQL re-checks the
 *       condition after the first commits) or wait for them.</li>
 * </ol>
 *
 * <p>Times are kept to the microsecond (the databases' precision) in columns, and exactly in the tracking JSON.
 * Every method throws {@link StoreUnavailableException} when the database fails.
 */
public final class JdbcRolloutStore implements RolloutStore {
    private static final int CLAIM_ATTEMPTS = 5;
    private static final String RUNNING = RolloutState.RUNNING.name();

    private final Jdbc jdbc;

    /** A store over {@code dataSource}, whose schema {@link Database} has migrated. */
    public JdbcRolloutStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<TrackedRollout> claim(TrackedRollout rollout) {
        Optional<String> lock = RolloutRows.clusterLock(rollout.rollout());
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            Optional<Optional<TrackedRollout>> outcome = jdbc.autocommit("claim rollout " + rollout.id(), c -> tryClaim(c, rollout, lock));
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new StoreUnavailableException("cannot claim rollout " + rollout.id() + ": the cluster kept changing hands");
    }

    /** Empty when the holder vanished between the refused insert and the read: try again. */
    private static Optional<Optional<TrackedRollout>> tryClaim(Connection c, TrackedRollout rollout, Optional<String> lock) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(RolloutRows.INSERT)) {
            RolloutRows.bindInsert(insert, rollout);
            insert.executeUpdate();
            return Optional.of(Optional.empty());
        } catch (SQLException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
        }
        // Either the cluster is held, or this very id was claimed before: report whichever row is in the way.
        try (PreparedStatement select = c.prepareStatement(RolloutRows.SELECT + " WHERE cluster_lock = ? OR id = ?")) {
            select.setString(1, lock.orElse(""));
            select.setString(2, rollout.id());
            try (ResultSet rs = select.executeQuery()) {
                List<TrackedRollout> holders = RolloutRows.readAll(rs);
                if (holders.stream().anyMatch(h -> h.id().equals(rollout.id()) && h.rollout().state().isTerminal())) {
                    throw new IllegalStateException("rollout id " + rollout.id() + " was already used by a finished rollout");
                }
                return holders.isEmpty() ? Optional.empty() : Optional.of(Optional.of(holders.get(0)));
            }
        }
    }

    @Override
    public void save(TrackedRollout rollout) {
        int updated = jdbc.autocommit("save rollout " + rollout.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(RolloutRows.UPDATE)) {
                RolloutRows.bindUpdate(ps, rollout);
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalStateException("rollout " + rollout.id() + " was never claimed");
        }
    }

    @Override
    public void release(String id) {
        jdbc.autocommit("release rollout " + id, c -> update(c, "DELETE FROM rollouts WHERE id = ?", id));
    }

    @Override
    public Optional<TrackedRollout> find(String id) {
        return jdbc.autocommit("find rollout " + id,
                c -> query(c, RolloutRows.SELECT + " WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public List<TrackedRollout> active() {
        return jdbc.autocommit("list active rollouts",
                c -> query(c, RolloutRows.SELECT + " WHERE state = ? ORDER BY started_at, id", RUNNING));
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
    public List<TrackedRollout> claimLeases(String owner, Instant now, Duration leaseFor) {
        return jdbc.transaction("claim leases for " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollouts SET lease_owner = ?, lease_until = ?"
                    + " WHERE state = ? AND (lease_owner IS NULL OR lease_until <= ? OR lease_owner = ?)")) {
                ps.setString(1, owner);
                ps.setObject(2, Jdbc.timestamp(now.plus(leaseFor)));
                ps.setString(3, RUNNING);
                ps.setObject(4, Jdbc.timestamp(now));
                ps.setString(5, owner);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(RolloutRows.SELECT
                    + " WHERE state = ? AND lease_owner = ? ORDER BY started_at, id")) {
                ps.setString(1, RUNNING);
                ps.setString(2, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    return RolloutRows.readAll(rs);
                }
            }
        });
    }

    @Override
    public void releaseLease(String id, String owner) {
        jdbc.autocommit("release the lease of rollout " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE rollouts SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
                ps.setString(1, id);
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    private static int update(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            return ps.executeUpdate();
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
