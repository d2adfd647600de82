package io.ncprollout.store;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

/**
 * The lease upkeep shared by the tables whose unfinished rows one replica drives at a time ({@code fleets},
 * {@code scheduled_runs}): renew this replica's leases, hand a prefix's rows back (a restarted replica takes its own
 * over at once), release them all. Claiming stays with each store: what is due differs.
 */
final class TableLeases {
    private final Jdbc jdbc;
    private final LeaseClock leaseClock;
    private final String table;
    private final String unfinished;

    /**
     * @param table      the table, with {@code lease_owner} and {@code lease_until} columns
     * @param unfinished the SQL condition of its rows still driven (constant text, no parameter)
     */
    TableLeases(Jdbc jdbc, LeaseClock leaseClock, String table, String unfinished) {
        this.jdbc = jdbc;
        this.leaseClock = leaseClock;
        this.table = table;
        this.unfinished = unfinished;
    }

    void renew(String owner, Instant now, Duration leaseFor) {
        jdbc.autocommit("renew the " + table + " of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET lease_until = " + leaseClock.until() + " WHERE lease_owner = ? AND "
                    + unfinished)) {
                int i = leaseClock.bindUntil(ps, 1, now, leaseFor);
                ps.setString(i, owner);
                return ps.executeUpdate();
            }
        });
    }

    /** Frees the unfinished rows leased to owners starting with {@code ownerPrefix} (every owner when it is empty). */
    void takeOver(String ownerPrefix) {
        jdbc.autocommit("take " + table + " over", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET lease_owner = NULL, lease_until = NULL WHERE " + unfinished
                    + (ownerPrefix.isEmpty() ? "" : " AND lease_owner LIKE ?"))) {
                if (!ownerPrefix.isEmpty()) {
                    ps.setString(1, ownerPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                }
                return ps.executeUpdate();
            }
        });
    }

    void release(String owner) {
        jdbc.autocommit("release " + table + " of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?")) {
                ps.setString(1, owner);
                return ps.executeUpdate();
            }
        });
    }
}
