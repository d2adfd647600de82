package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.audit.Retention;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.RolloutState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention purge and the request keys on the embedded database, as the bot opens it (migrations included). */
class H2RetentionTest {
    private static final Instant CUTOFF = StoredRollouts.T0;
    private static final Instant OLD = CUTOFF.minus(Duration.ofDays(1));
    private static final Instant NEW = CUTOFF.plus(Duration.ofDays(1));

    @TempDir
    Path tmp;
    private Database database;
    private JdbcRolloutStore rollouts;
    private JdbcAuditLog audit;
    private JdbcApprovalStore approvals;
    private JdbcRequestKeys keys;

    @BeforeEach
    void setUp() {
        database = Database.open(DatabaseSettings.embedded(tmp));
        rollouts = new JdbcRolloutStore(database.dataSource(), LeaseClock.CALLER);
        audit = new JdbcAuditLog(database.dataSource());
        approvals = new JdbcApprovalStore(database.dataSource());
        keys = new JdbcRequestKeys(database.dataSource());
    }

    private static final Lease A1 = new Lease("replica-a", Lease.FIRST_EPOCH);

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void purgeBefore_deletesWhatEndedBeforeTheCutoff_andKeepsTheRest() {
        // GIVEN old and new audit events, finished operations, decided approvals, request keys and ended scheduled runs,
        // and an old operation that never ended and an old approval still pending
        audit.record(new AuditEvent(OLD, "U1", "start", Optional.empty(), "started", "old"));
        audit.record(new AuditEvent(NEW, "U1", "start", Optional.empty(), "started", "new"));
        long daysBack = -Duration.ofDays(3).toSeconds();
        var oldDone = StoredRollouts.running("old-done", StoredRollouts.ORDERS, daysBack);
        rollouts.claim(oldDone, "replica-a", OLD, Duration.ofSeconds(20));
        rollouts.commit(Change.quiet(StoredRollouts.ended(oldDone, RolloutState.COMPLETED, -Duration.ofDays(1).toSeconds()), A1, OLD));
        var newDone = StoredRollouts.running("new-done", StoredRollouts.PAYMENTS, daysBack);
        rollouts.claim(newDone, "replica-a", OLD, Duration.ofSeconds(20));
        rollouts.commit(Change.quiet(StoredRollouts.ended(newDone, RolloutState.FAILED, Duration.ofDays(1).toSeconds()), A1, OLD));
        rollouts.claim(StoredRollouts.running("old-running", StoredRollouts.kafka("1003", "search-prod"), daysBack), "replica-a", OLD,
                Duration.ofSeconds(20));
        approvals.save(approval("a-old", OLD.minus(Duration.ofHours(1))));
        approvals.decide(approval("a-old", OLD.minus(Duration.ofHours(1))).decided(PendingApproval.Status.REJECTED, "U2", OLD));
        approvals.save(approval("a-new", OLD));
        approvals.decide(approval("a-new", OLD).decided(PendingApproval.Status.APPROVED, "U2", NEW));
        approvals.save(approval("a-pending", OLD.minus(Duration.ofDays(5))));
        keys.claim("view:OLD", OLD);
        keys.claim("view:NEW", NEW);
        JdbcScheduleStore schedules = new JdbcScheduleStore(database.dataSource(), LeaseClock.CALLER);
        RolloutRequest asked = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, StoredRollouts.ORDERS), "U1", "night");
        for (String id : new String[] {"s-old", "s-new", "s-waiting"}) {
            schedules.create(ScheduledRun.pending(id, asked, "C1", OLD.minus(Duration.ofDays(2)).plus(Duration.ofDays(id.equals("s-waiting") ? 9 : 0)),
                    java.time.ZoneId.of("UTC"), OLD.minus(Duration.ofDays(3))));
        }
        schedules.commit(ScheduleSteps.cancelled(schedules.find("s-old").orElseThrow(), "U1", OLD));
        schedules.commit(ScheduleSteps.cancelled(schedules.find("s-new").orElseThrow(), "U1", NEW));

        // WHEN
        Retention.Purged purged = new JdbcRetention(database.dataSource()).purgeBefore(CUTOFF);

        // THEN
        assertThat(purged).isEqualTo(new Retention.Purged(1, 1, 1, 1, 1));
        assertThat(schedules.find("s-old")).isEmpty();
        assertThat(schedules.find("s-new")).isPresent();
        assertThat(schedules.find("s-waiting")).as("a run still waiting is never purged").isPresent();
        assertThat(audit.latest(Optional.empty(), 10)).extracting(AuditEvent::detail).containsExactly("new");
        assertThat(rollouts.find("old-done")).isEmpty();
        assertThat(rollouts.find("new-done")).isPresent();
        assertThat(rollouts.find("old-running")).as("an unfinished operation is never purged").isPresent();
        assertThat(approvals.find("a-old")).isEmpty();
        assertThat(approvals.find("a-new")).isPresent();
        assertThat(approvals.find("a-pending")).as("a pending approval is never purged").isPresent();
        assertThat(keys.claim("view:OLD", NEW)).as("a purged key is free again").isTrue();
        assertThat(keys.claim("view:NEW", NEW)).isFalse();
    }

    @Test
    void claim_sameKeyTwice_isTrueThenFalse() {
        assertThat(keys.claim("view:V1", NEW)).isTrue();
        assertThat(keys.claim("view:V1", NEW.plusSeconds(60))).isFalse();
        assertThat(keys.claim("approval:V1", NEW)).isTrue();
    }

    private static PendingApproval approval(String id, Instant at) {
        RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, StoredRollouts.ORDERS), "U1", "patch");
        return new PendingApproval(id, request, "C0123456789", "1.2", new AccessPolicy.Principals(Set.of("U2"), Set.of()), at,
                at.plus(Duration.ofMinutes(30)), PendingApproval.Decision.pending());
    }
}
