package io.ncprollout.rollout.health;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What Kafka's admin API said about a cluster at one instant: read-only facts, no verdict.
 *
 * @param controller the active controller's id, if any
 * @param brokers    the ids of the brokers registered now
 * @param partitions every partition of every topic (internal ones included)
 */
public record KafkaSnapshot(OptionalInt controller, Set<Integer> brokers, List<Partition> partitions) {
    public KafkaSnapshot {
        Objects.requireNonNull(controller, "controller == null");
        brokers = Set.copyOf(brokers);
        partitions = List.copyOf(partitions);
    }

    /**
     * One partition.
     *
     * @param topic     the topic's name
     * @param partition its number
     * @param replicas  the broker ids of its replicas, in order
     * @param isr       the in-sync replicas
     * @param leader    the leader's broker id, empty when the partition is offline
     * @param minInsync the topic's {@code min.insync.replicas}, when it could be read
     */
    public record Partition(String topic, int partition, List<Integer> replicas, List<Integer> isr, OptionalInt leader, OptionalInt minInsync) {
        public Partition {
            Objects.requireNonNull(topic, "topic == null");
            replicas = List.copyOf(replicas);
            isr = List.copyOf(isr);
            Objects.requireNonNull(leader, "leader == null");
            Objects.requireNonNull(minInsync, "minInsync == null");
        }

        /** {@code topic-3}, Kafka's own way of naming a partition. */
        public String name() {
            return topic + "-" + partition;
        }

        public boolean underReplicated() {
            return isr.size() < replicas.size();
        }
    }
}
