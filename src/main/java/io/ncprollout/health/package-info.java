/**
 * Adapter: the data-level health gates over the clusters' own data planes, Kafka's AdminClient and OpenSearch's
 * {@code _cluster/health}, behind the {@link io.ncprollout.rollout.health.HealthGate} port. Read-only, bounded in
 * time, and no secret (SASL or OpenSearch password) ever leaves this package in a message or a log line.
 */
@NullMarked
package io.ncprollout.health;

import org.jspecify.annotations.NullMarked;
