package io.ncprollout.health;

import io.ncprollout.rollout.health.KafkaSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AbstractOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KafkaProbe} over Kafka's AdminClient: describeCluster, listTopics (internal ones included), describeTopics and
 * the topics' {@code min.insync.replicas}. Read-only: it changes nothing on the cluster. One short-lived client per
 * read, closed before it returns; every call and every wait is bounded by what is left of the target's timeout, so the
 * whole read ends within about that timeout.
 */
public final class KafkaAdminProbe implements KafkaProbe {
    static final String CLIENT_ID = "ncp-rollout-bot-health";
    private static final java.util.concurrent.atomic.AtomicLong CHECKS = new java.util.concurrent.atomic.AtomicLong();
    private static final Logger log = LoggerFactory.getLogger(KafkaAdminProbe.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    private static final long CONNECT_TIMEOUT_MAX_MS = 10_000;

    @Override
    public KafkaSnapshot read(KafkaTarget target) throws ProbeException {
        KafkaProbeFailures failures = new KafkaProbeFailures(target);
        long deadline = System.nanoTime() + target.timeout().toNanos();
        Admin admin;
        try {
            admin = Admin.create(config(target));
        } catch (RuntimeException e) {
            throw failures.notStarted(e);
        }
        try {
            return read(admin, new Deadline(deadline, failures));
        } finally {
            close(admin);
        }
    }

    /**
     * The admin client's settings: the target's own (security, SASL, TLS) first, then the bootstrap, the client id and
     * the timeouts, which the target cannot override.
     */
    static Properties config(KafkaTarget target) {
        Properties props = new Properties();
        props.putAll(target.clientProperties());
        long timeoutMs = Math.max(1, target.timeout().toMillis());
        String timeout = Long.toString(Math.min(timeoutMs, Integer.MAX_VALUE));
        String connect = Long.toString(Math.min(timeoutMs, CONNECT_TIMEOUT_MAX_MS));
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrap());
        // one id per check: checks at once (a modal, a status, a poll) would clash on Kafka's per-client-id metrics
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID + "-" + CHECKS.incrementAndGet());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, connect);
        props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, connect);
        props.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "1000");
        return props;
    }

    private static KafkaSnapshot read(Admin admin, Deadline deadline) throws ProbeException {
        DescribeClusterResult cluster = admin.describeCluster(deadline.options(new DescribeClusterOptions(), "describeCluster"));
        Collection<Node> nodes = deadline.await(cluster.nodes(), "describeCluster");
        Node controller = deadline.await(cluster.controller(), "describeCluster");
        Set<Integer> brokers = new TreeSet<>();
        nodes.forEach(n -> brokers.add(n.id()));

        Set<String> names = deadline.await(admin.listTopics(deadline.options(new ListTopicsOptions().listInternal(true), "listTopics")).names(), "listTopics");
        List<KafkaSnapshot.Partition> partitions = new ArrayList<>();
        if (!names.isEmpty()) {
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(names, deadline.options(new DescribeTopicsOptions(), "describeTopics"))
                    .topicNameValues();
            Map<String, OptionalInt> minInsync = minInsync(admin, new TreeSet<>(names), deadline);
            for (Map.Entry<String, KafkaFuture<TopicDescription>> e : new TreeMap<>(described).entrySet()) {
                String topic = e.getKey();
                TopicDescription description;
                try {
                    description = deadline.awaitAllowing(e.getValue(), "describeTopics");
                } catch (DeletedTopic gone) {
                    continue;
                } catch (Refused refused) {
                    throw deadline.failures().failed("describeTopics", new AuthorizationException("not allowed"));
                }
                for (TopicPartitionInfo p : description.partitions()) {
                    partitions.add(new KafkaSnapshot.Partition(topic, p.partition(), ids(p.replicas()), ids(p.isr()), leader(p.leader()),
                            minInsync.getOrDefault(topic, OptionalInt.empty())));
                }
            }
        }
        return new KafkaSnapshot(controller(controller), brokers, partitions);
    }

    /**
     * Each topic's {@code min.insync.replicas}; a topic whose configuration this user may not read (or that went away)
     * is left out, and the gate then judges it without that figure.
     */
    private static Map<String, OptionalInt> minInsync(Admin admin, Set<String> topics, Deadline deadline) throws ProbeException {
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, KafkaFuture<Config>> configs = admin.describeConfigs(resources, deadline.options(new DescribeConfigsOptions(), "describeConfigs"))
                .values();
        Map<String, OptionalInt> result = new HashMap<>();
        int unreadable = 0;
        for (ConfigResource resource : resources) {
            KafkaFuture<Config> future = configs.get(resource);
            if (future == null) {
                continue;
            }
            try {
                Config config = deadline.awaitAllowing(future, "describeConfigs");
                ConfigEntry entry = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
                result.put(resource.name(), parse(entry == null ? null : entry.value()));
            } catch (DeletedTopic | Refused e) {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            log.warn("min.insync.replicas of {} of {} topics could not be read (not allowed, or deleted); they are judged without it", unreadable,
                    topics.size());
        }
        return result;
    }

    private static OptionalInt parse(@Nullable String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    private static OptionalInt leader(@Nullable Node leader) {
        return leader == null || leader.isEmpty() || leader.id() < 0 ? OptionalInt.empty() : OptionalInt.of(leader.id());
    }

    private static OptionalInt controller(@Nullable Node controller) {
        return leader(controller);
    }

    private static void close(Admin admin) {
        try {
            admin.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.debug("closing the Kafka admin client failed: {}", e.getClass().getSimpleName());
        }
    }

    /** A topic listed a moment ago was deleted before it could be described: not part of the snapshot. */
    private static final class DeletedTopic extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** This user may not read the thing asked (an ACL is missing). */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** What is left of the read's time, and the waits bounded by it. */
    private record Deadline(long nanos, KafkaProbeFailures failures) {
        /** {@code options} with their timeout set to what is left. */
        <T extends AbstractOptions<T>> T options(T options, String call) throws ProbeException {
            return options.timeoutMs((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left(call)))));
        }

        <T> T await(KafkaFuture<T> future, String call) throws ProbeException {
            try {
                return awaitAllowing(future, call);
            } catch (DeletedTopic e) {
                throw failures.failed(call, new UnknownTopicOrPartitionException("a topic was deleted meanwhile"));
            } catch (Refused e) {
                throw failures.failed(call, new AuthorizationException("not allowed"));
            }
        }

        /** Like {@link #await}, but a deleted topic or a refusal is the caller's to handle. */
        <T> T awaitAllowing(KafkaFuture<T> future, String call) throws ProbeException, DeletedTopic, Refused {
            try {
                return future.get(left(call), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw failures.timedOut(call);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.interrupted(call);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof UnknownTopicOrPartitionException) {
                    throw new DeletedTopic();
                }
                if (cause instanceof AuthorizationException) {
                    throw new Refused();
                }
                throw failures.failed(call, cause);
            }
        }

        private long left(String call) throws ProbeException {
            long left = nanos - System.nanoTime();
            if (left <= 0) {
                throw failures.timedOut(call);
            }
            return left;
        }
    }
}
