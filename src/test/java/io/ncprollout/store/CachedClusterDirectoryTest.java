package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationsException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Time is a fake Caffeine ticker, advanced by hand. */
class CachedClusterDirectoryTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final CachedClusterDirectory directory = new CachedClusterDirectory((service, region) -> {
        loads.incrementAndGet();
        return List.of(new ClusterSummary(new ClusterRef(service, "1" + loads.get(), "c-" + region, region), "running", "3.9", 3));
    }, Duration.ofMinutes(1), nanos::get);

    @Test
    void clusters_withinTheTtl_areServedFromTheCache() throws Exception {
        directory.clusters(Product.KAFKA, "KR");
        advance(Duration.ofSeconds(59));

        directory.clusters(Product.KAFKA, "KR");

        assertThat(loads).hasValue(1);
        assertThat(directory.stats().hitCount()).isEqualTo(1);
    }

    @Test
    void clusters_afterTheTtl_areLoadedAgain() throws Exception {
        directory.clusters(Product.KAFKA, "KR");
        advance(Duration.ofSeconds(61));

        List<ClusterSummary> again = directory.clusters(Product.KAFKA, "KR");

        assertThat(loads).hasValue(2);
        assertThat(again.get(0).cluster().number()).isEqualTo("12");
    }

    @Test
    void reload_replacesTheCachedList() throws Exception {
        directory.clusters(Product.KAFKA, "KR");

        directory.reload(Product.KAFKA, "KR");
        List<ClusterSummary> cached = directory.clusters(Product.KAFKA, "KR");

        assertThat(loads).hasValue(2);
        assertThat(cached.get(0).cluster().number()).isEqualTo("12");
    }

    @Test
    void clusters_areKeyedByServiceAndRegion() throws Exception {
        directory.clusters(Product.KAFKA, "KR");
        directory.clusters(Product.KAFKA, "SGN");
        directory.clusters(Product.OPENSEARCH, "KR");

        assertThat(loads).hasValue(3);
    }

    @Test
    void clusters_loaderFails_throwsTheOperationsExceptionAndCachesNothing() {
        CachedClusterDirectory failing = new CachedClusterDirectory((s, r) -> {
            throw new OperationsException(OperationsException.Reason.UNAVAILABLE, "HTTP 503");
        }, Duration.ofMinutes(1), nanos::get);

        assertThatThrownBy(() -> failing.clusters(Product.KAFKA, "KR")).isInstanceOf(OperationsException.class).hasMessage("HTTP 503");
        assertThat(failing.stats().loadFailureCount()).isEqualTo(1);
    }

    private void advance(Duration d) {
        nanos.addAndGet(TimeUnit.NANOSECONDS.convert(d));
    }
}
