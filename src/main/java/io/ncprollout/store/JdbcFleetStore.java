package io.ncprollout.store;

import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link FleetStore} in the {@code fleets} table (schema in {@code V5__fleets.sql}): one JSON document per fleet, written by compare-and-set. */
public final class JdbcFleetStore implements FleetStore {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcFleetStore.class);
    private static final String UNFINISHED = "state IN ('AWAITING_APPROVAL', 'RUNNING', 'PAUSED', 'STOPPING')";
    private static final String UNSETTLED = "settled = FALSE";

    private final Jdbc jdbc;
    private final LeaseClock leaseClock;
    private final TableLeases leases;

    public JdbcFleetStore(DataSource dataSource, LeaseClock leaseClock) {
        this.jdbc = new Jdbc(dataSource);
        this.leaseClock = leaseClock;
        this.leases = new TableLeases(jdbc, leaseClock, "fleets", UNSETTLED);
    }

    @Override
    public boolean create(Fleet fleet, String owner, Instant now, Duration leaseFor) {
        return jdbc.autocommit("store fleet " + fleet.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleets (id, state, body, version, created_at, updated_at, lease_owner, settled, lease_until)"
                    + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, " + leaseClock.until() + ")")) {
                ps.setString(1, fleet.id());
                ps.setString(2, fleet.state().name());
                ps.setString(3, FleetJson.write(fleet));
                ps.setObject(4, Jdbc.timestamp(fleet.createdAt()));
                ps.setObject(5, Jdbc.timestamp(fleet.createdAt()));
                ps.setString(6, owner);
                ps.setBoolean(7, fleet.settled());
                leaseClock.bindUntil(ps, 8, now, leaseFor);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Fleet> commit(Fleet next) {
        return jdbc.autocommit("store fleet " + next.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE fleets SET state = ?, body = ?, settled = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?")) {
                ps.setString(1, next.state().name());
                ps.setString(2, FleetJson.write(next));
                ps.setBoolean(3, next.settled());
                ps.setObject(4, Jdbc.timestamp(Instant.now()));
                ps.setString(5, next.id());
                ps.setLong(6, next.version());
                return ps.executeUpdate() == 1 ? Optional.of(next.atVersion(next.version() + 1)) : Optional.<Fleet>empty();
            }
        });
    }

    @Override
    public Optional<Fleet> find(String id) {
        return jdbc.autocommit("read fleet " + id, c -> query(c, "SELECT id, body, version FROM fleets WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public List<Fleet> active() {
        return jdbc.autocommit("list fleets", c -> query(c, "SELECT id, body, version FROM fleets WHERE " + UNFINISHED + " ORDER BY created_at, id"));
    }

    @Override
    public List<Fleet> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        return jdbc.autocommit("list recent fleets",
                c -> query(c, "SELECT id, body, version FROM fleets WHERE NOT " + UNFINISHED + " ORDER BY updated_at DESC, id DESC LIMIT " + limit));
    }

    @Override
    public List<Fleet> claimLeases(String owner, Instant now, Duration leaseFor) {
        return jdbc.transaction("claim fleets for " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE fleets SET lease_until = " + leaseClock.until() + ", lease_owner = ? WHERE "
                    + UNSETTLED + " AND (lease_owner IS NULL OR lease_until <= " + leaseClock.now() + " OR lease_owner = ?)")) {
                int i = leaseClock.bindUntil(ps, 1, now, leaseFor);
                ps.setString(i, owner);
                i = leaseClock.bindNow(ps, i + 1, now);
                ps.setString(i, owner);
                ps.executeUpdate();
            }
            return query(c, "SELECT id, body, version FROM fleets WHERE " + UNSETTLED + " AND lease_owner = ? ORDER BY created_at, id", owner);
        });
    }

    @Override
    public void renewLeases(String owner, Instant now, Duration leaseFor) {
        leases.renew(owner, now, leaseFor);
    }

    @Override
    public void takeOver(String ownerPrefix) {
        leases.takeOver(ownerPrefix);
    }

    @Override
    public void releaseLeases(String owner) {
        leases.release(owner);
    }

    private static List<Fleet> query(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Fleet> fleets = new ArrayList<>();
                while (rs.next()) {
                    try {
                        fleets.add(FleetJson.read(rs.getString("body"), rs.getLong("version")));
                    } catch (RuntimeException e) {
                        // one row a newer or broken writer left must not stop every other fleet
                        log.error("fleet row {} cannot be read and is left out: {}", rs.getString("id"), e.toString());
                    }
                }
                return fleets;
            }
        }
    }

}
