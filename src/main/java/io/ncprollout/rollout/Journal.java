package io.ncprollout.rollout;

import io.ncprollout.rollout.outbox.OutboxSender;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutStore;
import java.util.Objects;

/**
 * Where the bot writes what it knows before it acts on it: the rollout store (start journal and leases), the outbox
 * sender that says what was stored, this replica, and the words of the audit records it writes.
 *
 * @param rollouts the store
 * @param outbox   sends the notices the store's commits put in the outbox
 * @param replica  this process among the replicas
 * @param wording  the words of the audit trail for endings
 */
public record Journal(RolloutStore rollouts, OutboxSender outbox, Replica replica, AuditWording wording) {
    public Journal {
        Objects.requireNonNull(rollouts, "rollouts == null");
        Objects.requireNonNull(outbox, "outbox == null");
        Objects.requireNonNull(replica, "replica == null");
        Objects.requireNonNull(wording, "wording == null");
    }
}
