package io.ncprollout.rollout.operation;

import java.util.List;

/**
 * Where a cluster's data plane answers, as the platform lists it: {@code host:port} entries.
 *
 * @param plaintext Kafka's plaintext listeners ({@code brokerNodeList}, port 9092), or OpenSearch's nodes on its
 *                  search engine port
 * @param tls       Kafka's TLS listeners ({@code brokerTlsNodeList}, port 9093); for OpenSearch the same as
 *                  {@code plaintext} (it serves HTTPS on its one port)
 * @param expectedBrokers how many brokers (Kafka) or nodes (OpenSearch) the platform says the cluster has; 0 if unknown
 */
public record DataEndpoints(List<String> plaintext, List<String> tls, int expectedBrokers) {
    public DataEndpoints {
        plaintext = List.copyOf(plaintext);
        tls = List.copyOf(tls);
    }
}
