package io.ncprollout.rollout;

/**
 * The operations the bot runs on NCP, each with the role of node whose count makes the overall progress
 * line ("2/3 brokers done") and whether it ends at a target version.
 */
public enum OperationKind {
    KAFKA_RESTART(Service.KAFKA, "restart", "Rolling restart", NodeRole.BROKER, false),
    KAFKA_UPGRADE(Service.KAFKA, "upgrade", "Rolling upgrade", NodeRole.BROKER, true),
    CMAK_RESTART(Service.KAFKA, "restart-cmak", "CMAK restart", NodeRole.CMAK, false),
    OPENSEARCH_UPGRADE(Service.OPENSEARCH, "upgrade", "Rolling upgrade", NodeRole.DATA, true);

    private final Service service;
    private final String action;
    private final String title;
    private final NodeRole countedRole;
    private final boolean versioned;

    OperationKind(Service service, String action, String title, NodeRole countedRole, boolean versioned) {
        this.service = service;
        this.action = action;
        this.title = title;
        this.countedRole = countedRole;
        this.versioned = versioned;
    }

    public Service service() {
        return service;
    }

    /** The action word of the slash command and of permission rules: {@code restart}, {@code upgrade}, {@code restart-cmak}. */
    public String action() {
        return action;
    }

    /** A capitalised noun phrase for messages, e.g. "Rolling restart". */
    public String title() {
        return title;
    }

    /** The role counted in the overall progress line. */
    public NodeRole countedRole() {
        return countedRole;
    }

    /** True when the operation completes only once the cluster reports the target version. */
    public boolean isVersioned() {
        return versioned;
    }
}
