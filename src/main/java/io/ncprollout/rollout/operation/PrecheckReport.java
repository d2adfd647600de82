package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.health.GateReport;
import java.util.Objects;

/**
 * What the confirmation modal shows: the operation, the cluster's nodes now, the platform's precheck and the
 * data-level health gate.
 *
 * @param target   the operation
 * @param current  the cluster's nodes and status now
 * @param precheck the platform's answer
 * @param gate     the health gate's answer ({@link GateReport#off()} when none covers the cluster)
 */
public record PrecheckReport(OperationTarget target, Observation current, Precheck precheck, GateReport gate) {
    public PrecheckReport {
        Objects.requireNonNull(target, "target == null");
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(precheck, "precheck == null");
        Objects.requireNonNull(gate, "gate == null");
    }
}
