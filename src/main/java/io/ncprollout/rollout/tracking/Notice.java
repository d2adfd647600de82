package io.ncprollout.rollout.tracking;

/** Something the thread must say besides the progress table, decided by {@link RolloutTransitions}. */
public enum Notice {
    /** No node changed state for {@link TrackerSettings#stallAfter()}: warn once and mention the requester. */
    STALL_WARNING,
    /** Nothing changed since the start for {@link TrackerSettings#noChangeGrace()}: say so rather than claim success. */
    NO_CHANGE_YET,
    /** Several reads in a row failed: say the NCP API is unreachable and that the bot keeps trying. */
    API_UNREACHABLE,
    /** A read succeeded after {@link #API_UNREACHABLE} was said. */
    API_REACHABLE_AGAIN,
    /** The bot restarted while the operation ran, and follows it again in the same thread. */
    RESUMED,
    /**
     * The bot died while sending the start, before it knew whether NCP got it: it follows the cluster to find out
     * and never sends the start again.
     */
    RESTARTED_WHILE_STARTING,
    /**
     * A node came back on a cluster with a health gate and its data has not caught up (under-replicated partitions,
     * shards not in place) within {@link TrackerSettings#stallAfter()}: warn once and mention the requester.
     */
    DATA_LAGGING,
    /** The operation reached a final state: post the final reply and update the parent message. */
    FINISHED
}
