package io.ncprollout.store;

import io.ncprollout.rollout.access.Freeze;
import io.ncprollout.rollout.access.FreezeList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link FreezeList} in memory: for tests. */
public final class InMemoryFreezeList implements FreezeList {
    private final Map<String, Freeze> freezes = new LinkedHashMap<>();

    @Override
    public synchronized void freeze(Freeze freeze) {
        freezes.remove(freeze.key());
        freezes.put(freeze.key(), freeze);
    }

    @Override
    public synchronized boolean unfreeze(String key) {
        return freezes.remove(key) != null;
    }

    @Override
    public synchronized List<Freeze> all() {
        return List.copyOf(freezes.values());
    }
}
