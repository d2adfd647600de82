package io.ncprollout.store;

import io.ncprollout.rollout.audit.AuditLog;

/** The audit log contract on {@link InMemoryAuditLog}. */
class InMemoryAuditLogTest extends AuditLogContract {
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    @Override
    protected AuditLog auditLog() {
        return log;
    }
}
