package io.ncprollout.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code rollouts} table of a bot's store, read with plain JDBC from outside the bot: the embedded H2 file of a
 * stopped (or killed) bot, or a PostgreSQL database that running bots share.
 *
 * @param rows every row, oldest first
 */
public record StoreRows(List<Row> rows) {
    private static final String SELECT = "SELECT id, cluster_name, state, cluster_lock, channel, parent_ts, progress_ts, lease_owner,"
            + " lease_until, started_at, ended_at FROM rollouts ORDER BY started_at, id";

    /** One rollout row; every column as text, null where SQL NULL. */
    public record Row(String id, String cluster, String state, String clusterLock, String channel, String parentTs, String progressTs,
            String leaseOwner, String leaseUntil, String startedAt, String endedAt) {
        @Override
        public String toString() {
            return id + " " + cluster + " state=" + state + " lock=" + clusterLock + " channel=" + channel + " parent_ts=" + parentTs
                    + " progress_ts=" + progressTs + " lease=" + leaseOwner + " until " + leaseUntil + " started=" + startedAt
                    + " ended=" + endedAt;
        }
    }

    public StoreRows {
        rows = List.copyOf(rows);
    }

    /** The JDBC URL of the embedded store under {@code dataDir}, as the bot opens it (read-write). */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rollouts") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE";
    }

    /**
     * The same file opened read-only: reading what a killed bot left on disk changes nothing that the next bot on the
     * same {@code DATA_DIR} will find (no recovery is written).
     */
    public static String h2ReadOnlyUrl(Path dataDir) {
        return h2Url(dataDir) + ";ACCESS_MODE_DATA=r";
    }

    /**
     * Reads every row; the credentials are in the URL (PostgreSQL's {@code ?user=}) or not needed (H2).
     *
     * @throws SQLException when the database cannot be opened or has no {@code rollouts} table
     */
    public static StoreRows read(String jdbcUrl) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(SELECT)) {
            while (r.next()) {
                rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                        r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11)));
            }
        }
        return new StoreRows(rows);
    }

    /** {@code SELECT count(*) FROM fleets} not stopped or completed. */
    public static long unfinishedFleets(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM fleets WHERE state IN ('RUNNING', 'PAUSED', 'STOPPING')")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The state of every scheduled run, by id. */
    public static java.util.List<String> scheduledRunStates(String jdbcUrl) throws SQLException {
        java.util.List<String> states = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT state FROM scheduled_runs ORDER BY id")) {
            while (r.next()) {
                states.add(r.getString(1));
            }
        }
        return states;
    }

    /** {@code SELECT count(*) FROM rollouts WHERE state = 'RUNNING'}. */
    public long running() {
        return rows.stream().filter(r -> Objects.equals(r.state(), "RUNNING")).count();
    }

    /** {@code SELECT count(*) FROM rollouts WHERE cluster_lock IS NOT NULL}. */
    public long locked() {
        return rows.stream().filter(r -> r.clusterLock() != null).count();
    }

    @Override
    public String toString() {
        if (rows.isEmpty()) {
            return "(no rollout rows)";
        }
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            out.append("  ").append(row).append('\n');
        }
        return out.toString();
    }
}
