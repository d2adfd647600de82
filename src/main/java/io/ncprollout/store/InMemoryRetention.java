package io.ncprollout.store;

import io.ncprollout.rollout.audit.Retention;
import java.time.Instant;

/**
 * The retention purge of the in-memory stores (tests, the local shell): audit events, decided approvals and request
 * keys. Operations in memory are not purged: a process that keeps them in memory forgets them on exit anyway.
 */
public final class InMemoryRetention implements Retention.Purger {
    private final InMemoryAuditLog audit;
    private final InMemoryApprovalStore approvals;
    private final InMemoryRequestKeys keys;

    public InMemoryRetention(InMemoryAuditLog audit, InMemoryApprovalStore approvals, InMemoryRequestKeys keys) {
        this.audit = audit;
        this.approvals = approvals;
        this.keys = keys;
    }

    @Override
    public Retention.Purged purgeBefore(Instant cutoff) {
        return new Retention.Purged(audit.purgeBefore(cutoff), 0, approvals.purgeDecidedBefore(cutoff), keys.purgeBefore(cutoff));
    }
}
