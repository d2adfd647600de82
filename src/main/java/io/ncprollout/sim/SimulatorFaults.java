package io.ncprollout.sim;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults the simulator injects; thread-safe and changeable while it serves (tests and the config file
 * set them). Nodes are named by cluster name and host name.
 *
 * <ul>
 *   <li>{@link #latency(Duration)}: added before every call is answered.</li>
 *   <li>{@link #readFailureRate(double)}: fraction 0..1 of read calls answered HTTP 503
 *       {@code {"error":{"errorCode":"500","message":"Endpoint Error"}}}, drawn from the simulator's seeded Random.</li>
 *   <li>{@link #throttleRate(double)}: fraction 0..1 of all calls answered HTTP 429
 *       {@code {"error":{"errorCode":"410","message":"Throttle Limited"}}}.</li>
 *   <li>{@link #nodeFault(String, String, NodeFault)}: what a node does when the roll reaches it.</li>
 *   <li>{@link #notReady(String, boolean)}: the cluster's prechecks fail.</li>
 * </ul>
 * Node faults and readiness are read on every call, so a change applies at once, also to a running roll:
 * clearing a stuck or red node lets its roll go on as if the fault had never been there (it catches up
 * with the clock, see {@link RollTimeline}).
 */
public final class SimulatorFaults {
    private volatile Duration latency = Duration.ZERO;
    private volatile double readFailureRate;
    private volatile double throttleRate;
    private final Map<String, NodeFault> nodeFaults = new ConcurrentHashMap<>();
    private final Set<String> notReady = ConcurrentHashMap.newKeySet();

    /** Sets the latency added to every call; {@code Duration.ZERO} turns it off. */
    public SimulatorFaults latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        this.latency = latency;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** @throws IllegalArgumentException if {@code rate} is outside 0..1 */
    public SimulatorFaults readFailureRate(double rate) {
        this.readFailureRate = checkRate(rate);
        return this;
    }

    public double readFailureRate() {
        return readFailureRate;
    }

    /** @throws IllegalArgumentException if {@code rate} is outside 0..1 */
    public SimulatorFaults throttleRate(double rate) {
        this.throttleRate = checkRate(rate);
        return this;
    }

    public double throttleRate() {
        return throttleRate;
    }

    /** Sets what {@code host} of {@code cluster} does when the roll reaches it; {@link NodeFault#NONE} clears it. */
    public SimulatorFaults nodeFault(String cluster, String host, NodeFault fault) {
        String key = Objects.requireNonNull(cluster, "cluster == null") + "/" + Objects.requireNonNull(host, "host == null");
        if (fault == NodeFault.NONE) {
            nodeFaults.remove(key);
        } else {
            nodeFaults.put(key, fault);
        }
        return this;
    }

    /** Shorthand for {@code nodeFault(cluster, host, STUCK_ORANGE)}. */
    public SimulatorFaults stuckOrange(String cluster, String host) {
        return nodeFault(cluster, host, NodeFault.STUCK_ORANGE);
    }

    /** Shorthand for {@code nodeFault(cluster, host, GOES_RED)}. */
    public SimulatorFaults goesRed(String cluster, String host) {
        return nodeFault(cluster, host, NodeFault.GOES_RED);
    }

    public NodeFault nodeFault(String cluster, String host) {
        return nodeFaults.getOrDefault(cluster + "/" + host, NodeFault.NONE);
    }

    /** Makes the prechecks of {@code cluster} fail as not ready ({@code true}) or pass again. */
    public SimulatorFaults notReady(String cluster, boolean notReady) {
        if (notReady) {
            this.notReady.add(cluster);
        } else {
            this.notReady.remove(cluster);
        }
        return this;
    }

    public boolean isNotReady(String cluster) {
        return notReady.contains(cluster);
    }

    /** Removes every fault. */
    public SimulatorFaults clear() {
        latency = Duration.ZERO;
        readFailureRate = 0;
        throttleRate = 0;
        nodeFaults.clear();
        notReady.clear();
        return this;
    }

    private static double checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be within 0..1: " + rate);
        }
        return rate;
    }

    @Override
    public String toString() {
        return "SimulatorFaults[latency=" + latency + ", readFailureRate=" + readFailureRate + ", throttleRate="
                + throttleRate + ", nodeFaults=" + nodeFaults + ", notReady=" + notReady + "]";
    }
}
