package io.ncprollout.sim;

import io.ncprollout.ncp.NcpRegion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The simulated clusters and their one running operation each. Thread-safe: every method holds the
 * registry's lock, so a start and a read never interleave.
 *
 * <p>State changes only in two places: {@link #start} records an accepted operation, and every read
 * first <em>settles</em> each cluster: when {@link RollTimeline} says its operation is DONE at the
 * clock's now, the result is applied (upgrades switch version and config group) and the operation is
 * dropped. A FAILED operation stays, so the cluster keeps showing its red node and status error.
 */
final class ClusterRegistry {
    private static final Duration CLUSTER_AGE = Duration.ofDays(90);

    private final Map<Long, MutableCluster> clusters = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration step;
    private final SimulatorFaults faults;

    /** Registers {@code specs}; a spec marked not ready is recorded as a not-ready fault (which can be cleared). */
    private java.util.function.Consumer<String> onStart = name -> { };

    ClusterRegistry(List<ClusterSpec> specs, Clock clock, Duration step, SimulatorFaults faults) {
        this.clock = clock;
        this.step = step;
        this.faults = faults;
        Instant now = clock.instant();
        for (ClusterSpec spec : specs) {
            clusters.put(spec.number(), new MutableCluster(spec, now));
            if (spec.notReady()) {
                faults.notReady(spec.name(), true);
            }
        }
    }

    /** The clusters of {@code service} in {@code region}, in configuration order. */
    synchronized List<ClusterSnapshot> list(ClusterSpec.Service service, NcpRegion region) {
        Instant now = clock.instant();
        List<ClusterSnapshot> found = new ArrayList<>();
        for (MutableCluster cluster : clusters.values()) {
            if (cluster.spec.service() == service && cluster.spec.region() == region) {
                found.add(cluster.settle(now));
            }
        }
        return found;
    }

    /** The cluster numbered {@code number}, if it is a {@code service} cluster in {@code region}. */
    synchronized Optional<ClusterSnapshot> find(ClusterSpec.Service service, NcpRegion region, long number) {
        MutableCluster cluster = clusters.get(number);
        if (cluster == null || cluster.spec.service() != service || cluster.spec.region() != region) {
            return Optional.empty();
        }
        return Optional.of(cluster.settle(clock.instant()));
    }

    /** The mutable state behind a snapshot this registry gave out (clusters are never removed). */
    private MutableCluster mutable(ClusterSnapshot cluster) {
        MutableCluster found = clusters.get(cluster.spec().number());
        if (found == null) {
            throw new IllegalStateException("cluster " + cluster.spec().number() + " is not in this registry");
        }
        return found;
    }

    /** Runs the prechecks of {@code request} on the cluster found by {@code find}; empty when they pass. */
    synchronized Optional<String> precheck(ClusterSnapshot cluster, OperationRequest request) {
        ClusterSnapshot fresh = mutable(cluster).settle(clock.instant());
        return Prechecks.check(fresh, request, faults.isNotReady(fresh.spec().name()));
    }

    /**
     * Prechecks and, when they pass, starts {@code request} now on the cluster found by {@code find}.
     *
     * @return the refusal message, or empty when the operation was accepted
     */
    synchronized Optional<String> start(ClusterSnapshot cluster, OperationRequest request) {
        Optional<String> refusal = precheck(cluster, request);
        if (refusal.isPresent()) {
            return refusal;
        }
        MutableCluster target = mutable(cluster);
        ClusterSpec spec = target.spec;
        List<String> hosts = request.kind().rollsWorkers() ? spec.workerHosts() : spec.managerHosts().subList(0, 1);
        String toVersion = request.targetVersion() == null ? target.versionCode : request.targetVersion();
        int toGroup = request.configGroupNo() == 0 ? target.configGroupNo : request.configGroupNo();
        target.operation = new Operation(request.kind(), clock.instant(), hosts, target.versionCode, toVersion, toGroup);
        onStart.accept(spec.name());
        return Optional.empty();
    }

    /** Told the name of each cluster whose operation was accepted, when it is. */
    void onStart(java.util.function.Consumer<String> listener) {
        this.onStart = listener;
    }

    /** One cluster's changing state; only touched under the registry's lock. */
    private final class MutableCluster {
        final ClusterSpec spec;
        final Instant createdAt;
        final @Nullable Instant lastSnapshot;
        String versionCode;
        int configGroupNo;
        @Nullable Operation operation;
        @Nullable Operation lastUpgrade;

        MutableCluster(ClusterSpec spec, Instant now) {
            this.spec = spec;
            this.createdAt = now.minus(CLUSTER_AGE);
            this.lastSnapshot = spec.snapshotAge() == null ? null : now.minus(spec.snapshotAge());
            this.versionCode = spec.versionCode();
            this.configGroupNo = spec.service() == ClusterSpec.Service.KAFKA ? Catalog.defaultConfigGroup(versionCode) : 0;
        }

        ClusterSnapshot settle(Instant now) {
            RollTimeline.State roll = null;
            if (operation != null) {
                roll = RollTimeline.at(operation.start(), now, step, operation.hosts(),
                        host -> faults.nodeFault(spec.name(), host));
                if (roll.outcome() == RollTimeline.Outcome.DONE) {
                    versionCode = operation.targetVersion();
                    configGroupNo = operation.targetConfigGroup();
                    if (operation.kind() == Operation.Kind.SEARCH_ENGINE_UPGRADE) {
                        lastUpgrade = operation;
                    }
                    operation = null;
                    roll = null;
                }
            }
            return new ClusterSnapshot(spec, versionCode, configGroupNo, operation, roll, lastUpgrade,
                    lastSnapshot, createdAt, now);
        }
    }
}
