package io.ncprollout.store;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.audit.AuditLog;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link AuditLog} in the {@code audit_events} table of the store's database (see {@link Database}). */
public final class JdbcAuditLog implements AuditLog {
    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final String COLUMNS = "occurred_at, actor, action, service, cluster_no, cluster_name, region, outcome, detail";

    private final Jdbc jdbc;

    /** An audit log over {@code dataSource}, whose schema {@link Database} has migrated. */
    public JdbcAuditLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(AuditEvent event) {
        AuditLines.log(event);
        try {
            jdbc.autocommit("record an audit event", c -> insert(c, event));
        } catch (StoreUnavailableException e) {
            log.error("audit event not stored (it is in the audit log output): {}", e.getMessage(), e);
        }
    }

    /** Inserts {@code event} on {@code c}, in whatever transaction it is in (the caller logs the audit line). */
    static int insert(Connection c, AuditEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, Jdbc.timestamp(event.at()));
            ps.setString(2, event.actor());
            ps.setString(3, event.action());
            Optional<ClusterRef> cluster = event.cluster();
            Jdbc.setOptional(ps, 4, cluster.map(r -> r.product().name()));
            Jdbc.setOptional(ps, 5, cluster.map(ClusterRef::number));
            Jdbc.setOptional(ps, 6, cluster.map(ClusterRef::name));
            Jdbc.setOptional(ps, 7, cluster.map(ClusterRef::region));
            ps.setString(8, event.outcome());
            ps.setString(9, event.detail());
            return ps.executeUpdate();
        }
    }

    /** @throws IllegalArgumentException when {@code limit} is negative */
    @Override
    public List<AuditEvent> latest(Optional<ClusterRef> cluster, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        String where = cluster.isPresent() ? " WHERE service = ? AND region = ? AND cluster_no = ?" : "";
        String sql = "SELECT " + COLUMNS + " FROM audit_events" + where + " ORDER BY occurred_at DESC, seq DESC LIMIT " + limit;
        return jdbc.autocommit("read the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (cluster.isPresent()) {
                    ps.setString(1, cluster.get().product().name());
                    ps.setString(2, cluster.get().region());
                    ps.setString(3, cluster.get().number());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<AuditEvent> events = new ArrayList<>();
                    while (rs.next()) {
                        events.add(read(rs));
                    }
                    return events;
                }
            }
        });
    }

    private static AuditEvent read(ResultSet rs) throws SQLException {
        String service = rs.getString("service");
        Optional<ClusterRef> cluster = service == null ? Optional.empty() : Optional.of(new ClusterRef(Product.valueOf(service),
                rs.getString("cluster_no"), rs.getString("cluster_name"), rs.getString("region")));
        return new AuditEvent(Jdbc.instant(rs, "occurred_at").orElseThrow(), rs.getString("actor"), rs.getString("action"), cluster,
                rs.getString("outcome"), rs.getString("detail"));
    }
}
