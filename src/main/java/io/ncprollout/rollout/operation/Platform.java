package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.health.HealthGate;
import java.util.Objects;

/**
 * The cloud platform as the use cases see it: its API, the cached directory of its clusters, and the data-level
 * health gate that looks at the clusters' own data planes.
 *
 * @param api       the operations API
 * @param directory the cluster lists, cached
 * @param gate      the data-level gate ({@link HealthGate#none()} when none is configured)
 */
public record Platform(OperationsApi api, ClusterDirectory directory, HealthGate gate) {
    public Platform {
        Objects.requireNonNull(api, "api == null");
        Objects.requireNonNull(directory, "directory == null");
        Objects.requireNonNull(gate, "gate == null");
    }

    /** A platform without a health gate. */
    public Platform(OperationsApi api, ClusterDirectory directory) {
        this(api, directory, HealthGate.none());
    }
}
