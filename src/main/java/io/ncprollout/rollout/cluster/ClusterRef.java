package io.ncprollout.rollout.cluster;

import java.util.Objects;

/**
 * A cluster as the bot names it to users and to NCP.
 *
 * @param service whether it is a Kafka (CDSS) or OpenSearch (SES) cluster
 * @param number  NCP's {@code serviceGroupInstanceNo}
 * @param name    the cluster name
 * @param region  the region code, upper case ({@code KR}, {@code SGN}, …)
 */
public record ClusterRef(Product product, String number, String name, String region) {
    public ClusterRef {
        Objects.requireNonNull(product, "product == null");
        Objects.requireNonNull(number, "number == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(region, "region == null");
    }

    /** True for the same cluster: the same service, region and number. The name is only for display. */
    public boolean isSameCluster(ClusterRef other) {
        return product == other.product && region.equals(other.region) && number.equals(other.number);
    }
}
