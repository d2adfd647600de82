package io.ncprollout.rollout.audit;

import io.ncprollout.rollout.cluster.ClusterRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit trail: who did what, when, to which cluster, how it ended and why.
 *
 * @param at      when it happened
 * @param actor   the Slack user id of who acted, or {@code "bot"} for the bot's own decisions (an outcome)
 * @param action  what was done, a short lower-case word such as {@code request}, {@code approve},
 *                {@code start}, {@code outcome}
 * @param cluster the cluster it concerns, when it concerns one
 * @param outcome how it ended, a short word such as {@code accepted}, {@code denied}, {@code completed}
 * @param detail  the why, in one sentence: the reason typed, the rule that denied, the error
 */
public record AuditEvent(Instant at, String actor, String action, Optional<ClusterRef> cluster, String outcome, String detail) {
    public AuditEvent {
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(actor, "actor == null");
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(detail, "detail == null");
    }

    /** True when the event concerns {@code other} ({@link ClusterRef#isSameCluster}). */
    public boolean concerns(ClusterRef other) {
        return cluster.filter(c -> c.isSameCluster(other)).isPresent();
    }
}
