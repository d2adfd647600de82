package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.schedule.ScheduleStore;
import io.ncprollout.rollout.schedule.ScheduledRun;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schedule store contract on a real PostgreSQL, each replica with its own connection pool. */
class PostgresScheduleStoreIT extends ScheduleStoreContract {
    private static TwoReplicas replicas;
    private static JdbcScheduleStore store;
    private static JdbcScheduleStore other;

    @BeforeAll
    static void open() {
        replicas = TwoReplicas.open();
        store = replicas.onA(pool -> new JdbcScheduleStore(pool, LeaseClock.CALLER));
        other = replicas.onB(pool -> new JdbcScheduleStore(pool, LeaseClock.CALLER));
    }

    @AfterAll
    static void close() {
        replicas.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        replicas.empty("scheduled_runs");
    }

    @Test
    void leasesOnTheDatabaseClock_oneReplicaAtATime() {
        // what the bot runs with on PostgreSQL: lease times on the server's clock, shared by every replica
        JdbcScheduleStore a = new JdbcScheduleStore(replicas.a.dataSource(), LeaseClock.DATABASE);
        JdbcScheduleStore b = new JdbcScheduleStore(replicas.b.dataSource(), LeaseClock.DATABASE);
        Instant now = Instant.now();
        a.create(run("s-1", now));

        assertThat(a.claimLeases("a", now, now, LEASE)).extracting(ScheduledRun::id).containsExactly("s-1");
        assertThat(b.claimLeases("b", now, now, LEASE)).isEmpty();
        a.renewLeases("a", now, LEASE);
        a.releaseLeases("a");
        assertThat(b.claimLeases("b", now, now, LEASE)).extracting(ScheduledRun::id).containsExactly("s-1");
    }

    @Override
    protected ScheduleStore store() {
        return store;
    }

    @Override
    protected ScheduleStore otherReplica() {
        return other;
    }
}
