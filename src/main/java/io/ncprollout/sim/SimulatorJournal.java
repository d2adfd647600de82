package io.ncprollout.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests the simulator answered, newest last, as {@code METHOD /path -> status} (the last 10,000): lets a
 * test or an operator see exactly which calls a client made, for example that a start was sent once.
 */
public final class SimulatorJournal {
    static final int CAPACITY = 10_000;

    /**
     * One answered request.
     *
     * @param method the HTTP method
     * @param path   the raw path, without the query
     * @param status the HTTP status answered
     */
    public record Entry(String method, String path, int status) {
        /** True when the path ends with {@code /operation} or contains {@code /operation/}. */
        public boolean is(String operation) {
            return path.endsWith("/" + operation) || path.contains("/" + operation + "/");
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final java.util.Map<String, Integer> starts = new java.util.HashMap<>();

    synchronized void recordStart(String cluster) {
        starts.merge(cluster, 1, Integer::sum);
    }

    /** How many operations the simulator accepted on the cluster named {@code cluster}. */
    public synchronized int starts(String cluster) {
        return starts.getOrDefault(cluster, 0);
    }

    /** The accepted operations by cluster name. */
    public synchronized java.util.Map<String, Integer> starts() {
        return java.util.Map.copyOf(starts);
    }

    synchronized void record(String method, String path, int status) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(method, path, status));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** How many answered requests named {@code operation} (e.g. {@code rollingRestart}). */
    public synchronized long count(String operation) {
        return entries.stream().filter(e -> e.is(operation)).count();
    }
}
