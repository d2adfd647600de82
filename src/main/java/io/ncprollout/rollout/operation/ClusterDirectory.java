package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import java.util.List;

/** Port: the clusters of a service in a region, as a slowly changing lookup (cached by the implementation). */
public interface ClusterDirectory {

    /**
     * The clusters, possibly from a cache a little out of date.
     *
     * @throws OperationsException when the list cannot be read
     */
    List<ClusterSummary> clusters(Product product, String region) throws OperationsException;

    /**
     * The clusters read afresh, replacing what was cached.
     *
     * @throws OperationsException when the list cannot be read
     */
    List<ClusterSummary> reload(Product product, String region) throws OperationsException;
}
