package io.ncprollout.store;

import io.ncprollout.rollout.access.Freeze;
import io.ncprollout.rollout.access.FreezeList;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** A {@link FreezeList} in the {@code freezes} table (schema in {@code V2__approvals_and_freezes.sql}). */
public final class JdbcFreezeList implements FreezeList {
    private final Jdbc jdbc;

    public JdbcFreezeList(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void freeze(Freeze freeze) {
        jdbc.transaction("freeze " + freeze.key(), c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM freezes WHERE freeze_key = ?")) {
                delete.setString(1, freeze.key());
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO freezes (freeze_key, service, cluster_no, cluster_name, region,"
                    + " reason, frozen_by, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                Optional<ClusterRef> cluster = freeze.cluster();
                ps.setString(1, freeze.key());
                Jdbc.setOptional(ps, 2, cluster.map(r -> r.product().name()));
                Jdbc.setOptional(ps, 3, cluster.map(ClusterRef::number));
                Jdbc.setOptional(ps, 4, cluster.map(ClusterRef::name));
                Jdbc.setOptional(ps, 5, cluster.map(ClusterRef::region));
                ps.setString(6, freeze.reason());
                ps.setString(7, freeze.frozenBy());
                ps.setObject(8, Jdbc.timestamp(freeze.at()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean unfreeze(String key) {
        return jdbc.autocommit("unfreeze " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM freezes WHERE freeze_key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<Freeze> all() {
        return jdbc.autocommit("read the freezes", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM freezes ORDER BY frozen_at, freeze_key");
                    ResultSet rs = ps.executeQuery()) {
                List<Freeze> freezes = new ArrayList<>();
                while (rs.next()) {
                    String service = rs.getString("service");
                    Optional<ClusterRef> cluster = service == null ? Optional.empty() : Optional.of(new ClusterRef(Product.valueOf(service),
                            rs.getString("cluster_no"), rs.getString("cluster_name"), rs.getString("region")));
                    freezes.add(new Freeze(cluster, rs.getString("reason"), rs.getString("frozen_by"),
                            Jdbc.instant(rs, "frozen_at").orElseThrow()));
                }
                return freezes;
            }
        });
    }
}
