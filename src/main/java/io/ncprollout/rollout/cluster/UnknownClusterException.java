package io.ncprollout.rollout.cluster;

import java.util.List;
import java.util.Objects;

/**
 * No cluster of that name or number in the region. It carries what the Slack side needs to word it in the reader's
 * language (the product, what was typed, the region and the closest names to suggest); its message is for logs.
 */
public final class UnknownClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Product product;
    private final String query;
    private final String region;
    private final List<String> closest;

    public UnknownClusterException(Product product, String query, String region, List<String> closest) {
        super("no " + product.command() + " cluster named or numbered '" + query + "' in " + region);
        this.product = Objects.requireNonNull(product, "product == null");
        this.query = Objects.requireNonNull(query, "query == null");
        this.region = Objects.requireNonNull(region, "region == null");
        this.closest = List.copyOf(closest);
    }

    public Product product() {
        return product;
    }

    /** The name or number as the user typed it. */
    public String query() {
        return query;
    }

    public String region() {
        return region;
    }

    /** The names closest to {@link #query()}, best first; empty when none is close. */
    public List<String> closest() {
        return closest;
    }

    @Override
    public String getMessage() {
        return "no " + product.command() + " cluster named or numbered '" + query + "' in " + region;
    }
}
