package io.ncprollout.store;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.ApprovalStore;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.operation.RolloutRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** An {@link ApprovalStore} in the {@code approvals} table (schema in {@code V2__approvals_and_freezes.sql}). */
public final class JdbcApprovalStore implements ApprovalStore {
    private static final String COLUMNS = "id, kind, service, cluster_no, cluster_name, region, target_version, config_group_no,"
            + " requester, reason, channel, message_ts, approvers, requested_at, expires_at, status, decided_by, decided_at, start_anyway,"
            + " run_at, zone_id";

    private final Jdbc jdbc;

    public JdbcApprovalStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void save(PendingApproval a) {
        jdbc.transaction("save approval " + a.id(), c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM approvals WHERE id = ?")) {
                delete.setString(1, a.id());
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO approvals (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                RolloutRequest r = a.request();
                ps.setString(1, a.id());
                RequestColumns.bind(ps, 2, r);
                ps.setString(11, a.channel());
                ps.setString(12, a.messageTs());
                ps.setString(13, encode(a.approvers()));
                ps.setObject(14, Jdbc.timestamp(a.requestedAt()));
                ps.setObject(15, Jdbc.timestamp(a.expiresAt()));
                bindDecision(ps, 16, a.decision());
                ps.setBoolean(19, r.startAnyway());
                if (a.schedule().isPresent()) {
                    ps.setObject(20, Jdbc.timestamp(a.schedule().get().at()));
                    ps.setString(21, a.schedule().get().zone().getId());
                } else {
                    ps.setNull(20, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setNull(21, java.sql.Types.VARCHAR);
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<PendingApproval> find(String id) {
        return jdbc.autocommit("read approval " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM approvals WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<PendingApproval>empty();
                }
            }
        });
    }

    @Override
    public List<PendingApproval> pending() {
        return jdbc.autocommit("read pending approvals", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM approvals WHERE status = 'PENDING' ORDER BY requested_at");
                    ResultSet rs = ps.executeQuery()) {
                List<PendingApproval> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(read(rs));
                }
                return all;
            }
        });
    }

    @Override
    public List<PendingApproval> approvedForLater(java.time.Instant after) {
        return jdbc.autocommit("read approvals for later", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM approvals WHERE status = 'APPROVED' AND run_at IS NOT NULL AND run_at > ? ORDER BY requested_at")) {
                ps.setObject(1, Jdbc.timestamp(after));
                try (ResultSet rs = ps.executeQuery()) {
                    List<PendingApproval> all = new ArrayList<>();
                    while (rs.next()) {
                        all.add(read(rs));
                    }
                    return all;
                }
            }
        });
    }

    @Override
    public boolean decide(PendingApproval next) {
        return jdbc.autocommit("decide approval " + next.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE approvals SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")) {
                bindDecision(ps, 1, next.decision());
                ps.setString(4, next.id());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void bindDecision(PreparedStatement ps, int first, PendingApproval.Decision d) throws SQLException {
        ps.setString(first, d.status().name());
        Jdbc.setOptional(ps, first + 1, d.by());
        if (d.at().isPresent()) {
            ps.setObject(first + 2, Jdbc.timestamp(d.at().get()));
        } else {
            ps.setNull(first + 2, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static PendingApproval read(ResultSet rs) throws SQLException {
        RolloutRequest request = RequestColumns.read(rs, Optional.empty(), rs.getBoolean("start_anyway"));
        PendingApproval.Decision decision = new PendingApproval.Decision(PendingApproval.Status.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("decided_by")), Jdbc.instant(rs, "decided_at"));
        return new PendingApproval(rs.getString("id"), request, rs.getString("channel"), rs.getString("message_ts"),
                decode(rs.getString("approvers")), Jdbc.instant(rs, "requested_at").orElseThrow(), Jdbc.instant(rs, "expires_at").orElseThrow(),
                decision, schedule(rs));
    }

    /** The time of a request made with {@code --at}; a zone this JVM does not know is shown as UTC. */
    private static Optional<io.ncprollout.rollout.schedule.ScheduledTime> schedule(ResultSet rs) throws SQLException {
        Optional<java.time.Instant> at = Jdbc.instant(rs, "run_at");
        String zone = rs.getString("zone_id");
        return at.map(i -> new io.ncprollout.rollout.schedule.ScheduledTime(i, JdbcScheduleStore.zone(zone)));
    }

    /** {@code users=U1,U2;groups=S1}: ids hold no comma, semicolon or equals sign. */
    static String encode(AccessPolicy.Principals p) {
        return "users=" + String.join(",", p.users().stream().sorted().toList()) + ";groups=" + String.join(",", p.usergroups().stream().sorted().toList());
    }

    static AccessPolicy.Principals decode(String text) {
        String[] parts = text.split(";", -1);
        return new AccessPolicy.Principals(ids(parts[0].substring("users=".length())), ids(parts.length > 1 ? parts[1].substring("groups=".length()) : ""));
    }

    private static Set<String> ids(String csv) {
        return csv.isEmpty() ? Set.of() : Arrays.stream(csv.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
