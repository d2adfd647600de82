package io.ncprollout.sim;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Pure: whether an operation may start on a cluster, and if not, the message NCP would give.
 *
 * <ol>
 *   <li>Busy: an operation is running → refused, naming it and when it started.</li>
 *   <li>Error: a previous roll left a red node → refused.</li>
 *   <li>Not ready ({@code notReady} fault or config) → refused (restarts and upgrades, not CMAK).</li>
 *   <li>Kafka upgrade: known target, newer than the current version, config group of the target version.</li>
 *   <li>OpenSearch upgrade: known target, newer, and a snapshot taken within the last 6 hours.</li>
 * </ol>
 */
final class Prechecks {
    static final Duration SNAPSHOT_MAX_AGE = Duration.ofHours(6);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Prechecks() {
    }

    /** Returns the refusal message, or empty when {@code request} may start on {@code cluster}. */
    static Optional<String> check(ClusterSnapshot cluster, OperationRequest request, boolean notReady) {
        String name = cluster.spec().name();
        Operation running = cluster.operation();
        if (running != null && cluster.busy()) {
            return Optional.of("Cluster " + name + " is busy: a " + running.kind().label() + " started at "
                    + DATE_TIME.format(running.start()) + " is still in progress");
        }
        if (running != null && cluster.failed()) {
            return Optional.of("Cluster " + name + " is in error status after a failed " + running.kind().label());
        }
        if (notReady && request.kind() != Operation.Kind.CMAK_RESTART) {
            return Optional.of("Cluster " + name + " is not ready for a " + request.kind().label()
                    + ": partition reassignment or replication is in progress (simulated)");
        }
        return switch (request.kind()) {
            case ROLLING_UPGRADE -> kafkaUpgrade(cluster, request);
            case SEARCH_ENGINE_UPGRADE -> engineUpgrade(cluster, request);
            case ROLLING_RESTART, CMAK_RESTART -> Optional.empty();
        };
    }

    private static Optional<String> kafkaUpgrade(ClusterSnapshot cluster, OperationRequest request) {
        String target = String.valueOf(request.targetVersion());
        if (Catalog.kafkaVersion(target).isEmpty()) {
            return Optional.of("Invalid upgrade Kafka version code: " + target);
        }
        if (!Catalog.isNewer(Catalog.kafkaCodes(), cluster.versionCode(), target)) {
            return Optional.of("Upgrade Kafka version " + target + " must be newer than the current version "
                    + cluster.versionCode());
        }
        Optional<Catalog.ConfigGroup> group = Catalog.configGroup(request.configGroupNo());
        if (group.isEmpty()) {
            return Optional.of("Invalid upgrade config group no: " + request.configGroupNo());
        }
        if (!group.get().kafkaVersionCode().equals(target)) {
            return Optional.of("Config group " + request.configGroupNo() + " belongs to Kafka version "
                    + group.get().kafkaVersionCode() + ", not to the upgrade version " + target);
        }
        return Optional.empty();
    }

    private static Optional<String> engineUpgrade(ClusterSnapshot cluster, OperationRequest request) {
        String target = String.valueOf(request.targetVersion());
        if (Catalog.engineVersion(target).isEmpty()) {
            return Optional.of("Invalid target version code: " + target);
        }
        if (!Catalog.isNewer(Catalog.engineCodes(), cluster.versionCode(), target)) {
            return Optional.of("Target version " + target + " must be newer than the current version "
                    + cluster.versionCode());
        }
        if (cluster.lastSnapshot() == null) {
            return Optional.of("No snapshot was created within the last 6 hours (no snapshot exists); "
                    + "create a snapshot before upgrading");
        }
        if (Duration.between(cluster.lastSnapshot(), cluster.now()).compareTo(SNAPSHOT_MAX_AGE) > 0) {
            return Optional.of("No snapshot was created within the last 6 hours (last snapshot "
                    + DATE_TIME.format(cluster.lastSnapshot()) + "); create a snapshot before upgrading");
        }
        return Optional.empty();
    }
}
