package io.ncprollout.rollout.operation;

import java.util.Objects;

/**
 * A cloud API call that did not do what was asked, classified by what the caller can do about it.
 * The message is written for the Slack user: what happened and what to do next. It never holds a secret.
 */
public final class OperationsException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, by what the caller can do about it. */
    public enum Reason {
        /** The platform answered and said no (a failed precheck, an operation already running): show its message. */
        REFUSED(false),
        /** The cluster does not exist in that region, or the caller may not see it. */
        NOT_FOUND(false),
        /** The bot's API keys were rejected or lack permission: an operator must fix the configuration. */
        UNAUTHORIZED(false),
        /** The API could not be reached or failed for now (network, 5xx, throttling): trying again later may work. */
        UNAVAILABLE(true),
        /** A start request was sent but its answer was lost: it may or may not have started; read progress to know. */
        OUTCOME_UNKNOWN(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** True when the same call may succeed if simply made again later. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Reason reason;

    public OperationsException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    public OperationsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    public Reason reason() {
        return reason;
    }

    /** Never null: every constructor sets a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
