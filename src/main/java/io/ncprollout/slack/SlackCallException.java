package io.ncprollout.slack;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Slack Web API call that did not succeed: Slack's error code ({@code not_in_channel}, {@code ratelimited},
 * …), or {@code network} / {@code http_<status>} when no answer was read.
 */
public final class SlackCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String error;
    private final transient Optional<Duration> retryAfter;

    SlackCallException(String method, String error, Optional<Duration> retryAfter, @Nullable Throwable cause) {
        super(method + " failed: " + error, cause);
        this.method = method;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public String method() {
        return method;
    }

    /** Slack's error code, e.g. {@code not_in_channel}. */
    public String error() {
        return error;
    }

    public boolean isRateLimited() {
        return "ratelimited".equals(error);
    }

    /** How long Slack asked us to wait, for a rate-limited call. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Never null: every constructor sets a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
