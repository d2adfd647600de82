package io.ncprollout.store;

import io.ncprollout.rollout.audit.Retention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The retention purge in the database, in one transaction: audit events by {@code occurred_at}, operations that
 * ended ({@code ended_at} set and no cluster lock held), approvals no longer pending by {@code decided_at}, and
 * request keys by {@code created_at}, and scheduled runs that ended by {@code ended_at}. Unfinished operations and pending approvals and waiting scheduled runs are never touched.
 */
public final class JdbcRetention implements Retention.Purger {
    private final Jdbc jdbc;

    public JdbcRetention(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Retention.Purged purgeBefore(Instant cutoff) {
        return jdbc.transaction("purge what ended before " + cutoff, c -> {
            // notices said (or given up) before the cutoff: the outbox's own bookkeeping, not counted as records
            delete(c, "DELETE FROM outbox WHERE done_at IS NOT NULL AND done_at < ?", cutoff);
            return new Retention.Purged(
                    delete(c, "DELETE FROM audit_events WHERE occurred_at < ?", cutoff),
                    delete(c, "DELETE FROM rollouts WHERE ended_at IS NOT NULL AND cluster_lock IS NULL AND ended_at < ?", cutoff),
                    delete(c, "DELETE FROM approvals WHERE status <> 'PENDING' AND decided_at IS NOT NULL AND decided_at < ?", cutoff),
                    delete(c, "DELETE FROM request_keys WHERE created_at < ?", cutoff),
                    delete(c, "DELETE FROM scheduled_runs WHERE ended_at IS NOT NULL AND ended_at < ?", cutoff));
        });
    }

    private static int delete(Connection c, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Jdbc.timestamp(cutoff));
            return ps.executeUpdate();
        }
    }
}
