package io.ncprollout.rollout;

import java.util.Objects;

/**
 * Where the bot writes what it knows before it acts on it: the rollout store (start journal and leases), the outbox
 * sender that says what was stored, and this replica.
 *
 * @param rollouts the store
 * @param outbox   sends the notices the store's commits put in the outbox
 * @param replica  this process among the replicas
 */
public record Journal(RolloutStore rollouts, OutboxSender outbox, Replica replica) {
    public Journal {
        Objects.requireNonNull(rollouts, "rollouts == null");
        Objects.requireNonNull(outbox, "outbox == null");
        Objects.requireNonNull(replica, "replica == null");
    }
}
