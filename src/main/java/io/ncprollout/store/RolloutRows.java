package io.ncprollout.store;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.LeasedRollout;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.rollout.tracking.Tracking;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a {@link TrackedRollout} maps to a row of {@code rollouts} and back (schema in {@code V1__rollouts_and_audit.sql}, {@code V2__approvals_and_freezes.sql}, {@code V3__start_journal_fencing_outbox.sql}). */
final class RolloutRows {
    static final String SELECT = "SELECT id, kind, service, cluster_no, cluster_name, region, target_version, config_group_no,"
            + " requester, reason, approver, channel, parent_ts, progress_ts, started_at, tracking, start_phase, lease_owner, lease_epoch"
            + " FROM rollouts";

    /** The columns of a claim, then lease_owner, lease_epoch and lease_until, which the caller appends. */
    static final String INSERT = "INSERT INTO rollouts (id, kind, service, cluster_no, cluster_name, region, target_version,"
            + " config_group_no, requester, reason, approver, channel, parent_ts, progress_ts, started_at,"
            + " state, cluster_lock, ended_at, tracking, start_phase, lease_owner, lease_epoch, lease_until)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ";

    /** The request never changes after the claim, so a write sets the thread, the tracking and the phase only. */
    static final String SET = "UPDATE rollouts SET channel = ?, parent_ts = ?, progress_ts = ?,"
            + " state = ?, cluster_lock = ?, ended_at = ?, tracking = ?, start_phase = ?, updated_at = CURRENT_TIMESTAMP";

    private RolloutRows() {
    }

    /**
     * The per-cluster lock value: unique among unfinished rollouts, absent once the rollout ended and while it is only a
     * received request (it claims the cluster when its handling gets there).
     */
    static Optional<String> clusterLock(TrackedRollout tracked) {
        return tracked.phase() == StartPhase.RECEIVED ? Optional.empty() : clusterLock(tracked.rollout());
    }

    /** The per-cluster lock value of a rollout past its receipt. */
    static Optional<String> clusterLock(Rollout rollout) {
        if (rollout.state().isTerminal()) {
            return Optional.empty();
        }
        ClusterRef cluster = rollout.request().cluster();
        return Optional.of(cluster.product().name() + "/" + cluster.region() + "/" + cluster.number());
    }

    static void bindInsert(PreparedStatement ps, TrackedRollout tracked) throws SQLException {
        Rollout rollout = tracked.rollout();
        RolloutRequest request = rollout.request();
        ps.setString(1, rollout.id());
        RequestColumns.bind(ps, 2, request);
        Jdbc.setOptional(ps, 11, request.approver());
        int next = bindThread(ps, 12, tracked.thread());
        ps.setObject(next, Jdbc.timestamp(tracked.rollout().startedAt()));
        next = bindTracking(ps, next + 1, tracked);
        ps.setString(next, tracked.phase().name());
    }

    /** Binds the parameters of {@link #SET}; returns the index of the first parameter after them. */
    static int bindSet(PreparedStatement ps, TrackedRollout tracked) throws SQLException {
        int next = bindThread(ps, 1, tracked.thread());
        next = bindTracking(ps, next, tracked);
        ps.setString(next, tracked.phase().name());
        return next + 1;
    }

    private static int bindThread(PreparedStatement ps, int first, ThreadRef thread) throws SQLException {
        ps.setString(first, thread.channel());
        ps.setString(first + 1, thread.parentTs());
        ps.setString(first + 2, thread.progressTs());
        return first + 3;
    }

    private static int bindTracking(PreparedStatement ps, int first, TrackedRollout tracked) throws SQLException {
        Tracking tracking = tracked.rollout().tracking();
        ps.setString(first, tracking.state().name());
        Jdbc.setOptional(ps, first + 1, clusterLock(tracked));
        if (tracking.ending().isPresent()) {
            ps.setObject(first + 2, Jdbc.timestamp(tracking.ending().get().at()));
        } else {
            ps.setNull(first + 2, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        ps.setString(first + 3, TrackingJson.write(tracking));
        return first + 4;
    }

    /** Every row of {@code rs}, in order. */
    static List<TrackedRollout> readAll(ResultSet rs) throws SQLException {
        List<TrackedRollout> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(read(rs));
        }
        return rows;
    }

    /** Every row of {@code rs} with its lease, in order. */
    static List<LeasedRollout> readLeased(ResultSet rs) throws SQLException {
        List<LeasedRollout> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(new LeasedRollout(read(rs), new Lease(rs.getString("lease_owner"), rs.getLong("lease_epoch"))));
        }
        return rows;
    }

    /** @throws IllegalStateException when the row holds a value this version does not understand */
    static TrackedRollout read(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            RolloutRequest request = RequestColumns.read(rs, Optional.ofNullable(rs.getString("approver")), false);
            Rollout rollout = new Rollout(id, request, Jdbc.instant(rs, "started_at").orElseThrow(),
                    TrackingJson.read(rs.getString("tracking")));
            return new TrackedRollout(rollout, new ThreadRef(rs.getString("channel"), rs.getString("parent_ts"), rs.getString("progress_ts")),
                    StartPhase.valueOf(rs.getString("start_phase")));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored rollout " + id + " cannot be read: " + e.getMessage(), e);
        }
    }
}
