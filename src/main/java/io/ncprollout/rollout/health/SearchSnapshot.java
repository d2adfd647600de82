package io.ncprollout.rollout.health;

import java.util.Objects;

/**
 * What OpenSearch's {@code _cluster/health} said at one instant: read-only facts, no verdict.
 *
 * @param status       {@code green}, {@code yellow}, {@code red}, or anything else verbatim
 * @param nodes        {@code number_of_nodes}
 * @param dataNodes    {@code number_of_data_nodes}
 * @param relocating   {@code relocating_shards}
 * @param initializing {@code initializing_shards}
 * @param unassigned   {@code unassigned_shards}
 */
public record SearchSnapshot(String status, int nodes, int dataNodes, int relocating, int initializing, int unassigned) {
    public SearchSnapshot {
        Objects.requireNonNull(status, "status == null");
    }
}
