/**
 * Where rollouts and the audit trail are kept. {@link io.ncprollout.store.Database} opens PostgreSQL
 * ({@code DATABASE_URL}) or the embedded H2 file ({@code DATA_DIR}) and migrates its schema;
 * {@link io.ncprollout.store.JdbcRolloutStore} and {@link io.ncprollout.store.JdbcAuditLog} implement the rollout
 * ports over it, {@link io.ncprollout.store.InMemoryRolloutStore} and {@link io.ncprollout.store.InMemoryAuditLog}
 * in memory for tests.
 */
@NullMarked
package io.ncprollout.store;

import org.jspecify.annotations.NullMarked;
