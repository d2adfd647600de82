package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * Where a CDSS cluster's brokers answer ({@code GET /cluster/getBrokerInfo/{no}}, NCP's "Get node communication
 * information"). Every list is one String: {@code brokerNodeList} ({@code host:9092,…}), {@code brokerTlsNodeList}
 * ({@code host:9093,…}), {@code localDnsList}, {@code localDnsTlsList} and {@code zookeeperList} comma-separated; the
 * {@code publicEndpoint…} ones newline-separated. {@code brokerNodeDnsInfoList} is an array whose items the docs do not
 * describe, so it is kept as raw JSON. A missing String is {@code ""}; unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdssBrokerInfo(
        JsonNode brokerNodeDnsInfoList,
        String brokerNodeList,
        String brokerTlsNodeList,
        String publicEndpointBrokerNodeList,
        String publicEndpointBrokerNodeListenerPortList,
        String publicEndpointBrokerTlsNodeList,
        String publicEndpointBrokerTlsNodeListenerPortList,
        String localDnsList,
        String localDnsTlsList,
        String zookeeperList) {
    public CdssBrokerInfo {
        brokerNodeDnsInfoList = brokerNodeDnsInfoList == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : brokerNodeDnsInfoList;
        brokerNodeList = orEmpty(brokerNodeList);
        brokerTlsNodeList = orEmpty(brokerTlsNodeList);
        publicEndpointBrokerNodeList = orEmpty(publicEndpointBrokerNodeList);
        publicEndpointBrokerNodeListenerPortList = orEmpty(publicEndpointBrokerNodeListenerPortList);
        publicEndpointBrokerTlsNodeList = orEmpty(publicEndpointBrokerTlsNodeList);
        publicEndpointBrokerTlsNodeListenerPortList = orEmpty(publicEndpointBrokerTlsNodeListenerPortList);
        localDnsList = orEmpty(localDnsList);
        localDnsTlsList = orEmpty(localDnsTlsList);
        zookeeperList = orEmpty(zookeeperList);
    }

    /** The plaintext listeners ({@code host:9092}), in NCP's order. */
    public List<String> plaintextBrokers() {
        return split(brokerNodeList, ",");
    }

    /** The TLS listeners ({@code host:9093}), in NCP's order. */
    public List<String> tlsBrokers() {
        return split(brokerTlsNodeList, ",");
    }

    /** The ZooKeeper ensemble ({@code host:2181}). */
    public List<String> zookeepers() {
        return split(zookeeperList, ",");
    }

    /** The public plaintext listeners (newline-separated in the response); empty when the cluster has none. */
    public List<String> publicBrokers() {
        return split(publicEndpointBrokerNodeList, "\\R");
    }

    /** {@code list} cut at {@code separator} (a regex), each entry trimmed, empty entries dropped. */
    static List<String> split(String list, String separator) {
        return Arrays.stream(list.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
