package io.ncprollout.store;

import io.ncprollout.rollout.outbox.Outbox;
import io.ncprollout.rollout.outbox.OutboxEntry;
import io.ncprollout.rollout.tracking.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The {@link Outbox} of {@link InMemoryRolloutStore}: one JVM, lost on exit; every method synchronises on it. */
public final class InMemoryOutbox implements Outbox {
    private final Map<Long, Row> rows = new TreeMap<>();
    private long nextSeq = 1;

    private static final class Row {
        final OutboxEntry entry;
        Instant nextAttemptAt;
        int attempts;
        @Nullable String heldBy;
        Instant heldUntil = Instant.MIN;
        boolean done;

        Row(OutboxEntry entry) {
            this.entry = entry;
            this.nextAttemptAt = entry.createdAt();
        }
    }

    synchronized void add(String rolloutId, List<Notice> notices, Instant at) {
        for (Notice notice : notices) {
            long seq = nextSeq++;
            rows.put(seq, new Row(new OutboxEntry(seq, rolloutId, notice, at, 0)));
        }
    }

    @Override
    public synchronized List<OutboxEntry> takeDue(String sender, Instant now, Duration holdFor, int limit) {
        List<OutboxEntry> due = new ArrayList<>();
        Set<String> blocked = new HashSet<>(); // rollouts with an earlier notice still waiting
        for (Row row : rows.values()) {
            if (row.done) {
                continue;
            }
            boolean free = row.heldBy == null || !row.heldUntil.isAfter(now) || row.heldBy.equals(sender);
            boolean ready = !row.nextAttemptAt.isAfter(now) && free;
            if (ready && !blocked.contains(row.entry.rolloutId()) && due.size() < limit) {
                row.heldBy = sender;
                row.heldUntil = now.plus(holdFor);
                OutboxEntry e = row.entry;
                due.add(new OutboxEntry(e.seq(), e.rolloutId(), e.notice(), e.createdAt(), row.attempts));
            } else if (!ready) {
                blocked.add(row.entry.rolloutId());
            }
        }
        return due;
    }

    @Override
    public synchronized void done(long seq, Instant at, String failure) {
        Row row = rows.get(seq);
        if (row != null) {
            row.done = true;
            row.heldBy = null;
        }
    }

    @Override
    public synchronized void retryAt(long seq, Instant at, String failure) {
        Row row = rows.get(seq);
        if (row != null) {
            row.nextAttemptAt = at;
            row.attempts++;
            row.heldBy = null;
        }
    }

    /** Frees every entry a sender holds (its process is gone). */
    synchronized void releaseHolds() {
        rows.values().forEach(row -> row.heldBy = null);
    }

    @Override
    public synchronized int pending() {
        return (int) rows.values().stream().filter(r -> !r.done).count();
    }
}
