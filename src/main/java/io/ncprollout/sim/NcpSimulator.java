package io.ncprollout.sim;

import com.sun.net.httpserver.HttpServer;
import io.ncprollout.ncp.NcpSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running fake NCP API gateway on 127.0.0.1 serving CDSS under every region's {@code /api/…-v1}
 * prefix and SES under every {@code /api/…-v2} prefix, with the signature check, envelopes, gateway
 * errors and per-node rolls of the real services (ncp-api.md §1-5). It is the bot's default backend
 * when no NCP keys are set, and the target of contract tests.
 *
 * <pre>
 * try (NcpSimulator sim = NcpSimulator.start(SimulatorSettings.defaults().withClock(clock))) {
 *     String cdss = sim.baseUrl() + "/api/v1/cluster/getClusterInfoList";   // sign with sim.accessKey()/secretKey()
 * }
 * </pre>
 *
 * Everything time-dependent derives from the settings' clock, so a test moves a roll forward by
 * advancing its clock; no call waits except for the latency fault. See {@link GatewayHandler} for the
 * order of gateway checks, {@link RollTimeline} for the roll, {@link CdssEndpoints} and
 * {@link SesEndpoints} for the endpoints and their modelling choices.
 */
public final class NcpSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NcpSimulator.class);
    private static final int THREADS = 4;

    private final SimulatorSettings settings;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SimulatorJournal journal;

    private NcpSimulator(SimulatorSettings settings, HttpServer server, ExecutorService executor, SimulatorJournal journal) {
        this.journal = journal;
        this.settings = settings;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds 127.0.0.1:{@code settings.port()} and starts serving.
     *
     * @throws UncheckedIOException when the port cannot be bound (for example already in use)
     */
    public static NcpSimulator start(SimulatorSettings settings) {
        SimulatorJournal journal = new SimulatorJournal();
        ClusterRegistry registry = new ClusterRegistry(settings.clusters(), settings.clock(), settings.nodeStep(),
                settings.faults());
        registry.onStart(journal::recordStart);
        List<Route> routes = new ArrayList<>(new CdssEndpoints(registry).routes());
        routes.addAll(new SesEndpoints(registry, settings.nodeStep()).routes());
        GatewayHandler handler = new GatewayHandler(new GatewayAuth(new NcpSigner(settings.accessKey(), settings.secretKey())),
                new Router(routes), settings.clock(), settings.faults(), settings.seed(), journal);
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY every answer
        // waits ~40 ms for a delayed ACK. The property is read once, when the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the NCP simulator to 127.0.0.1:" + settings.port(), e);
        }
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "ncp-simulator-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        NcpSimulator simulator = new NcpSimulator(settings, server, executor, journal);
        log.info("NCP simulator serving {} clusters at {}", settings.clusters().size(), simulator.baseUrl());
        return simulator;
    }

    /** Scheme, host and port, e.g. {@code http://127.0.0.1:8089}; append a region prefix such as {@code /api/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String accessKey() {
        return settings.accessKey();
    }

    public String secretKey() {
        return settings.secretKey();
    }

    /** The live fault switches; changes apply to the next call. */
    /** Every request answered so far. */
    public SimulatorJournal journal() {
        return journal;
    }

    public SimulatorFaults faults() {
        return settings.faults();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Stops accepting calls and frees the port; calls in flight are cut off. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "NcpSimulator[" + baseUrl() + "]";
    }
}
