package io.ncprollout.rollout.audit;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Port to the audit trail: every request, denial, approval, start and outcome, kept for later questions.
 * Implementations also write each event as one JSON line to the SLF4J logger named {@code audit}.
 */
public interface AuditLog {

    /**
     * Keeps {@code event}. Never throws for a storage failure: the event still reaches the {@code audit} logger,
     * and the failure is logged, because a broken audit store must not stop the operations it describes.
     */
    void record(AuditEvent event);

    /**
     * The newest events, newest first (events at the same instant: the last recorded first), at most {@code limit}.
     *
     * @param cluster when present, only events that {@linkplain AuditEvent#concerns concern} that cluster
     * @throws StoreUnavailableException when the trail cannot be read
     */
    List<AuditEvent> latest(Optional<ClusterRef> cluster, int limit);
}
