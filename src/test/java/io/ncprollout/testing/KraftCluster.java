package io.ncprollout.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka cluster in this JVM, from Kafka's own KRaft test kit: one controller and three brokers (log dirs under
 * {@code dir}), and topics of three partitions with replication factor 3 and {@code min.insync.replicas=2}. Tuned to
 * notice a stopped broker in seconds: a follower leaves the ISR after 2 s, a silent broker is fenced after 3 s.
 */
public final class KraftCluster implements AutoCloseable {
    private final KafkaClusterTestKit kit;

    private KraftCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    /** Starts the cluster and creates {@code topics}; returns once every broker is ready and the topics exist. */
    public static KraftCluster start(Path dir, List<String> topics) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setNumControllerNodes(1).setNumBrokerNodes(3).setBaseDirectory(dir).build();
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("replica.lag.time.max.ms", "2000")
                .setConfigProp("broker.session.timeout.ms", "3000")
                .setConfigProp("broker.heartbeat.interval.ms", "500")
                .setConfigProp("controlled.shutdown.enable", "true")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        try (Admin admin = kit.admin()) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 3).configs(Map.of("min.insync.replicas", "2"))).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
        return new KraftCluster(kit);
    }

    public String bootstrap() {
        return kit.bootstrapServers();
    }

    /** Stops the broker with the highest id (as a rolling restart takes one down) and returns its id. */
    public int stopOneBroker() {
        int id = kit.brokers().keySet().stream().max(Integer::compare).orElseThrow();
        BrokerServer broker = kit.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
        return id;
    }

    /** Starts broker {@code id} again, on its port and log dirs. */
    public void restartBroker(int id) {
        kit.brokers().get(id).startup();
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
