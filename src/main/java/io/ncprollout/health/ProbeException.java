package io.ncprollout.health;

/**
 * A data plane that could not be read: unreachable, timed out, credentials refused, an answer not understood. The
 * message is written for the Slack user (what failed, where) and never holds a secret.
 */
public final class ProbeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Never null: every constructor sets a message. */
    @Override
    public String getMessage() {
        return java.util.Objects.requireNonNull(super.getMessage());
    }
}
