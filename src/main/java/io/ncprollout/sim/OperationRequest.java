package io.ncprollout.sim;

import org.jspecify.annotations.Nullable;

/**
 * A request to start (or precheck) an operation.
 *
 * @param targetVersion upgrades: the version code to reach; null for restarts
 * @param configGroupNo Kafka upgrades: the config group of the target version; 0 otherwise
 */
record OperationRequest(Operation.Kind kind, @Nullable String targetVersion, int configGroupNo) {

    static OperationRequest of(Operation.Kind kind) {
        return new OperationRequest(kind, null, 0);
    }
}
