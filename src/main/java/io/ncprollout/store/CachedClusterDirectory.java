package io.ncprollout.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.ClusterDirectory;
import io.ncprollout.rollout.operation.OperationsException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * {@link ClusterDirectory} over a Caffeine cache keyed by (service, region): lists expire after a short time,
 * so a cluster created or renamed shows up soon, and a name not in the cached list triggers one reload (the
 * caller's {@link #reload}). Statistics are recorded for the metrics endpoint.
 */
public final class CachedClusterDirectory implements ClusterDirectory {
    /** The loader: every cluster of a service in a region, from the API. */
    @FunctionalInterface
    public interface Loader {
        List<ClusterSummary> load(Product product, String region) throws OperationsException;
    }

    private record Key(Product product, String region) {
    }

    private final Loader loader;
    private final LoadingCache<Key, List<ClusterSummary>> cache;

    public CachedClusterDirectory(Loader loader, Duration expireAfter, Ticker ticker) {
        this.loader = loader;
        this.cache = Caffeine.newBuilder()
                .maximumSize(64)
                .expireAfterWrite(expireAfter)
                .ticker(ticker)
                .recordStats()
                .build(this::load);
    }

    @Override
    public List<ClusterSummary> clusters(Product product, String region) throws OperationsException {
        try {
            return cache.get(new Key(product, region));
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    @Override
    public List<ClusterSummary> reload(Product product, String region) throws OperationsException {
        Key key = new Key(product, region);
        List<ClusterSummary> fresh = loader.load(product, region);
        cache.put(key, fresh);
        return fresh;
    }

    public CacheStats stats() {
        return cache.stats();
    }

    private List<ClusterSummary> load(Key key) {
        try {
            return List.copyOf(loader.load(key.product(), key.region()));
        } catch (OperationsException e) {
            throw new CompletionException(e);
        }
    }

    private static OperationsException unwrap(CompletionException e) {
        if (e.getCause() instanceof OperationsException cause) {
            return cause;
        }
        throw e;
    }
}
