package io.ncprollout.sim;

import io.ncprollout.config.DurationText;
import io.ncprollout.config.YamlFiles;
import io.ncprollout.ncp.NcpRegion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's optional YAML file: more clusters, the node step, the seed and faults. Every key is
 * optional; an unknown key is an error that names the key and its line.
 *
 * <pre>
 * nodeStep: 30s                  # ISO-8601 or 500ms / 15s / 2m / 1h; --step on the command line wins
 * seed: 7                        # seeds which calls the fault rates hit
 * faults:
 *   latency: 200ms               # added to every call
 *   readFailureRate: 0.1         # 0..1 of reads answered HTTP 503 / errorCode 500
 *   throttleRate: 0.0            # 0..1 of calls answered HTTP 429 / errorCode 410
 *   notReady: [orders-prod]      # prechecks of these clusters fail
 *   nodes:
 *     - cluster: payments-prod
 *       host: payments-prod-b-0ax2
 *       fault: stuck-orange      # stuck-orange | goes-red
 * clusters:                      # added to the seeded clusters
 *   - name: analytics-kafka      # 3-30 of a-z 0-9 -, unique
 *     service: kafka             # kafka | opensearch
 *     region: KR                 # KR | SGN | JPN | KRS (default KR)
 *     number: 12345678           # 7-8 digits, unique
 *     version: "3713006"         # a code of getCDSSVersionList / getSearchEngineVersionList
 *     nodes: 3                   # brokers or data nodes (default 3)
 *     managers: 2                # opensearch only: 1 or 2 (default 2)
 *     precheck: not-ready        # ready (default) | not-ready
 *     snapshotAge: 8h            # opensearch only: age of the last snapshot at start (default 1h); none = never
 * </pre>
 */
public final class SimulatorConfig {
    record FileShape(@Nullable String nodeStep, @Nullable Long seed, @Nullable FaultShape faults,
                     @Nullable List<ClusterShape> clusters) {
    }

    record FaultShape(@Nullable String latency, @Nullable Double readFailureRate, @Nullable Double throttleRate,
                      @Nullable List<String> notReady, @Nullable List<NodeShape> nodes) {
    }

    record NodeShape(String cluster, String host, String fault) {
    }

    record ClusterShape(String name, String service, @Nullable String region, @Nullable Long number, String version,
                        @Nullable Integer nodes, @Nullable Integer managers, @Nullable String precheck,
                        @Nullable String snapshotAge) {
    }

    private final FileShape file;
    private final List<ClusterSpec> clusters;

    private SimulatorConfig(FileShape file, List<ClusterSpec> clusters) {
        this.file = file;
        this.clusters = List.copyOf(clusters);
    }

    /**
     * Reads and validates {@code path}.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it is not valid (the message names the file, and the line when known)
     */
    public static SimulatorConfig load(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator config " + path + ": " + YamlFiles.reason(e), e);
        }
    }

    /**
     * Parses YAML text; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException when the text is not valid
     */
    public static SimulatorConfig parse(String yaml, String source) {
        FileShape file = YamlFiles.read(yaml, source, FileShape.class);
        if (file == null) {
            file = new FileShape(null, null, null, null);
        }
        List<ClusterSpec> specs = new ArrayList<>();
        for (ClusterShape shape : file.clusters() == null ? List.<ClusterShape>of() : file.clusters()) {
            try {
                specs.add(toSpec(shape));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ": cluster '" + shape.name() + "': " + e.getMessage(), e);
            }
        }
        SimulatorConfig config = new SimulatorConfig(file, specs);
        try {
            config.applyTo(SimulatorSettings.defaults().withFaults(new SimulatorFaults())); // validates the rest early
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        return config;
    }

    /** The clusters the file adds. */
    public List<ClusterSpec> clusters() {
        return clusters;
    }

    /**
     * Returns {@code base} with this file's clusters appended and its node step and seed when set; sets
     * this file's faults on {@code base.faults()}.
     *
     * @throws IllegalArgumentException when a name or number clashes or a fault value is invalid
     */
    public SimulatorSettings applyTo(SimulatorSettings base) {
        List<ClusterSpec> all = new ArrayList<>(base.clusters());
        all.addAll(clusters);
        SimulatorSettings settings = base.withClusters(all);
        if (file.nodeStep() != null) {
            settings = settings.withNodeStep(DurationText.parse(file.nodeStep()));
        }
        if (file.seed() != null) {
            settings = settings.withSeed(file.seed());
        }
        FaultShape faults = file.faults();
        if (faults != null) {
            applyFaults(faults, settings.faults());
        }
        return settings;
    }

    private static void applyFaults(FaultShape shape, SimulatorFaults faults) {
        if (shape.latency() != null) {
            faults.latency(DurationText.parseNonNegative(shape.latency()));
        }
        if (shape.readFailureRate() != null) {
            faults.readFailureRate(shape.readFailureRate());
        }
        if (shape.throttleRate() != null) {
            faults.throttleRate(shape.throttleRate());
        }
        for (String cluster : shape.notReady() == null ? List.<String>of() : shape.notReady()) {
            faults.notReady(cluster, true);
        }
        for (NodeShape node : shape.nodes() == null ? List.<NodeShape>of() : shape.nodes()) {
            NodeFault fault = switch (node.fault().toLowerCase(Locale.ROOT)) {
                case "stuck-orange" -> NodeFault.STUCK_ORANGE;
                case "goes-red" -> NodeFault.GOES_RED;
                default -> throw new IllegalArgumentException("unknown node fault '" + node.fault()
                        + "' (expected stuck-orange or goes-red)");
            };
            faults.nodeFault(node.cluster(), node.host(), fault);
        }
    }

    private static ClusterSpec toSpec(ClusterShape shape) {
        if (shape.name() == null || shape.service() == null || shape.version() == null || shape.number() == null) {
            throw new IllegalArgumentException("name, service, number and version are required");
        }
        ClusterSpec.Service service = switch (String.valueOf(shape.service()).toLowerCase(Locale.ROOT)) {
            case "kafka" -> ClusterSpec.Service.KAFKA;
            case "opensearch" -> ClusterSpec.Service.OPENSEARCH;
            default -> throw new IllegalArgumentException("service must be kafka or opensearch: " + shape.service());
        };
        NcpRegion region = shape.region() == null ? NcpRegion.KR : NcpRegion.parse(shape.region());
        int nodes = shape.nodes() == null ? 3 : shape.nodes();
        int managers = shape.managers() == null ? 2 : shape.managers();
        boolean notReady = switch (shape.precheck() == null ? "ready" : shape.precheck()) {
            case "ready" -> false;
            case "not-ready" -> true;
            default -> throw new IllegalArgumentException("precheck must be ready or not-ready: " + shape.precheck());
        };
        Duration snapshotAge = shape.snapshotAge() == null ? Duration.ofHours(1)
                : shape.snapshotAge().equals("none") ? null : DurationText.parseNonNegative(shape.snapshotAge());
        return new ClusterSpec(service, shape.name(), region, shape.number().longValue(), String.valueOf(shape.version()), nodes,
                managers, notReady, service == ClusterSpec.Service.KAFKA ? null : snapshotAge);
    }
}
