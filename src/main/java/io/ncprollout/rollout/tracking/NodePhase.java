package io.ncprollout.rollout.tracking;

/** Where a node is in the operation, as followed across polls by {@link RolloutTransitions}. */
public enum NodePhase {
    /** Not yet seen changing since the operation started. */
    WAITING,
    /** Seen changing (restarting, upgrading, or in an unclear state) and not yet back. */
    IN_PROGRESS,
    /** Seen changing and back to normal, or reported complete by NCP. */
    DONE,
    /** Reported abnormal ({@code red}). */
    FAILED,
    /**
     * The operation ended and this node, not of the role it works through (ZooKeeper in a broker restart, say),
     * was never seen changing: it stayed normal throughout.
     */
    UNCHANGED
}
