package io.ncprollout.rollout.tracking;

import java.util.Objects;

/**
 * The rollout store or the audit log could not be read or written: the database is down, unreachable, or
 * refused the statement. Retryable: the caller may try again at its next turn. After a failed write the
 * outcome is unknown (the database may have committed it), so a write is retried only where repeating it is
 * harmless, as with {@link RolloutStore#save}.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }

    /** Never null: every constructor sets a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
