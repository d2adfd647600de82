package io.ncprollout.store;

import io.ncprollout.rollout.access.ApprovalStore;
import io.ncprollout.rollout.access.PendingApproval;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link ApprovalStore} in memory: for tests. */
public final class InMemoryApprovalStore implements ApprovalStore {
    private final Map<String, PendingApproval> approvals = new LinkedHashMap<>();

    @Override
    public synchronized void save(PendingApproval approval) {
        approvals.put(approval.id(), approval);
    }

    @Override
    public synchronized Optional<PendingApproval> find(String id) {
        return Optional.ofNullable(approvals.get(id));
    }

    @Override
    public synchronized List<PendingApproval> pending() {
        return approvals.values().stream().filter(a -> a.decision().status().isOpen())
                .sorted(Comparator.comparing(PendingApproval::requestedAt)).toList();
    }

    @Override
    public synchronized List<PendingApproval> approvedForLater(java.time.Instant after) {
        return approvals.values().stream().filter(a -> a.decision().status() == PendingApproval.Status.APPROVED)
                .filter(a -> a.schedule().filter(w -> w.at().isAfter(after)).isPresent()).sorted(Comparator.comparing(PendingApproval::requestedAt)).toList();
    }

    /** Forgets the approvals decided before {@code cutoff} (the retention purge); returns how many. */
    synchronized int purgeDecidedBefore(java.time.Instant cutoff) {
        int before = approvals.size();
        approvals.values().removeIf(a -> !a.decision().status().isOpen() && a.decision().at().map(at -> at.isBefore(cutoff)).orElse(false));
        return before - approvals.size();
    }

    @Override
    public synchronized boolean decide(PendingApproval next) {
        PendingApproval current = approvals.get(next.id());
        if (current == null || !current.decision().status().isOpen()) {
            return false;
        }
        approvals.put(next.id(), next);
        return true;
    }
}
