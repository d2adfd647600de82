package io.ncprollout.rollout.fleet;

import io.ncprollout.rollout.cluster.ClusterMatcher;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Globs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which clusters a fleet runs, and in which order: pure, over the region's cluster list and the configuration's
 * named lists ({@code fleets:}).
 *
 * <p>What the requester typed selects: {@code --all} every cluster of the region; a name of a configured list that
 * list; {@code a,b,c} those clusters (each must exist); anything else a glob on names ({@code orders-*}). The order:
 * a configured list's own order (its first is the canary); else the clusters in configured lists first, in list
 * order, then the smallest first (fewest nodes, then by name) so that the canary is the cheapest to lose.
 */
public final class FleetPlan {
    /** What selects every cluster of the region. */
    public static final String ALL = "--all";

    private final Map<String, List<String>> lists;

    /** @param lists the configuration's named, ordered lists of cluster names */
    public FleetPlan(Map<String, List<String>> lists) {
        this.lists = Map.copyOf(Objects.requireNonNull(lists, "lists == null"));
    }

    public static FleetPlan none() {
        return new FleetPlan(Map.of());
    }

    /** The selection, in run order. */
    public record Selection(List<ClusterSummary> clusters, List<String> unknown) {
        public Selection {
            clusters = List.copyOf(clusters);
            unknown = List.copyOf(unknown);
        }
    }

    /** True when {@code typed} names more than one cluster (a glob, a list, {@code --all}, a configured list). */
    public boolean isFleet(String typed) {
        return ALL.equals(typed) || typed.contains(",") || typed.contains("*") || typed.contains("?") || lists.containsKey(typed);
    }

    /** The clusters {@code typed} selects among {@code region}'s, in the order they run; names that match nothing are listed. */
    public Selection select(String typed, List<ClusterSummary> region) {
        List<String> list = lists.get(typed);
        if (list != null) {
            return byName(list, region, false);
        }
        if (typed.contains(",")) {
            return byName(List.of(typed.split(",")), region, true);
        }
        List<ClusterSummary> matched = ALL.equals(typed) ? region
                : region.stream().filter(c -> Globs.matches(typed, c.cluster().name())).toList();
        return new Selection(ordered(matched), List.of());
    }

    private Selection byName(List<String> names, List<ClusterSummary> region, boolean reorder) {
        Map<String, ClusterSummary> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            Optional<ClusterSummary> c = ClusterMatcher.find(region, name);
            if (c.isPresent()) {
                found.putIfAbsent(c.get().cluster().number(), c.get());
            } else {
                unknown.add(name);
            }
        }
        List<ClusterSummary> clusters = List.copyOf(found.values());
        return new Selection(reorder ? ordered(clusters) : clusters, unknown);
    }

    /** Configured lists' clusters first, in list order; then the smallest first, by name. */
    List<ClusterSummary> ordered(List<ClusterSummary> clusters) {
        List<String> configured = lists.values().stream().flatMap(List::stream).distinct().toList();
        Comparator<ClusterSummary> byList = Comparator.comparingInt(c -> {
            int at = configured.indexOf(c.cluster().name());
            return at < 0 ? Integer.MAX_VALUE : at;
        });
        return clusters.stream()
                .sorted(byList.thenComparingInt(ClusterSummary::nodeCount).thenComparing(c -> c.cluster().name()))
                .toList();
    }
}
