package io.ncprollout.store;

import static io.ncprollout.store.StoredRollouts.ORDERS;
import static io.ncprollout.store.StoredRollouts.PAYMENTS;
import static io.ncprollout.store.StoredRollouts.at;
import static io.ncprollout.store.StoredRollouts.kafka;
import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.audit.AuditLog;
import io.ncprollout.rollout.cluster.ClusterRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AuditLog} shares. Subclasses give an empty log per test. */
abstract class AuditLogContract {

    protected abstract AuditLog auditLog();

    static AuditEvent event(long seconds, String action, Optional<ClusterRef> cluster) {
        return new AuditEvent(at(seconds), "U0ACTOR", action, cluster, "accepted", action + " at " + seconds);
    }

    @Test
    void record_thenLatest_keepsEveryField() {
        AuditEvent denied = new AuditEvent(at(1).plusNanos(123_000), "U0MALLORY", "request", Optional.of(ORDERS), "denied",
                "not in permissions for kafka restart on orders-prod — \"ünïcode\"");
        AuditEvent noCluster = new AuditEvent(at(2), "bot", "freeze", Optional.empty(), "done", "");

        auditLog().record(denied);
        auditLog().record(noCluster);

        assertThat(auditLog().latest(Optional.empty(), 10)).containsExactly(noCluster, denied);
    }

    @Test
    void latest_newestFirst_upToLimit() {
        auditLog().record(event(20, "start", Optional.of(ORDERS)));
        auditLog().record(event(10, "request", Optional.of(ORDERS)));
        auditLog().record(event(30, "outcome", Optional.of(ORDERS)));

        assertThat(auditLog().latest(Optional.empty(), 2)).extracting(AuditEvent::action).containsExactly("outcome", "start");
        assertThat(auditLog().latest(Optional.empty(), 0)).isEmpty();
    }

    @Test
    void latest_sameInstant_lastRecordedFirst() {
        auditLog().record(event(10, "request", Optional.of(ORDERS)));
        auditLog().record(event(10, "approve", Optional.of(ORDERS)));
        auditLog().record(event(10, "start", Optional.of(ORDERS)));

        assertThat(auditLog().latest(Optional.empty(), 10)).extracting(AuditEvent::action).containsExactly("start", "approve", "request");
    }

    @Test
    void latest_forCluster_onlyThatClusterWhateverItsName() {
        auditLog().record(event(1, "request", Optional.of(ORDERS)));
        auditLog().record(event(2, "request", Optional.of(PAYMENTS)));
        auditLog().record(event(3, "help", Optional.empty()));
        auditLog().record(event(4, "start", Optional.of(kafka(ORDERS.number(), "renamed"))));

        assertThat(auditLog().latest(Optional.of(ORDERS), 10)).extracting(AuditEvent::detail).containsExactly("start at 4", "request at 1");
    }
}
