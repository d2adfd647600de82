package io.ncprollout.ncp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failed CDSS or SES call. {@link #kind()} says what the caller can do ({@link #isRetryable()});
 * the other accessors keep what NCP said, for logs and for the user.
 *
 * <p>{@link #getMessage()} is one readable line, for example
 * {@code CDSS rollingRestart failed: Permission Denied (HTTP 401, errorCode 210) — <hint>}. It never
 * contains the access key, the secret key or the signature: the client never puts request headers
 * into an exception and redacts the keys from anything the server echoes back.
 */
public final class NcpApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final NcpErrorKind kind;
    private final String operation;
    private final transient ErrorDetails details;

    NcpApiException(NcpErrorKind kind, String operation, ErrorDetails details, @Nullable Throwable cause) {
        super(describe(kind, operation, details), cause);
        this.kind = Objects.requireNonNull(kind, "kind == null");
        this.operation = Objects.requireNonNull(operation, "operation == null");
        this.details = Objects.requireNonNull(details, "details == null");
    }

    /** The same failure reclassified as {@code newKind}; this exception becomes the cause. */
    NcpApiException reclassify(NcpErrorKind newKind) {
        return new NcpApiException(newKind, operation, details, this);
    }

    public NcpErrorKind kind() {
        return kind;
    }

    /** Shorthand for {@code kind().isRetryable()}. */
    public boolean isRetryable() {
        return kind.isRetryable();
    }

    /** The call that failed, e.g. {@code CDSS rollingRestart}. */
    public String operation() {
        return operation;
    }

    /** HTTP status of the response, or 0 when no response arrived. */
    public int httpStatus() {
        return details.httpStatus();
    }

    /** The gateway {@code errorCode} or the envelope {@code code}, verbatim; null when there was none. */
    public @Nullable String code() {
        return details.code();
    }

    /** What NCP (or the transport) said; null when nothing was said. */
    public @Nullable String ncpMessage() {
        return details.ncpMessage();
    }

    /** The envelope {@code requestId}, to quote to NCP support; null when absent. */
    public @Nullable String requestId() {
        return details.requestId();
    }

    /** The delay the server asked for in {@code Retry-After}, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(details.retryAfter());
    }

    /** The response body, truncated to 500 characters, keys redacted; empty when there was no body. */
    public String rawBody() {
        return details.rawBody();
    }

    private static String describe(NcpErrorKind kind, String operation, ErrorDetails d) {
        StringBuilder text = new StringBuilder(operation).append(" failed: ");
        String said = d.ncpMessage();
        text.append(said == null || said.isBlank() ? kind.title() : said.strip());
        StringBuilder facts = new StringBuilder();
        if (d.httpStatus() > 0) {
            facts.append("HTTP ").append(d.httpStatus());
        }
        if (d.code() != null) {
            facts.append(facts.length() > 0 ? ", " : "")
                    .append(kind == NcpErrorKind.SERVICE_ERROR ? "code " : "errorCode ")
                    .append(d.code());
        }
        if (d.requestId() != null) {
            facts.append(facts.length() > 0 ? ", " : "").append("requestId ").append(d.requestId());
        }
        if (facts.length() > 0) {
            text.append(" (").append(facts).append(')');
        }
        return text.append(" — ").append(kind.hint()).toString();
    }

    /** Never null: every constructor sets a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
