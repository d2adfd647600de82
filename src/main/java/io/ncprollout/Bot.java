package io.ncprollout;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.sun.net.httpserver.HttpServer;
import io.ncprollout.config.BotConfig;
import io.ncprollout.ops.HealthCheck;
import io.ncprollout.ops.Metrics;
import io.ncprollout.ops.OpsHttpHandlers;
import io.ncprollout.rollout.Journal;
import io.ncprollout.rollout.RolloutPoller;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.slack.SlackHttpServer;
import io.ncprollout.slack.SlackProgressNotifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built bot: its Bolt app, poller and notifier, and the threads and transport that {@link #start()} runs. The one
 * lifecycle of the server, the local shell and the tests: {@link BotWiring#build} makes it whole (nothing is set
 * afterwards), {@link #start(Transport)} runs it (the server listens to Slack, the shell hands requests to
 * {@link #app()} itself), {@link #close()} stops it. Tests on an injected clock skip {@code start} and run the
 * scheduled work themselves: {@link RolloutPoller#pollOnce()} and {@link #runHousekeeping()}.
 *
 * <p>Starting takes the operations over first (on the embedded store every unfinished one, since the process before
 * is dead; on PostgreSQL its own, with a stable {@code INSTANCE_ID}), then polls at once, renews the leases
 * on a heartbeat of its own, and only then listens to Slack. Closing is graceful, each step bounded: stop accepting
 * requests, let the work in hand finish (a start being sent gets its answer stored), stop the poll cycle, give the
 * leases up so another replica takes over at once, and close the store last.
 */
public final class Bot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Bot.class);
    static final int SOCKET_MODE_CONCURRENCY = 8;
    /** How long closing waits for the work in hand and for the poll cycle, each. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    private final BotConfig config;
    private final Clock clock;
    private final App app;
    private final RolloutPoller poller;
    private final SlackProgressNotifier notifier;
    private final Closeables resources;
    private final Journal journal;
    private final Replica replica;
    private final Runnable housekeeping;
    private final Ops ops;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable ScheduledExecutorService heartbeat;
    private @Nullable ExecutorService httpExecutor;
    private @Nullable SlackHttpServer http;
    private @Nullable SocketModeApp socketMode;
    private @Nullable HttpServer opsServer;

    /** Where Slack's requests reach the bot. */
    public enum Transport {
        /** Socket Mode, with the app token. */
        SOCKET_MODE,
        /** HTTP on {@code PORT}, at {@code /slack/events}. */
        HTTP,
        /** None: the caller hands signed requests to {@link #app()} itself (the local shell); no management port either. */
        IN_PROCESS
    }

    /**
     * What {@code /healthz} and {@code /metrics} serve.
     *
     * @param metrics the meters
     * @param health  the checks
     */
    record Ops(Metrics metrics, HealthCheck health) {
    }

    /**
     * What a bot drains and closes after its transport.
     *
     * @param ncp     the NCP client or embedded simulator
     * @param storage the database
     * @param work    where interaction follow-ups (prechecks, starts) run; drained on close when it is an executor service
     */
    record Closeables(NcpBackend ncp, Storage storage, Executor work) {
    }

    /** @param housekeeping the periodic chores (expiring approvals, the daily purge), run every 5 s once started */
    Bot(BotConfig config, Clock clock, App app, RolloutPoller poller, SlackProgressNotifier notifier, Closeables resources, Journal journal,
            Runnable housekeeping, Ops ops) {
        this.config = config;
        this.clock = clock;
        this.app = app;
        this.poller = poller;
        this.notifier = notifier;
        this.resources = resources;
        this.journal = journal;
        this.replica = journal.replica();
        this.housekeeping = housekeeping;
        this.ops = ops;
    }

    /** The store, outbox sender and replica the bot writes through (benchmarks start operations through it). */
    public Journal journal() {
        return journal;
    }

    /** Runs the periodic chores once, now (tests; the scheduler runs them every 5 s; the purge does its work once a day). */
    public void runHousekeeping() {
        housekeeping.run();
    }

    /** The meters {@code /metrics} serves. */
    public Metrics metrics() {
        return ops.metrics();
    }

    public App app() {
        return app;
    }

    public RolloutPoller poller() {
        return poller;
    }

    public SlackProgressNotifier notifier() {
        return notifier;
    }

    /** The port Slack's requests come to: present once started with {@link Transport#HTTP}. */
    public synchronized OptionalInt httpPort() {
        return http == null ? OptionalInt.empty() : OptionalInt.of(http.port());
    }

    /** The port of {@code /healthz} and {@code /metrics}: present once started with a Slack transport. */
    public synchronized OptionalInt managementPort() {
        return opsServer == null ? OptionalInt.empty() : OptionalInt.of(opsServer.getAddress().getPort());
    }

    /** The transport the configuration asks for: Socket Mode when an app token is set, else HTTP. */
    public Transport configuredTransport() {
        return config.slack().socketMode() ? Transport.SOCKET_MODE : Transport.HTTP;
    }

    /**
     * Sends the thread notices due now, on the poll thread once started (so never beside a poll cycle), else here.
     *
     * @return done when they were sent
     */
    public synchronized Future<?> flushNow() {
        if (scheduler == null) {
            notifier.flushPending(clock.instant());
            return CompletableFuture.completedFuture(null);
        }
        return scheduler.submit(() -> notifier.flushPending(clock.instant()));
    }

    /** Starts with {@link #configuredTransport()}: what the server does. */
    public void start() {
        start(configuredTransport());
    }

    /**
     * Takes the operations over, then starts the poller, the heartbeat, the housekeeping and, unless
     * {@code transport} is {@link Transport#IN_PROCESS}, the Slack transport and the management port.
     *
     * @throws UncheckedIOException when the transport cannot start
     * @throws IllegalStateException when already started
     */
    public synchronized void start(Transport transport) {
        if (scheduler != null) {
            throw new IllegalStateException("the bot is already started");
        }
        poller.takeOver();
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(BotThreads.named("rollout-heartbeat"));
        heartbeat = beats;
        long beat = replica.heartbeatEvery().toMillis();
        beats.scheduleWithFixedDelay(poller::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        ScheduledExecutorService cycles = Executors.newSingleThreadScheduledExecutor(BotThreads.named("rollout-poller"));
        scheduler = cycles;
        Duration tick = config.pollInterval().compareTo(Duration.ofSeconds(1)) < 0 ? config.pollInterval() : Duration.ofSeconds(1);
        // each task catches what it throws: an exception would cancel its schedule for good
        cycles.scheduleWithFixedDelay(BotThreads.guarded("a poll cycle", poller::pollOnce), 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        cycles.scheduleWithFixedDelay(BotThreads.guarded("sending thread notices", () -> notifier.flushPending(clock.instant())), 1, 1, TimeUnit.SECONDS);
        cycles.scheduleWithFixedDelay(BotThreads.guarded("housekeeping", housekeeping), 5, 5, TimeUnit.SECONDS);
        if (transport == Transport.IN_PROCESS) {
            return;
        }
        if (transport == Transport.SOCKET_MODE) {
            try {
                socketMode = new SocketModeApp(config.slack().appToken().orElseThrow(), app, SOCKET_MODE_CONCURRENCY);
                socketMode.startAsync();
                log.info("connected to Slack in Socket Mode");
            } catch (Exception e) {
                throw new UncheckedIOException(new IOException("Socket Mode connection failed: " + e.getMessage(), e));
            }
        } else {
            // the Slack listener owns its workers (closed with it); slow clients never reach them
            SlackHttpServer listening = SlackHttpServer.start(app, config.slack().port(), clock);
            http = listening;
            log.info("listening for Slack on port {} at {}", listening.port(), SlackHttpServer.PATH);
        }
        // management endpoints on their own port and threads, off the public Slack listener in HTTP mode
        ExecutorService opsThreads = Executors.newFixedThreadPool(2, BotThreads.named("ops-http"));
        httpExecutor = opsThreads;
        HttpServer served = OpsHttpHandlers.start(config.slack().managementPort(), opsThreads, ops.metrics(), ops.health());
        opsServer = served;
        log.info("serving {} and {} on port {}", OpsHttpHandlers.HEALTHZ, OpsHttpHandlers.METRICS, served.getAddress().getPort());
    }

    @Override
    public synchronized void close() {
        long began = System.nanoTime();
        SocketModeApp socket = socketMode;
        if (socket != null) {
            try {
                socket.close();
            } catch (Exception e) {
                log.warn("closing Socket Mode: {}", e.toString());
            }
        }
        SlackHttpServer slackHttp = http;
        if (slackHttp != null) {
            slackHttp.close();
        }
        HttpServer served = opsServer;
        if (served != null) {
            served.stop(0);
        }
        long listening = System.nanoTime();
        BotThreads.drain(resources.work(), DRAIN);
        long drained = System.nanoTime();
        ExecutorService opsThreads = httpExecutor;
        if (opsThreads != null) {
            opsThreads.shutdownNow();
        }
        ScheduledExecutorService cycles = scheduler;
        if (cycles != null) {
            cycles.shutdown(); // the cycle in flight finishes; no new one starts
            BotThreads.awaitPoller(cycles, DRAIN);
        }
        ScheduledExecutorService beats = heartbeat;
        if (beats != null) {
            beats.shutdownNow();
        }
        long polled = System.nanoTime();
        poller.releaseLeases();
        resources.ncp().close();
        resources.storage().close();
        long done = System.nanoTime();
        log.info("stopped in {} ms (listeners {} ms, work in hand {} ms, poll cycle {} ms, leases and store {} ms)", ms(done - began),
                ms(listening - began), ms(drained - listening), ms(polled - drained), ms(done - polled));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
