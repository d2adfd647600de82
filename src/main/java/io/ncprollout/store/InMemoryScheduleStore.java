package io.ncprollout.store;

import io.ncprollout.rollout.schedule.ScheduleStore;
import io.ncprollout.rollout.schedule.ScheduledRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ScheduleStore} in memory, for tests and the memory-only store: the same compare-and-set and leases. */
public final class InMemoryScheduleStore implements ScheduleStore {
    private static final Comparator<ScheduledRun> SOONEST = Comparator.comparing(ScheduledRun::at).thenComparing(ScheduledRun::id);
    private static final Comparator<ScheduledRun> LAST_ENDED = Comparator.comparing((ScheduledRun r) -> r.endedAt().orElse(Instant.MIN))
            .thenComparing(ScheduledRun::id).reversed();

    private record Row(ScheduledRun run, Optional<String> owner, Instant until) {
        Row leased(Optional<String> nextOwner, Instant nextUntil) {
            return new Row(run, nextOwner, nextUntil);
        }

        boolean unended() {
            return !run.state().isFinal();
        }

        boolean heldBy(String owner) {
            return this.owner.filter(owner::equals).isPresent();
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(ScheduledRun run) {
        if (rows.containsKey(run.id())) {
            return false;
        }
        rows.put(run.id(), new Row(run.atVersion(0), Optional.empty(), Instant.MIN));
        return true;
    }

    @Override
    public synchronized Optional<ScheduledRun> commit(ScheduledRun next) {
        Row row = rows.get(next.id());
        if (row == null || row.run().version() != next.version()) {
            return Optional.empty();
        }
        ScheduledRun created = row.run();
        // as in the table: only the state and what goes with it are written
        ScheduledRun stored = new ScheduledRun(created.id(), created.request(), created.channel(), created.at(), created.zone(), created.createdAt(),
                next.state(), next.remindedAt(), next.reminderTs(), next.rolloutId(), next.decidedBy(), next.endedAt(), next.outcome(),
                next.version() + 1);
        rows.put(next.id(), new Row(stored, row.owner(), row.until()));
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<ScheduledRun> find(String id) {
        return Optional.ofNullable(rows.get(id)).map(Row::run);
    }

    @Override
    public synchronized List<ScheduledRun> pending() {
        return rows.values().stream().filter(Row::unended).map(Row::run).sorted(SOONEST).toList();
    }

    @Override
    public synchronized List<ScheduledRun> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        return rows.values().stream().filter(r -> !r.unended()).map(Row::run).sorted(LAST_ENDED).limit(limit).toList();
    }

    @Override
    public synchronized List<ScheduledRun> claimLeases(String owner, Instant dueBy, Instant now, Duration leaseFor) {
        rows.replaceAll((id, r) -> r.unended() && !r.run().at().isAfter(dueBy) && (r.owner().isEmpty() || !r.until().isAfter(now) || r.heldBy(owner))
                ? r.leased(Optional.of(owner), now.plus(leaseFor)) : r);
        return rows.values().stream().filter(r -> r.unended() && r.heldBy(owner)).map(Row::run).sorted(SOONEST).toList();
    }

    @Override
    public synchronized void renewLeases(String owner, Instant now, Duration leaseFor) {
        rows.replaceAll((id, r) -> r.unended() && r.heldBy(owner) ? r.leased(r.owner(), now.plus(leaseFor)) : r);
    }

    @Override
    public synchronized void takeOver(String ownerPrefix) {
        rows.replaceAll((id, r) -> r.unended() && r.owner().filter(o -> o.startsWith(ownerPrefix)).isPresent() ? r.leased(Optional.empty(), Instant.MIN) : r);
    }

    @Override
    public synchronized void releaseLeases(String owner) {
        rows.replaceAll((id, r) -> r.heldBy(owner) ? r.leased(Optional.empty(), Instant.MIN) : r);
    }
}
