package io.ncprollout.rollout.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pure: finds the cluster a user meant by a name or a number, and otherwise the closest names to suggest.
 * Closeness is the edit distance between lower-cased names, with names that contain the query (or that the
 * query contains) ranked first; suggestions further than half the query's length are dropped.
 */
public final class ClusterMatcher {
    private ClusterMatcher() {
    }

    /** The cluster whose name (ignoring case) or number equals {@code query}. */
    public static Optional<ClusterSummary> find(List<ClusterSummary> clusters, String query) {
        return clusters.stream()
                .filter(c -> c.cluster().number().equals(query) || c.cluster().name().equalsIgnoreCase(query))
                .findFirst();
    }

    /** Up to {@code limit} cluster names close to {@code query}, closest first. */
    public static List<String> closest(List<ClusterSummary> clusters, String query, int limit) {
        String q = query.toLowerCase(Locale.ROOT);
        int maxDistance = Math.max(2, q.length() / 2);
        return clusters.stream()
                .map(c -> c.cluster().name())
                .distinct()
                .map(name -> new Scored(name, score(name.toLowerCase(Locale.ROOT), q)))
                .filter(s -> s.score() <= maxDistance)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(limit)
                .map(Scored::name)
                .toList();
    }

    private static int score(String name, String query) {
        if (name.contains(query) || query.contains(name)) {
            return 0;
        }
        return distance(name, query);
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String name, int score) {
    }
}
