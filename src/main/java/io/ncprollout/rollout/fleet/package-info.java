/**
 * Fleets: one operation run on many clusters in waves, stopping at the first sign of trouble. The plan (which
 * clusters, in which order, which are skipped and why), the fleet's durable state and the pure steps that move it,
 * and the ports to its store and to the chat that shows it.
 */
@NullMarked
package io.ncprollout.rollout.fleet;

import org.jspecify.annotations.NullMarked;
