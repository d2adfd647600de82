package io.ncprollout.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ncprollout.Bot;
import io.ncprollout.BotWiring;
import io.ncprollout.NcpBackend;
import io.ncprollout.Storage;
import io.ncprollout.config.BotConfig;
import io.ncprollout.ncp.NcpOperationsGateway;
import io.ncprollout.ncp.NcpRegion;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.sim.ClusterSpec;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import io.ncprollout.store.CachedClusterDirectory;
import io.ncprollout.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scale set-up shared by items 3 and 4: {@code n} three-broker Kafka clusters on an NCP simulator of their own
 * (so it outlives a bot restart, as NCP would), a bot in HTTP mode that reaches it with keys as it would reach NCP,
 * the embedded H2 store in {@code dataDir}, and a fake Slack Web API.
 */
final class Fleet {
    static final String CHANNEL = "C0BENCH";

    final BenchSlack slack;
    final NcpSimulator simulator;
    final Path dataDir;
    final int clusters;

    /** Per rollout (by parent message ts): when its start returned, in System.nanoTime. */
    final Map<String, Long> startReturnedAt = new ConcurrentHashMap<>();

    Fleet(BenchSlack slack, int clusters, Duration nodeStep, Path dataDir) {
        this.slack = slack;
        this.clusters = clusters;
        this.dataDir = dataDir;
        List<ClusterSpec> specs = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            specs.add(ClusterSpec.kafka(name(i), NcpRegion.KR, number(i), "3713006", 3));
        }
        simulator = NcpSimulator.start(SimulatorSettings.defaults().withNodeStep(nodeStep).withClusters(specs));
    }

    static String name(int i) {
        return String.format("bench-%04d", i);
    }

    static long number(int i) {
        return 30_000_000L + i;
    }

    /** A running bot on the fleet's store, with at most {@code maxNcpPerSecond} NCP requests a second. */
    Bot startBot(double maxNcpPerSecond, Duration poll, Clock clock, ExecutorService work) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", AckBench.TOKEN, "SLACK_SIGNING_SECRET", AckBench.SECRET,
                "SLACK_API_URL", slack.apiUrl(), "PORT", String.valueOf(AckBench.freePort()),
                "NCP_ACCESS_KEY", simulator.accessKey(), "NCP_SECRET_KEY", simulator.secretKey(),
                "NCP_CDSS_ENDPOINT", simulator.baseUrl(), "NCP_SES_ENDPOINT", simulator.baseUrl(),
                "ROLLOUT_POLL_INTERVAL", poll.toSeconds() + "s", "ROLLOUT_STALL_AFTER", "10m"));
        env.put("NCP_MAX_REQUESTS_PER_SECOND", String.valueOf(maxNcpPerSecond));
        env.put("METRICS_PORT", String.valueOf(AckBench.freePort()));
        BotConfig config = BotConfig.fromEnv(env);
        NcpBackend ncp = NcpBackend.open(config.ncp(), clock);
        Storage storage = Storage.open(DatabaseSettings.embedded(dataDir));
        Bot bot = BotWiring.build(config, clock, ncp, storage, work);
        bot.start();
        lastBackend = ncp;
        lastStorage = storage;
        return bot;
    }

    /** The simulator's default: everyone may start (as in the bot without a permissions file). */
    private Gatekeeper openGatekeeper(Clock clock) {
        return new Gatekeeper(new AccessPolicy(AccessPolicy.Mode.OPEN, List.of(), AccessPolicy.Principals.everyone(), java.util.Set.of()),
                (user, group) -> false, lastStorage.safekeeping().freezes(), lastStorage.audit(), clock, new io.ncprollout.slack.render.BundleAuditWording());
    }

    NcpBackend lastBackend;
    Storage lastStorage;

    /** Starts a restart on every cluster from 8 threads (as the bot's work pool would), through the bot's own parts. */
    List<StartOutcome> startAll(Bot bot, Clock clock) throws Exception {
        NcpOperationsGateway gateway = new NcpOperationsGateway(lastBackend.clients());
        RolloutService service = new RolloutService(new Platform(gateway,
                new CachedClusterDirectory(gateway::listClusters, Duration.ofMinutes(1), Ticker.systemTicker())),
                bot.journal(), bot.notifier(), openGatekeeper(clock), clock, () -> UUID.randomUUID().toString());
        ExecutorService starters = Executors.newFixedThreadPool(8);
        List<Future<StartOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            ClusterRef ref = new ClusterRef(Product.KAFKA, String.valueOf(number(i)), name(i), "KR");
            RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, ref), "U1", "bench");
            futures.add(starters.submit(() -> {
                StartOutcome outcome = service.start(request, CHANNEL);
                long now = System.nanoTime();
                outcome.rollout().ifPresent(t -> startReturnedAt.put(t.thread().parentTs(), now));
                return outcome;
            }));
        }
        List<StartOutcome> outcomes = new ArrayList<>();
        for (Future<StartOutcome> f : futures) {
            outcomes.add(f.get());
        }
        starters.shutdown();
        return outcomes;
    }
}
