package io.ncprollout.store;

import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleStore;
import io.ncprollout.rollout.schedule.ScheduledRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@link ScheduleStore} in the {@code scheduled_runs} table (schema in {@code V7__scheduled_runs.sql}): the request as
 * the columns of a rollout request, the state in columns of its own, written by compare-and-set on version.
 */
public final class JdbcScheduleStore implements ScheduleStore {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcScheduleStore.class);
    private static final String UNENDED = "state IN (" + Arrays.stream(ScheduledRun.State.values()).filter(s -> !s.isFinal())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";
    private static final String COLUMNS = "id, kind, service, cluster_no, cluster_name, region, target_version, config_group_no, requester, reason,"
            + " approver, start_anyway, channel, run_at, zone_id, created_at, state, reminded_at, reminder_ts, rollout_id, decided_by, ended_at,"
            + " outcome, version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM scheduled_runs";

    private final Jdbc jdbc;
    private final LeaseClock leaseClock;
    private final TableLeases leases;

    public JdbcScheduleStore(DataSource dataSource, LeaseClock leaseClock) {
        this.jdbc = new Jdbc(dataSource);
        this.leaseClock = leaseClock;
        this.leases = new TableLeases(jdbc, leaseClock, "scheduled_runs", UNENDED);
    }

    @Override
    public boolean create(ScheduledRun run) {
        return jdbc.autocommit("store scheduled run " + run.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduled_runs (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                RolloutRequest r = run.request();
                ps.setString(1, run.id());
                RequestColumns.bind(ps, 2, r);
                Jdbc.setOptional(ps, 11, r.approver());
                ps.setBoolean(12, r.startAnyway());
                ps.setString(13, run.channel());
                ps.setObject(14, Jdbc.timestamp(run.at()));
                ps.setString(15, run.zone().getId());
                ps.setObject(16, Jdbc.timestamp(run.createdAt()));
                bindState(ps, 17, run);
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
    public Optional<ScheduledRun> commit(ScheduledRun next) {
        return jdbc.autocommit("store scheduled run " + next.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scheduled_runs SET state = ?, reminded_at = ?, reminder_ts = ?, rollout_id = ?,"
                    + " decided_by = ?, ended_at = ?, outcome = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                int i = bindState(ps, 1, next);
                ps.setString(i, next.id());
                ps.setLong(i + 1, next.version());
                return ps.executeUpdate() == 1 ? Optional.of(next.atVersion(next.version() + 1)) : Optional.<ScheduledRun>empty();
            }
        });
    }

    @Override
    public Optional<ScheduledRun> find(String id) {
        return jdbc.autocommit("read scheduled run " + id, c -> query(c, SELECT + " WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public List<ScheduledRun> pending() {
        return jdbc.autocommit("list scheduled runs", c -> query(c, SELECT + " WHERE " + UNENDED + " ORDER BY run_at, id"));
    }

    @Override
    public List<ScheduledRun> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        return jdbc.autocommit("list ended scheduled runs",
                c -> query(c, SELECT + " WHERE NOT " + UNENDED + " ORDER BY ended_at DESC, id DESC LIMIT " + limit));
    }

    @Override
    public List<ScheduledRun> claimLeases(String owner, Instant dueBy, Instant now, Duration leaseFor) {
        return jdbc.transaction("claim scheduled runs for " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scheduled_runs SET lease_until = " + leaseClock.until() + ", lease_owner = ? WHERE "
                    + UNENDED + " AND run_at <= ? AND (lease_owner IS NULL OR lease_until <= " + leaseClock.now() + " OR lease_owner = ?)")) {
                int i = leaseClock.bindUntil(ps, 1, now, leaseFor);
                ps.setString(i, owner);
                ps.setObject(i + 1, Jdbc.timestamp(dueBy));
                i = leaseClock.bindNow(ps, i + 2, now);
                ps.setString(i, owner);
                ps.executeUpdate();
            }
            return query(c, SELECT + " WHERE " + UNENDED + " AND lease_owner = ? ORDER BY run_at, id", owner);
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

    /** Binds state, reminded_at, reminder_ts, rollout_id, decided_by, ended_at and outcome; returns the next index. */
    private static int bindState(PreparedStatement ps, int first, ScheduledRun run) throws SQLException {
        ps.setString(first, run.state().name());
        setInstant(ps, first + 1, run.remindedAt());
        Jdbc.setOptional(ps, first + 2, run.reminderTs());
        Jdbc.setOptional(ps, first + 3, run.rolloutId());
        Jdbc.setOptional(ps, first + 4, run.decidedBy());
        setInstant(ps, first + 5, run.endedAt());
        Jdbc.setOptional(ps, first + 6, run.outcome());
        return first + 7;
    }

    private static void setInstant(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            ps.setObject(index, Jdbc.timestamp(value.get()));
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static List<ScheduledRun> query(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<ScheduledRun> runs = new ArrayList<>();
                while (rs.next()) {
                    try {
                        runs.add(read(rs));
                    } catch (RuntimeException e) {
                        // one row a newer or broken writer left must not hide every other run
                        log.error("scheduled run row {} cannot be read and is left out: {}", rs.getString("id"), e.toString());
                    }
                }
                return runs;
            }
        }
    }

    private static ScheduledRun read(ResultSet rs) throws SQLException {
        RolloutRequest request = RequestColumns.read(rs, Optional.ofNullable(rs.getString("approver")), rs.getBoolean("start_anyway"));
        return new ScheduledRun(rs.getString("id"), request, rs.getString("channel"), Jdbc.instant(rs, "run_at").orElseThrow(),
                zone(rs.getString("zone_id")), Jdbc.instant(rs, "created_at").orElseThrow(), ScheduledRun.State.valueOf(rs.getString("state")),
                Jdbc.instant(rs, "reminded_at"), Optional.ofNullable(rs.getString("reminder_ts")), Optional.ofNullable(rs.getString("rollout_id")),
                Optional.ofNullable(rs.getString("decided_by")), Jdbc.instant(rs, "ended_at"), Optional.ofNullable(rs.getString("outcome")),
                rs.getLong("version"));
    }

    /** A stored zone id; one this JVM does not know (a newer tz database wrote it) reads as UTC, never a failed read. */
    static ZoneId zone(@org.jspecify.annotations.Nullable String id) {
        try {
            return id == null ? java.time.ZoneOffset.UTC : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }
}
