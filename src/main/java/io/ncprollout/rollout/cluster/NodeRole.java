package io.ncprollout.rollout.cluster;

/**
 * What a node is in its cluster. {@link #OTHER} keeps an undocumented role code visible rather than failing. Its
 * words (a broker, brokers…) are the Slack side's, under {@code role.<ROLE>.one} and {@code role.<ROLE>.many}.
 */
public enum NodeRole {
    BROKER,
    ZOOKEEPER,
    CMAK,
    MANAGER,
    DATA,
    OTHER
}
