/**
 * An in-process fake of the NCP API gateway serving CDSS (Kafka) and SES (OpenSearch): {@link io.ncprollout.sim.NcpSimulator}
 * starts it, {@link io.ncprollout.sim.ClusterRegistry} holds the clusters, and the pure
 * {@link io.ncprollout.sim.RollTimeline} decides every node's state from the clock.
 */
@NullMarked
package io.ncprollout.sim;

import org.jspecify.annotations.NullMarked;
