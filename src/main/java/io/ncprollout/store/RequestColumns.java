package io.ncprollout.store;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The columns every table that keeps a request shares ({@code rollouts}, {@code approvals}, {@code scheduled_runs}):
 * {@code kind, service, cluster_no, cluster_name, region, target_version, config_group_no, requester, reason}, in that
 * order. The approver and the admin's "start anyway" are each table's own (not every table has them).
 */
final class RequestColumns {
    /** How many parameters {@link #bind} sets. */
    static final int COUNT = 9;

    private RequestColumns() {
    }

    /** Binds the request's columns from parameter {@code first} on; returns the index of the parameter after them. */
    static int bind(PreparedStatement ps, int first, RolloutRequest r) throws SQLException {
        ClusterRef cluster = r.cluster();
        ps.setString(first, r.kind().name());
        ps.setString(first + 1, cluster.product().name());
        ps.setString(first + 2, cluster.number());
        ps.setString(first + 3, cluster.name());
        ps.setString(first + 4, cluster.region());
        Jdbc.setOptional(ps, first + 5, r.target().targetVersion());
        Jdbc.setOptional(ps, first + 6, r.target().configGroupNo());
        ps.setString(first + 7, r.requester());
        ps.setString(first + 8, r.reason());
        return first + COUNT;
    }

    /** The request of the current row, with the approver and "start anyway" its table keeps. */
    static RolloutRequest read(ResultSet rs, Optional<String> approver, boolean startAnyway) throws SQLException {
        ClusterRef cluster = new ClusterRef(Product.valueOf(rs.getString("service")), rs.getString("cluster_no"), rs.getString("cluster_name"),
                rs.getString("region"));
        OperationTarget target = new OperationTarget(OperationKind.valueOf(rs.getString("kind")), cluster,
                Optional.ofNullable(rs.getString("target_version")), Optional.ofNullable(rs.getString("config_group_no")));
        return new RolloutRequest(target, rs.getString("requester"), rs.getString("reason"), approver, startAnyway);
    }
}
