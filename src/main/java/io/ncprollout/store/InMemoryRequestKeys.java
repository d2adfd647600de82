package io.ncprollout.store;

import io.ncprollout.rollout.RequestKeys;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RequestKeys} in memory, lost on restart: for tests and the local shell. Thread-safe. */
public final class InMemoryRequestKeys implements RequestKeys {
    private final Map<String, Instant> keys = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String key, Instant at) {
        return keys.putIfAbsent(key, at) == null;
    }

    /** Forgets the keys used before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff) {
        int before = keys.size();
        keys.values().removeIf(at -> at.isBefore(cutoff));
        return before - keys.size();
    }
}
