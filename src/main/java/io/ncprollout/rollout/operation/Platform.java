package io.ncprollout.rollout.operation;

import java.util.Objects;

/**
 * The cloud platform as the use cases see it: its API, and the cached directory of its clusters.
 *
 * @param api       the operations API
 * @param directory the cluster lists, cached
 */
public record Platform(OperationsApi api, ClusterDirectory directory) {
    public Platform {
        Objects.requireNonNull(api, "api == null");
        Objects.requireNonNull(directory, "directory == null");
    }
}
