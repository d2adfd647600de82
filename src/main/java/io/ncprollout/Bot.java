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
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built bot: its Bolt app, poller and notifier, and the threads and transport that {@link #start()} runs.
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
    private ScheduledExecutorService scheduler;
    private ScheduledExecutorService heartbeat;
    private ExecutorService httpExecutor;
    private SlackHttpServer http;
    private SocketModeApp socketMode;
    private Runnable housekeeping = () -> { };
    private @Nullable Metrics metrics;
    private @Nullable HealthCheck health;
    private @Nullable HttpServer opsServer;

    /**
     * What a bot drains and closes after its transport.
     *
     * @param ncp     the NCP client or embedded simulator
     * @param storage the database
     * @param work    where interaction follow-ups (prechecks, starts) run; drained on close when it is an executor service
     */
    record Closeables(NcpBackend ncp, Storage storage, Executor work) {
    }

    Bot(BotConfig config, Clock clock, App app, RolloutPoller poller, SlackProgressNotifier notifier, Closeables resources, Journal journal) {
        this.config = config;
        this.clock = clock;
        this.app = app;
        this.poller = poller;
        this.notifier = notifier;
        this.resources = resources;
        this.journal = journal;
        this.replica = journal.replica();
    }

    /** The store, outbox sender and replica the bot writes through (benchmarks start operations through it). */
    public Journal journal() {
        return journal;
    }

    /** Sets what runs on every scheduler tick besides polling (expiring approvals, the daily purge); called once by {@link BotWiring}. */
    synchronized void housekeeping(Runnable task) {
        this.housekeeping = task;
    }

    /** Runs the periodic chores once, now (tests; the scheduler runs them every 5 s; the purge does its work once a day). */
    public void runHousekeeping() {
        housekeeping.run();
    }

    /** Sets what {@code /healthz} and {@code /metrics} serve; called once by {@link BotWiring}. */
    synchronized void ops(Metrics metrics, HealthCheck health) {
        this.metrics = metrics;
        this.health = health;
    }

    /** The meters, once wired. */
    public Optional<Metrics> metrics() {
        return Optional.ofNullable(metrics);
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

    /** The port of the HTTP transport, once started in HTTP mode. */
    public int httpPort() {
        return http.port();
    }

    /** The port of {@code /healthz} and {@code /metrics}, once started. */
    public int managementPort() {
        return opsServer.getAddress().getPort();
    }

    /**
     * Starts the poller and the Slack transport: Socket Mode with the app token, else HTTP on {@code PORT}.
     *
     * @throws UncheckedIOException when the transport cannot start
     */
    public synchronized void start() {
        poller.takeOver();
        heartbeat = Executors.newSingleThreadScheduledExecutor(named("rollout-heartbeat"));
        long beat = replica.heartbeatEvery().toMillis();
        heartbeat.scheduleWithFixedDelay(poller::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        scheduler = Executors.newSingleThreadScheduledExecutor(named("rollout-poller"));
        Duration tick = config.pollInterval().compareTo(Duration.ofSeconds(1)) < 0 ? config.pollInterval() : Duration.ofSeconds(1);
        scheduler.scheduleWithFixedDelay(poller::pollOnce, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> notifier.flushPending(clock.instant()), 1, 1, TimeUnit.SECONDS);
        Runnable chores = housekeeping;
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                chores.run();
            } catch (RuntimeException e) {
                log.error("housekeeping failed; it runs again in 5 s", e);
            }
        }, 5, 5, TimeUnit.SECONDS);
        if (config.slack().socketMode()) {
            try {
                socketMode = new SocketModeApp(config.slack().appToken().orElseThrow(), app, SOCKET_MODE_CONCURRENCY);
                socketMode.startAsync();
                log.info("connected to Slack in Socket Mode");
            } catch (Exception e) {
                throw new UncheckedIOException(new IOException("Socket Mode connection failed: " + e.getMessage(), e));
            }
        } else {
            // the Slack listener owns its workers (closed with it); slow clients never reach them
            http = SlackHttpServer.start(app, config.slack().port(), clock);
            log.info("listening for Slack on port {} at {}", http.port(), SlackHttpServer.PATH);
        }
        if (metrics != null && health != null) {
            // management endpoints on their own port and threads, off the public Slack listener in HTTP mode
            int port = config.slack().managementPort();
            httpExecutor = Executors.newFixedThreadPool(2, named("ops-http"));
            opsServer = OpsHttpHandlers.start(port, httpExecutor, metrics, health);
            log.info("serving {} and {} on port {}", OpsHttpHandlers.HEALTHZ, OpsHttpHandlers.METRICS, opsServer.getAddress().getPort());
        }
    }

    @Override
    public synchronized void close() {
        long began = System.nanoTime();
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("closing Socket Mode: {}", e.toString());
            }
        }
        if (http != null) {
            http.close();
        }
        if (opsServer != null) {
            opsServer.stop(0);
        }
        long listening = System.nanoTime();
        drainWork();
        long drained = System.nanoTime();
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
        if (scheduler != null) {
            scheduler.shutdown(); // the cycle in flight finishes; no new one starts
            awaitPoller();
        }
        if (heartbeat != null) {
            heartbeat.shutdownNow();
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

    /** Lets the starts and prechecks in hand finish (bounded), so no start is cut between being sent and being stored. */
    private void drainWork() {
        if (!(resources.work() instanceof ExecutorService work)) {
            return;
        }
        work.shutdown();
        try {
            if (!work.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("work still running after {} s; interrupting it (an unfinished start is recovered at the next startup)", DRAIN.toSeconds());
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            work.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a poll cycle in flight finish its commits before the store closes; interrupts it after {@link #DRAIN}. */
    private void awaitPoller() {
        try {
            if (!scheduler.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
                if (!scheduler.awaitTermination(2, TimeUnit.SECONDS)) {
                    log.warn("the poller did not stop; closing the store under it");
                }
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
