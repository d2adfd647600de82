package io.ncprollout.rollout.cluster;

import java.util.List;

/** No cluster of that name or number in the region; carries the closest names to suggest. */
public final class UnknownClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> closest;

    public UnknownClusterException(Product product, String query, String region, List<String> closest) {
        super(message(product, query, region, closest));
        this.closest = List.copyOf(closest);
    }

    public List<String> closest() {
        return closest;
    }

    private static String message(Product product, String query, String region, List<String> closest) {
        String base = "There is no " + product.displayName() + " cluster named or numbered `" + query + "` in " + region + ".";
        return closest.isEmpty() ? base + " `/" + product.command() + " list` shows the clusters there."
                : base + " Did you mean " + String.join(", ", closest.stream().map(n -> "`" + n + "`").toList()) + "?";
    }
}
