package io.ncprollout.ncp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP attempt of an NCP call, as {@link NcpCallListener} sees it.
 *
 * @param operation  the call, e.g. {@code CDSS getClusterInfoList}
 * @param method     the HTTP method
 * @param outcome    {@link #OK}, or the failure's {@link NcpErrorKind} in lower case (e.g. {@code throttled})
 * @param httpStatus the response status, or 0 when no response was read (network failure)
 * @param elapsed    from sending to the end of reading the answer (or the failure)
 * @param serverDate the gateway's {@code Date} response header, when it sent a parseable one
 * @param receivedAt our clock when the answer was read: with {@code serverDate}, the clock skew
 */
public record NcpCallEvent(String operation, String method, String outcome, int httpStatus, Duration elapsed,
        Optional<Instant> serverDate, Instant receivedAt) {
    public static final String OK = "ok";

    public NcpCallEvent {
        Objects.requireNonNull(operation, "operation == null");
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(elapsed, "elapsed == null");
        Objects.requireNonNull(serverDate, "serverDate == null");
        Objects.requireNonNull(receivedAt, "receivedAt == null");
    }

    /** The lower-case outcome name of a failure kind. */
    static String outcomeOf(NcpErrorKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
