package io.ncprollout.rollout.cluster;

/** What a node is in its cluster. {@link #OTHER} keeps an undocumented role code visible rather than failing. */
public enum NodeRole {
    BROKER("broker", "brokers"),
    ZOOKEEPER("ZooKeeper node", "ZooKeeper nodes"),
    CMAK("CMAK", "CMAK"),
    MANAGER("manager node", "manager nodes"),
    DATA("data node", "data nodes"),
    OTHER("node", "nodes");

    private final String singular;
    private final String plural;

    NodeRole(String singular, String plural) {
        this.singular = singular;
        this.plural = plural;
    }

    public String singular() {
        return singular;
    }

    public String plural() {
        return plural;
    }
}
