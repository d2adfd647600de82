package io.ncprollout.store;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.audit.AuditLog;
import io.ncprollout.rollout.cluster.ClusterRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An {@link AuditLog} in memory, lost on restart: for tests. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public void record(AuditEvent event) {
        AuditLines.log(event);
        synchronized (events) {
            events.add(event);
        }
    }

    /** Forgets the events that occurred before {@code cutoff} (the retention purge); returns how many. */
    int purgeBefore(java.time.Instant cutoff) {
        synchronized (events) {
            int before = events.size();
            events.removeIf(e -> e.at().isBefore(cutoff));
            return before - events.size();
        }
    }

    /** @throws IllegalArgumentException when {@code limit} is negative */
    @Override
    public List<AuditEvent> latest(Optional<ClusterRef> cluster, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        List<AuditEvent> newestFirst;
        synchronized (events) {
            newestFirst = new ArrayList<>(events);
        }
        Collections.reverse(newestFirst);
        // stable: events at the same instant stay last-recorded first
        newestFirst.sort(Comparator.comparing(AuditEvent::at).reversed());
        return newestFirst.stream().filter(e -> cluster.isEmpty() || e.concerns(cluster.get())).limit(limit).toList();
    }
}
