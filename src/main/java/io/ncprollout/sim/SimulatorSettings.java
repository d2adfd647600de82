package io.ncprollout.sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * How to start an {@link NcpSimulator}. {@link #toString()} masks the secret key.
 *
 * @param accessKey the only access key the gateway accepts
 * @param secretKey the secret that signatures must be made with
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param clock the only time source (auth window, rolls, dates in responses)
 * @param nodeStep how long each node spends changing in a roll (one step per node)
 * @param clusters the clusters served (names and numbers unique)
 * @param faults the live fault switches, shared with the running simulator
 * @param seed seeds the Random that decides which calls the fault rates hit
 */
public record SimulatorSettings(String accessKey, String secretKey, int port, Clock clock, Duration nodeStep,
                                List<ClusterSpec> clusters, SimulatorFaults faults, long seed) {

    /** Node step of the standalone demo: slow enough to watch in Slack. */
    public static final Duration DEMO_NODE_STEP = Duration.ofSeconds(60);

    public SimulatorSettings {
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(faults, "faults == null");
        if (accessKey.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("simulator keys must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (nodeStep.isNegative() || nodeStep.isZero()) {
            throw new IllegalArgumentException("nodeStep must be positive: " + nodeStep);
        }
        clusters = List.copyOf(clusters);
        if (clusters.stream().map(ClusterSpec::name).distinct().count() != clusters.size()
                || clusters.stream().map(ClusterSpec::number).distinct().count() != clusters.size()) {
            throw new IllegalArgumentException("cluster names and numbers must be unique");
        }
    }

    /** Random keys, an ephemeral port, the system UTC clock, a 60 s step, the seeded clusters, no faults, seed 42. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(randomKey(10), randomKey(20), 0, Clock.systemUTC(), DEMO_NODE_STEP,
                SeedClusters.all(), new SimulatorFaults(), 42L);
    }

    public SimulatorSettings withKeys(String accessKey, String secretKey) {
        return new SimulatorSettings(accessKey, secretKey, port, clock, nodeStep, clusters, faults, seed);
    }

    public SimulatorSettings withPort(int port) {
        return new SimulatorSettings(accessKey, secretKey, port, clock, nodeStep, clusters, faults, seed);
    }

    public SimulatorSettings withClock(Clock clock) {
        return new SimulatorSettings(accessKey, secretKey, port, clock, nodeStep, clusters, faults, seed);
    }

    public SimulatorSettings withNodeStep(Duration nodeStep) {
        return new SimulatorSettings(accessKey, secretKey, port, clock, nodeStep, clusters, faults, seed);
    }

    public SimulatorSettings withClusters(List<ClusterSpec> clusters) {
        return new SimulatorSettings(accessKey, secretKey, port, clock, nodeStep, clusters, faults, seed);
    }

    public SimulatorSettings withFaults(SimulatorFaults faults) {
        return new SimulatorSettings(accessKey, secretKey, port, clock, nodeStep, clusters, faults, seed);
    }

    public SimulatorSettings withSeed(long seed) {
        return new SimulatorSettings(accessKey, secretKey, port, clock, nodeStep, clusters, faults, seed);
    }

    /** An upper-case hex key of {@code bytes} random bytes, for a generated key pair. */
    static String randomKey(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return HexFormat.of().withUpperCase().formatHex(raw);
    }

    @Override
    public String toString() {
        return "SimulatorSettings[accessKey=" + accessKey + ", secretKey=***, port=" + port + ", clock=" + clock
                + ", nodeStep=" + nodeStep + ", clusters=" + clusters.size() + ", faults=" + faults + ", seed=" + seed + "]";
    }
}
