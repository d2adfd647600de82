package io.ncprollout.store;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.outbox.Outbox;
import io.ncprollout.rollout.tracking.RolloutStore;
import java.util.List;
import java.util.Optional;

/** The store contract on {@link InMemoryRolloutStore}: one instance stands for every replica. */
class InMemoryRolloutStoreTest extends RolloutStoreContract {
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryRolloutStore store = new InMemoryRolloutStore(audit);

    @Override
    protected RolloutStore store() {
        return store;
    }

    @Override
    protected RolloutStore otherReplica() {
        return store;
    }

    @Override
    protected Outbox outbox() {
        return store.outbox();
    }

    @Override
    protected List<AuditEvent> audit() {
        return audit.latest(Optional.empty(), 100);
    }
}
