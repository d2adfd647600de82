package io.ncprollout;

import io.ncprollout.config.NcpConfig;
import io.ncprollout.ncp.NcpClientSettings;
import io.ncprollout.ncp.NcpClients;
import io.ncprollout.ncp.NcpEndpoints;
import io.ncprollout.ncp.NcpRegion;
import io.ncprollout.ncp.NcpSite;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import java.time.Clock;
import java.util.Optional;

/**
 * Wiring of the NCP side: the real API when keys are configured, otherwise an embedded simulator on a
 * loopback port with generated keys. Either way the rest of the program talks to it through the same
 * signed HTTP client, so the simulator exercises the real code path. Closing it stops the simulator.
 */
public final class NcpBackend implements AutoCloseable {
    private final NcpClients clients;
    private final NcpRegion defaultRegion;
    private final Optional<NcpSimulator> simulator;

    private NcpBackend(NcpClients clients, NcpRegion defaultRegion, Optional<NcpSimulator> simulator) {
        this.clients = clients;
        this.defaultRegion = defaultRegion;
        this.simulator = simulator;
    }

    /**
     * Connects to the configured API, or starts the embedded simulator when no keys are set.
     *
     * @throws java.io.UncheckedIOException when the simulator cannot bind a loopback port
     */
    public static NcpBackend open(NcpConfig config, Clock clock) {
        return open(config, clock, SimulatorSettings.defaults().withClock(clock));
    }

    /**
     * Like {@link #open(NcpConfig, Clock)}, with the embedded simulator (if it is needed) built from {@code simulator}.
     *
     * @throws java.io.UncheckedIOException when the simulator cannot bind a loopback port
     */
    public static NcpBackend open(NcpConfig config, Clock clock, SimulatorSettings simulatorSettings) {
        NcpRegion region = NcpRegion.parse(config.region());
        if (config.useSimulator()) {
            NcpSimulator simulator = NcpSimulator.start(simulatorSettings);
            NcpEndpoints endpoints = new NcpEndpoints(simulator.baseUrl(), simulator.baseUrl());
            NcpClients clients = NcpClients.create(NcpClientSettings.defaults(simulator.accessKey(), simulator.secretKey(), endpoints, clock)
                    .withMaxRequestsPerSecond(config.maxRequestsPerSecond()));
            return new NcpBackend(clients, region, Optional.of(simulator));
        }
        NcpEndpoints endpoints = NcpEndpoints.of(NcpSite.parse(config.site()),
                config.cdssEndpoint().orElse(null), config.sesEndpoint().orElse(null));
        NcpClients clients = NcpClients.create(
                NcpClientSettings.defaults(config.accessKey().orElseThrow(), config.secretKey().orElseThrow(), endpoints, clock)
                        .withMaxRequestsPerSecond(config.maxRequestsPerSecond()));
        return new NcpBackend(clients, region, Optional.empty());
    }

    public NcpClients clients() {
        return clients;
    }

    public NcpRegion defaultRegion() {
        return defaultRegion;
    }

    /** The embedded simulator, present when no NCP keys are configured. */
    public Optional<NcpSimulator> simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.ifPresent(NcpSimulator::close);
    }
}
