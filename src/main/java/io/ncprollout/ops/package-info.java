/**
 * Operability: {@link io.ncprollout.ops.Metrics} (Prometheus text through Micrometer), {@link io.ncprollout.ops.HealthCheck}
 * and the {@code /healthz} and {@code /metrics} endpoints ({@link io.ncprollout.ops.OpsHttpHandlers}). It implements the
 * listener hooks that {@code ncp}, {@code slack} and {@code rollout} define, so those packages never import Micrometer.
 */
@NullMarked
package io.ncprollout.ops;

import org.jspecify.annotations.NullMarked;
