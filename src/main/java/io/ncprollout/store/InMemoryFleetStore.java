package io.ncprollout.store;

import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FleetStore} in memory, for tests and the memory-only store: the same compare-and-set and leases. */
public final class InMemoryFleetStore implements FleetStore {
    private record Row(Fleet fleet, Optional<String> owner, Instant until, Instant updated) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(Fleet fleet, String owner, Instant now, Duration leaseFor) {
        if (rows.containsKey(fleet.id())) {
            return false;
        }
        rows.put(fleet.id(), new Row(fleet.atVersion(0), Optional.of(owner), now.plus(leaseFor), fleet.createdAt()));
        return true;
    }

    @Override
    public synchronized Optional<Fleet> commit(Fleet next) {
        Row row = rows.get(next.id());
        if (row == null || row.fleet().version() != next.version()) {
            return Optional.empty();
        }
        Fleet stored = next.atVersion(next.version() + 1);
        rows.put(next.id(), new Row(stored, row.owner(), row.until(), Instant.now()));
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<Fleet> find(String id) {
        return Optional.ofNullable(rows.get(id)).map(Row::fleet);
    }

    @Override
    public synchronized List<Fleet> active() {
        return rows.values().stream().map(Row::fleet).filter(f -> !f.state().isFinal()).toList();
    }

    @Override
    public synchronized List<Fleet> recent(int limit) {
        return rows.values().stream().filter(r -> r.fleet().state().isFinal()).sorted(Comparator.comparing(Row::updated).reversed())
                .limit(limit).map(Row::fleet).toList();
    }

    @Override
    public synchronized List<Fleet> claimLeases(String owner, Instant now, Duration leaseFor) {
        rows.replaceAll((id, r) -> !r.fleet().settled() && (r.owner().isEmpty() || !r.until().isAfter(now) || r.owner().get().equals(owner))
                ? new Row(r.fleet(), Optional.of(owner), now.plus(leaseFor), r.updated()) : r);
        return rows.values().stream().filter(r -> !r.fleet().settled() && r.owner().filter(owner::equals).isPresent()).map(Row::fleet).toList();
    }

    @Override
    public synchronized void renewLeases(String owner, Instant now, Duration leaseFor) {
        rows.replaceAll((id, r) -> r.owner().filter(owner::equals).isPresent() ? new Row(r.fleet(), r.owner(), now.plus(leaseFor), r.updated()) : r);
    }

    @Override
    public synchronized void takeOver(String ownerPrefix) {
        rows.replaceAll((id, r) -> r.owner().filter(o -> o.startsWith(ownerPrefix)).isPresent()
                ? new Row(r.fleet(), Optional.empty(), Instant.MIN, r.updated()) : r);
    }

    @Override
    public synchronized void releaseLeases(String owner) {
        takeOverExact(owner);
    }

    private void takeOverExact(String owner) {
        rows.replaceAll((id, r) -> r.owner().filter(owner::equals).isPresent() ? new Row(r.fleet(), Optional.empty(), Instant.MIN, r.updated()) : r);
    }
}
