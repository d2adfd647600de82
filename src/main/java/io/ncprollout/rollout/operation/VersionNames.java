package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names people read for the version codes NCP's API takes ({@code 3903006} → "Kafka 3.9.0, CMAK 3.0.0.6",
 * {@code 2180} → "OpenSearch 2.18.0"), learnt from every version list the bot reads, so that threads and channel
 * messages name versions as the modal does. A code not seen in a list yet is shown as "version 3903006".
 */
public final class VersionNames {
    /** NCP offers a handful of versions per service; more than this means something else is being learnt. */
    private static final int MAX = 500;

    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** Names learnt from nothing yet: every code is shown as a code. */
    public static VersionNames none() {
        return new VersionNames();
    }

    /** Remembers the names of a cluster's current and offered versions. */
    public void learn(UpgradeOptions options) {
        learn(options.current());
        options.newer().forEach(this::learn);
    }

    /** Remembers one version's name (a name equal to its code teaches nothing). */
    public void learn(VersionChoice version) {
        if (!version.name().isBlank() && !version.name().equals(version.code()) && names.size() < MAX) {
            names.put(version.code(), version.name());
        }
    }

    /** The name of {@code code}, if a version list has named it. */
    public Optional<String> nameOf(String code) {
        return Optional.ofNullable(names.get(code));
    }

    /**
     * An {@link OperationsApi} that learns the names of every version list read through it.
     *
     * @param api the API to call
     */
    public OperationsApi learning(OperationsApi api) {
        VersionNames self = this;
        return new OperationsApi() {
            @Override
            public List<ClusterSummary> listClusters(Product product, String region) throws OperationsException {
                return api.listClusters(product, region);
            }

            @Override
            public UpgradeOptions upgradeOptions(ClusterRef cluster) throws OperationsException {
                UpgradeOptions options = api.upgradeOptions(cluster);
                self.learn(options);
                return options;
            }

            @Override
            public List<ConfigGroupChoice> configGroups(ClusterRef cluster, String versionCode) throws OperationsException {
                return api.configGroups(cluster, versionCode);
            }

            @Override
            public Observation inspect(OperationKind kind, ClusterRef cluster) throws OperationsException {
                return api.inspect(kind, cluster);
            }

            @Override
            public Precheck precheck(OperationTarget target) throws OperationsException {
                return api.precheck(target);
            }

            @Override
            public void start(OperationTarget target) throws OperationsException {
                api.start(target);
            }

            @Override
            public Observation observe(OperationTarget target, Duration within) throws OperationsException {
                return api.observe(target, within);
            }

            @Override
            public DataEndpoints endpoints(ClusterRef cluster) throws OperationsException {
                return api.endpoints(cluster);
            }
        };
    }
}
