package io.ncprollout.rollout.access;

import io.ncprollout.rollout.cluster.ClusterRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A freeze: no operation may start on the cluster (or on any cluster) until it is lifted.
 *
 * @param cluster  the frozen cluster, or empty for "all clusters"
 * @param reason   why, as the admin typed it
 * @param frozenBy the admin's user id
 * @param at       when
 */
public record Freeze(Optional<ClusterRef> cluster, String reason, String frozenBy, Instant at) {
    public Freeze {
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(frozenBy, "frozenBy == null");
        Objects.requireNonNull(at, "at == null");
    }

    /** The freeze's key: {@code all}, or service/region/number. */
    public String key() {
        return cluster.map(Freeze::keyOf).orElse("all");
    }

    public static String keyOf(ClusterRef c) {
        return c.product() + "/" + c.region() + "/" + c.number();
    }

    /** True when this freeze stops operations on {@code c}. */
    public boolean covers(ClusterRef c) {
        return cluster.isEmpty() || cluster.get().isSameCluster(c);
    }
}
