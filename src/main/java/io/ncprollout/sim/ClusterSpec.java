package io.ncprollout.sim;

import io.ncprollout.ncp.NcpRegion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One simulated cluster as configured: what it is at simulator start.
 *
 * <p>Host names follow the documented examples ({@code cluster00-b-25t6}, {@code sso-test-270-d-1lv9}):
 * {@code <name>-<role>-<4 base-36 chars>}, the suffixes consecutive from {@code number mod 36^4}.
 * Kafka: brokers ({@code b}) first, then the one manager/CMAK node ({@code m}); ZooKeeper runs on the
 * broker hosts. OpenSearch: managers ({@code m}) first, then data nodes ({@code d}).
 *
 * @param nodeCount brokers (Kafka) or data nodes (OpenSearch), 1..20
 * @param managerCount OpenSearch manager nodes (1 or 2); always 1 for Kafka (the CMAK node)
 * @param notReady prechecks of this cluster fail as "not ready" (also a runtime fault)
 * @param snapshotAge OpenSearch: age of the last snapshot at simulator start; null = no snapshot
 */
public record ClusterSpec(Service service, String name, NcpRegion region, long number, String versionCode,
                          int nodeCount, int managerCount, boolean notReady, @Nullable Duration snapshotAge) {

    /** The two managed services. */
    public enum Service { KAFKA, OPENSEARCH }

    private static final int SUFFIX_SPACE = 36 * 36 * 36 * 36;

    public ClusterSpec {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(versionCode, "versionCode == null");
        if (!name.matches("[a-z][a-z0-9-]{2,29}")) {
            throw new IllegalArgumentException("cluster name must be 3-30 of a-z, 0-9, '-' starting with a letter: '" + name + "'");
        }
        if (number < 1_000_000 || number > 99_999_999) {
            throw new IllegalArgumentException("cluster number must have 7 or 8 digits: " + number);
        }
        if (nodeCount < 1 || nodeCount > 20) {
            throw new IllegalArgumentException("nodeCount must be 1..20: " + nodeCount);
        }
        boolean known = service == Service.KAFKA
                ? Catalog.kafkaVersion(versionCode).isPresent() : Catalog.engineVersion(versionCode).isPresent();
        if (!known) {
            throw new IllegalArgumentException("unknown " + service.name().toLowerCase(Locale.ROOT) + " version code '"
                    + versionCode + "' (known: " + (service == Service.KAFKA ? Catalog.kafkaCodes() : Catalog.engineCodes()) + ")");
        }
        if (service == Service.KAFKA) {
            managerCount = 1;
        } else if (managerCount < 1 || managerCount > 2) {
            throw new IllegalArgumentException("managerCount must be 1 or 2: " + managerCount);
        }
    }

    /** A ready Kafka cluster with {@code brokers} brokers. */
    public static ClusterSpec kafka(String name, NcpRegion region, long number, String versionCode, int brokers) {
        return new ClusterSpec(Service.KAFKA, name, region, number, versionCode, brokers, 1, false, null);
    }

    /** A ready OpenSearch cluster with a snapshot taken one hour before simulator start. */
    public static ClusterSpec openSearch(String name, NcpRegion region, long number, String versionCode,
                                         int managers, int dataNodes) {
        return new ClusterSpec(Service.OPENSEARCH, name, region, number, versionCode, dataNodes, managers, false,
                Duration.ofHours(1));
    }

    /** This cluster with its prechecks failing as "not ready". */
    public ClusterSpec withNotReady() {
        return new ClusterSpec(service, name, region, number, versionCode, nodeCount, managerCount, true, snapshotAge);
    }

    /** This cluster with its last snapshot {@code age} old at start (null: never snapshotted). */
    public ClusterSpec withSnapshotAge(@Nullable Duration age) {
        return new ClusterSpec(service, name, region, number, versionCode, nodeCount, managerCount, notReady, age);
    }

    /** Broker (Kafka) or data-node (OpenSearch) host names, in roll order. */
    public List<String> workerHosts() {
        int first = service == Service.KAFKA ? 0 : managerCount;
        return hosts(service == Service.KAFKA ? "b" : "d", first, nodeCount);
    }

    /** The CMAK node (Kafka) or the manager nodes (OpenSearch). */
    public List<String> managerHosts() {
        int first = service == Service.KAFKA ? nodeCount : 0;
        return hosts("m", first, managerCount);
    }

    private List<String> hosts(String role, int first, int count) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String suffix = Long.toString((number + first + i) % SUFFIX_SPACE, 36);
            hosts.add(name + "-" + role + "-" + "0".repeat(4 - suffix.length()) + suffix);
        }
        return hosts;
    }
}
