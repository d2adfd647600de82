/**
 * Following an operation to its end: the rollout's state and the pure transitions that decide it from each observation, node progress, alerts and notices, leases, and the store that keeps all of it.
 */
@NullMarked
package io.ncprollout.rollout.tracking;

import org.jspecify.annotations.NullMarked;
