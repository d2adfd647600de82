package io.ncprollout.rollout.fleet;

import java.util.Objects;

/**
 * Why a fleet stopped.
 *
 * @param why    the kind of cause
 * @param detail the cluster whose operation ended badly, or the freeze's reason; may be empty
 * @param by     who pressed Stop, or the rollout state the cluster ended in ({@code FAILED}, {@code STALLED}, …), or empty
 */
public record StopCause(Why why, String detail, String by) {
    public enum Why {
        /** A cluster's operation ended in another state than completed. */
        CLUSTER_ENDED,
        /** A freeze covers the next cluster. */
        FROZEN,
        /** Someone pressed Stop. */
        STOPPED_BY,
        /**
         * Its message could not be posted, or the bot died while posting it (whether Slack has it is unknown, so it is
         * not posted again): nothing of it started, and the requester is told.
         */
        NOT_ANNOUNCED,
        /** An approver, or the requester, rejected it before anything started. */
        REJECTED,
        /** Nobody approved it before the rule's expiry. */
        APPROVAL_EXPIRED,
        /**
         * Its start time ({@code --at}) passed by more than {@link io.ncprollout.rollout.schedule.ScheduleSteps#GRACE}
         * before its first wave could start (the bot was down, or it was approved too late): not started late.
         */
        MISSED
    }

    public StopCause {
        Objects.requireNonNull(why, "why == null");
        Objects.requireNonNull(detail, "detail == null");
        Objects.requireNonNull(by, "by == null");
    }
}
