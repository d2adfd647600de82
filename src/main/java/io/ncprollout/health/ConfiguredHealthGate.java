package io.ncprollout.health;

import io.ncprollout.config.HealthSettings;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Globs;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.HealthGate;
import io.ncprollout.rollout.health.KafkaSnapshot;
import io.ncprollout.rollout.health.KafkaVerdicts;
import io.ncprollout.rollout.health.SearchSnapshot;
import io.ncprollout.rollout.health.SearchVerdicts;
import io.ncprollout.rollout.operation.DataEndpoints;
import io.ncprollout.rollout.operation.OperationsApi;
import io.ncprollout.rollout.operation.OperationsException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gates of the configuration file's {@code health:} section: the first rule whose globs match the cluster's name
 * says where and how to look; {@code auto} asks NCP where the data plane answers. A cluster no rule covers has no gate
 * ({@link GateReport#off()}). Whatever fails on the way is an {@link GateReport.Verdict#UNREACHABLE} report naming it,
 * an unexpected exception included. One check, NCP's address lookup and every endpoint tried, ends within the rule's
 * timeout plus {@link #SLACK}: past it the caller gets "no answer" and the check is abandoned (its own timeouts end it).
 */
public final class ConfiguredHealthGate implements HealthGate {
    private static final Logger log = LoggerFactory.getLogger(ConfiguredHealthGate.class);
    /** Beyond a rule's timeout, what a check may take for NCP's address lookup and closing its client. */
    static final Duration SLACK = Duration.ofSeconds(3);
    /** The most OpenSearch nodes an {@code auto} check tries: one answer is enough, and each costs up to the timeout. */
    static final int AUTO_ENDPOINTS = 3;
    /** How long NCP's answer to "where does this cluster's data plane answer" is reused. */
    static final Duration ADDRESSES_FOR = Duration.ofMinutes(5);

    private final HealthSettings settings;
    private final OperationsApi api;
    private final KafkaProbe kafka;
    private final SearchProbe search;
    private final Function<String, Optional<String>> env;
    private final ExecutorService checks;
    /** Where each cluster's data plane answers, as NCP said it lately: a node list changes rarely, and polls ask often. */
    private final com.github.benmanes.caffeine.cache.Cache<String, DataEndpoints> addresses = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .expireAfterWrite(ADDRESSES_FOR).maximumSize(10_000).build();

    /**
     * @param settings the file's {@code health:} section
     * @param api      asked where the data plane answers when a rule says {@code auto}
     * @param env      reads the environment variables the rules name
     */
    public ConfiguredHealthGate(HealthSettings settings, OperationsApi api, KafkaProbe kafka, SearchProbe search, Function<String, Optional<String>> env) {
        this.settings = settings;
        this.api = api;
        this.kafka = kafka;
        this.search = search;
        this.env = env;
        AtomicInteger n = new AtomicInteger();
        this.checks = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "health-gate-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The bot's gate for the file's {@code health:} section: none when it is empty, else the configured gate over the
     * real probes (Kafka's AdminClient, OpenSearch's REST API), with the secrets read at start.
     */
    public static HealthGate of(HealthSettings settings, OperationsApi api, io.ncprollout.config.Secrets secrets) {
        return settings.isEmpty() ? HealthGate.none() : new ConfiguredHealthGate(settings, api, new KafkaAdminProbe(), new OpenSearchHealthProbe(), secrets::get);
    }

    /** The Kafka rule that covers {@code cluster}, if any. */
    public Optional<HealthSettings.KafkaGate> kafkaRule(ClusterRef cluster) {
        return cluster.product() != Product.KAFKA ? Optional.empty()
                : settings.kafka().stream().filter(r -> Globs.matchesAny(r.clusters(), cluster.name())).findFirst();
    }

    /** The OpenSearch rule that covers {@code cluster}, if any. */
    public Optional<HealthSettings.SearchGate> searchRule(ClusterRef cluster) {
        return cluster.product() != Product.OPENSEARCH ? Optional.empty()
                : settings.opensearch().stream().filter(r -> Globs.matchesAny(r.clusters(), cluster.name())).findFirst();
    }

    @Override
    public GateReport check(ClusterRef cluster) {
        Optional<HealthSettings.KafkaGate> k = kafkaRule(cluster);
        if (k.isPresent()) {
            return bounded(cluster, GateReport.Gate.KAFKA, k.get().timeout(), () -> checkKafka(cluster, k.get()));
        }
        Optional<HealthSettings.SearchGate> s = searchRule(cluster);
        if (s.isPresent()) {
            return bounded(cluster, GateReport.Gate.OPENSEARCH, s.get().timeout(), () -> checkSearch(cluster, s.get()));
        }
        return GateReport.off();
    }

    /** {@code check}, ended within {@code timeout} + {@link #SLACK}; what it throws is a look that could not see. */
    private GateReport bounded(ClusterRef cluster, GateReport.Gate gate, Duration timeout, Callable<GateReport> check) {
        Future<GateReport> running;
        try {
            running = checks.submit(check);
        } catch (RejectedExecutionException e) {
            return GateReport.unreachable(gate, "the bot is shutting down");
        }
        Duration limit = timeout.plus(SLACK);
        try {
            return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return unreachable(cluster, gate, "no answer within " + limit.toSeconds() + "s (NCP's address lookup and the gate's check together)");
        } catch (ExecutionException e) {
            // the class only: an unexpected exception's message could quote a setting
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.error("health gate of {}: unexpected {}", cluster.name(), cause.getClass().getName());
            return GateReport.unreachable(gate, "the check failed unexpectedly (" + cause.getClass().getSimpleName() + "); see the bot's log");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return GateReport.unreachable(gate, "interrupted: the bot is shutting down");
        }
    }

    private GateReport checkKafka(ClusterRef cluster, HealthSettings.KafkaGate rule) {
        try {
            int expected = 0;
            List<String> bootstrap = rule.bootstrap();
            if (rule.auto()) {
                DataEndpoints endpoints = endpoints(cluster);
                bootstrap = rule.security().tls() ? endpoints.tls() : endpoints.plaintext();
                expected = endpoints.expectedBrokers();
                if (bootstrap.isEmpty()) {
                    return GateReport.unreachable(GateReport.Gate.KAFKA, "NCP lists no " + (rule.security().tls() ? "TLS" : "plaintext")
                            + " broker address for " + cluster.name() + " (getBrokerInfo); set bootstrap in the health section");
                }
            }
            Map<String, String> props = KafkaClientSettings.of(rule.security(), env);
            KafkaSnapshot seen = kafka.read(new KafkaTarget(String.join(",", bootstrap), props, rule.timeout()));
            return KafkaVerdicts.judge(seen, rule.maxUnderReplicated(), expected);
        } catch (OperationsException e) {
            return unreachable(cluster, GateReport.Gate.KAFKA, "NCP did not say where its brokers are: " + e.getMessage());
        } catch (ProbeException e) {
            return unreachable(cluster, GateReport.Gate.KAFKA, e.getMessage());
        }
    }

    private GateReport checkSearch(ClusterRef cluster, HealthSettings.SearchGate rule) {
        try {
            List<URI> endpoints = rule.endpoints();
            if (rule.auto()) {
                endpoints = endpoints(cluster).tls().stream().limit(AUTO_ENDPOINTS).map(hostPort -> URI.create("https://" + hostPort)).toList();
                if (endpoints.isEmpty()) {
                    return GateReport.unreachable(GateReport.Gate.OPENSEARCH, "NCP lists no node address for " + cluster.name()
                            + " (getClusterInfo); set endpoint in the health section");
                }
            }
            Optional<String> user = variable(rule.usernameEnv(), "username_env");
            Optional<String> password = variable(rule.passwordEnv(), "password_env");
            SearchSnapshot seen = search.read(new SearchTarget(endpoints, user, password, rule.ca(), rule.timeout()));
            return SearchVerdicts.judge(seen, rule.require());
        } catch (OperationsException e) {
            return unreachable(cluster, GateReport.Gate.OPENSEARCH, "NCP did not say where its nodes are: " + e.getMessage());
        } catch (ProbeException e) {
            return unreachable(cluster, GateReport.Gate.OPENSEARCH, e.getMessage());
        }
    }

    /** NCP's addresses of {@code cluster}'s data plane, reused for {@link #ADDRESSES_FOR}; a failure is not kept. */
    private DataEndpoints endpoints(ClusterRef cluster) throws OperationsException {
        String key = cluster.product() + "/" + cluster.region() + "/" + cluster.number();
        DataEndpoints known = addresses.getIfPresent(key);
        if (known != null) {
            return known;
        }
        DataEndpoints read = api.endpoints(cluster);
        if (!read.plaintext().isEmpty() || !read.tls().isEmpty()) {
            addresses.put(key, read);
        }
        return read;
    }

    private Optional<String> variable(Optional<String> name, String key) throws ProbeException {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> value = env.apply(name.get()).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            throw new ProbeException("the environment variable " + name.get() + " (the gate's " + key + ") is not set");
        }
        return value;
    }

    private static GateReport unreachable(ClusterRef cluster, GateReport.Gate gate, String why) {
        log.warn("health gate of {}: cannot look: {}", cluster.name(), why);
        return GateReport.unreachable(gate, why);
    }
}
