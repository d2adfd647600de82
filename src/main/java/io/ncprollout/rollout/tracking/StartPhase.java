package io.ncprollout.rollout.tracking;

/**
 * The start journal: how far starting an operation got. The row records each phase before the step it names is
 * taken, so that after a crash the next process knows what may have reached Slack and NCP.
 *
 * <pre>
 * RECEIVED ──▶ CLAIMED ──▶ ANNOUNCED ──▶ SENDING ──▶ SENT
 *    │            │            │            └──────▶ OUTCOME_UNKNOWN
 *    └────────────┴────────────┴──▶ (crash) recovery: NOT_STARTED, nothing was sent to NCP
 *                                    SENDING after a crash: tracked as OUTCOME_UNKNOWN, never sent again
 * </pre>
 */
public enum StartPhase {
    /**
     * A submitted form, stored before Slack was answered: the request is being handled (permissions, approval rule,
     * claim). It holds no cluster; it becomes the claim, or is dismissed once the requester has the answer.
     */
    RECEIVED,
    /** The cluster is claimed and the precheck runs again; nothing is posted yet. */
    CLAIMED,
    /** The parent message and the progress reply are posted; nothing was sent to NCP. */
    ANNOUNCED,
    /** The start is being sent: from here on NCP may have it, so it is never sent again. */
    SENDING,
    /** NCP accepted the start. */
    SENT,
    /** The start was sent but its answer was lost (or the bot died while sending it): the cluster will tell. */
    OUTCOME_UNKNOWN;

    /** True once NCP may have received the start: the operation is tracked from the cluster's state. */
    public boolean mayHaveReachedNcp() {
        return this == SENDING || this == SENT || this == OUTCOME_UNKNOWN;
    }

    /** True when NCP's answer to the start was seen: success need not be doubted for want of an answer. */
    public boolean confirmed() {
        return this == SENT;
    }
}
