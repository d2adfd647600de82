package io.ncprollout.store;

import io.ncprollout.rollout.outbox.Outbox;
import io.ncprollout.rollout.outbox.OutboxEntry;
import io.ncprollout.rollout.tracking.Notice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Outbox} in the {@code outbox} table, filled by {@link JdbcRolloutStore} in the transaction of each
 * change. Taking due entries is one transaction that holds them for the sender (row locks keep two senders apart)
 * and hands out, per rollout, only entries with no earlier one waiting;
 * times are the sender's {@code now}: a hold outlives small clock differences between replicas.
 */
public final class JdbcOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);
    private final Jdbc jdbc;

    public JdbcOutbox(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Inserts {@code notices} of rollout {@code id}, due at {@code at}, on {@code c} in its transaction. */
    static void insert(Connection c, String id, List<Notice> notices, Instant at) throws SQLException {
        if (notices.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (rollout_id, notice, created_at, next_attempt_at) VALUES (?, ?, ?, ?)")) {
            for (Notice notice : notices) {
                ps.setString(1, id);
                ps.setString(2, notice.name());
                ps.setObject(3, Jdbc.timestamp(at));
                ps.setObject(4, Jdbc.timestamp(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<OutboxEntry> takeDue(String sender, Instant now, Duration holdFor, int limit) {
        return jdbc.transaction("take due outbox entries", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET held_by = ?, held_until = ?"
                    + " WHERE done_at IS NULL AND next_attempt_at <= ? AND (held_by IS NULL OR held_until <= ? OR held_by = ?)")) {
                ps.setString(1, sender);
                ps.setObject(2, Jdbc.timestamp(now.plus(holdFor)));
                ps.setObject(3, Jdbc.timestamp(now));
                ps.setObject(4, Jdbc.timestamp(now));
                ps.setString(5, sender);
                ps.executeUpdate();
            }
            // a rollout's notices are said in order: none is taken while an earlier one of its rollout waits
            // (its next attempt not reached) or is held by another sender
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, rollout_id, notice, created_at, attempts FROM outbox o"
                    + " WHERE done_at IS NULL AND held_by = ? AND next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM outbox e"
                    + " WHERE e.rollout_id = o.rollout_id AND e.done_at IS NULL AND e.seq < o.seq"
                    + " AND (e.next_attempt_at > ? OR e.held_by <> ?)) ORDER BY seq LIMIT " + Math.max(0, limit))) {
                ps.setString(1, sender);
                ps.setObject(2, Jdbc.timestamp(now));
                ps.setObject(3, Jdbc.timestamp(now));
                ps.setString(4, sender);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OutboxEntry> due = new ArrayList<>();
                    while (rs.next()) {
                        String notice = rs.getString("notice");
                        try {
                            due.add(new OutboxEntry(rs.getLong("seq"), rs.getString("rollout_id"), Notice.valueOf(notice),
                                    Jdbc.instant(rs, "created_at").orElseThrow(), rs.getInt("attempts")));
                        } catch (IllegalArgumentException e) {
                            log.error("outbox entry {} has a notice this version does not know ({}); it stays unsent", rs.getLong("seq"), notice);
                        }
                    }
                    return due;
                }
            }
        });
    }

    @Override
    public void done(long seq, Instant at, String failure) {
        jdbc.autocommit("mark outbox entry " + seq + " done", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET done_at = ?, failure = ?, held_by = NULL, held_until = NULL WHERE seq = ?")) {
                ps.setObject(1, Jdbc.timestamp(at));
                ps.setString(2, failure.isEmpty() ? null : failure);
                ps.setLong(3, seq);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void retryAt(long seq, Instant at, String failure) {
        jdbc.autocommit("retry outbox entry " + seq + " later", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1, failure = ?,"
                    + " held_by = NULL, held_until = NULL WHERE seq = ?")) {
                ps.setObject(1, Jdbc.timestamp(at));
                ps.setString(2, failure);
                ps.setLong(3, seq);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int pending() {
        return jdbc.autocommit("count pending outbox entries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE done_at IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
