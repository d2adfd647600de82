package io.ncprollout.rollout.operation;

import java.util.Objects;

/**
 * What the confirmation modal shows: the operation, the cluster's nodes now, and the platform's precheck.
 *
 * @param target   the operation
 * @param current  the cluster's nodes and status now
 * @param precheck the platform's answer
 */
public record PrecheckReport(OperationTarget target, Observation current, Precheck precheck) {
    public PrecheckReport {
        Objects.requireNonNull(target, "target == null");
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(precheck, "precheck == null");
    }
}
