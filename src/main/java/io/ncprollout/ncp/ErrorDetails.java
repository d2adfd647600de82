package io.ncprollout.ncp;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one failed NCP call, before it is classified.
 *
 * @param httpStatus HTTP status, or 0 when no response arrived
 * @param code       gateway {@code errorCode} or envelope {@code code}, verbatim; null when absent
 * @param ncpMessage the message NCP sent (or the transport's message); null when absent
 * @param requestId  the envelope {@code requestId}; null when absent
 * @param retryAfter the {@code Retry-After} delay the server advised; null when absent
 * @param rawBody    the response body, truncated to {@value #MAX_BODY_CHARS} characters
 */
record ErrorDetails(
        int httpStatus,
        @Nullable String code,
        @Nullable String ncpMessage,
        @Nullable String requestId,
        @Nullable Duration retryAfter,
        String rawBody) {
    static final int MAX_BODY_CHARS = 500;

    ErrorDetails {
        rawBody = rawBody.length() <= MAX_BODY_CHARS ? rawBody : rawBody.substring(0, MAX_BODY_CHARS) + "…";
    }

    /** Details of a failure that produced no HTTP response. */
    static ErrorDetails noResponse(@Nullable String transportMessage) {
        return new ErrorDetails(0, null, transportMessage, null, null, "");
    }
}
