package io.ncprollout.health;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach a Kafka cluster's admin API.
 *
 * @param bootstrap        {@code host:port,host:port}
 * @param clientProperties Kafka client settings beyond the bootstrap ({@code security.protocol}, {@code sasl.*},
 *                         {@code ssl.*}); may hold secrets, so {@link #toString()} shows their keys only
 * @param timeout          the most the whole read may take
 */
public record KafkaTarget(String bootstrap, Map<String, String> clientProperties, Duration timeout) {
    public KafkaTarget {
        Objects.requireNonNull(bootstrap, "bootstrap == null");
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(timeout, "timeout == null");
    }

    @Override
    public String toString() {
        return "KafkaTarget[bootstrap=" + bootstrap + ", clientProperties=" + new java.util.TreeSet<>(clientProperties.keySet()) + ", timeout=" + timeout + "]";
    }
}
