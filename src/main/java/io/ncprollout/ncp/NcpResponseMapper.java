package io.ncprollout.ncp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;

/**
 * Turns one HTTP exchange into an {@link Envelope} or an {@link NcpApiException}. Gateway errors
 * ({@code {"error":{"errorCode":"210","message":…}}}) are classified by {@code errorCode} first and
 * by HTTP status second; bodies that are not JSON (an HTML 502 page) are classified by status.
 * Every text taken from the server is redacted before it is stored.
 */
final class NcpResponseMapper {
    private static final Map<String, NcpErrorKind> GATEWAY_CODES = Map.ofEntries(
            Map.entry("100", NcpErrorKind.BAD_REQUEST),
            Map.entry("200", NcpErrorKind.AUTHENTICATION),
            Map.entry("210", NcpErrorKind.PERMISSION),
            Map.entry("300", NcpErrorKind.NOT_FOUND),
            Map.entry("400", NcpErrorKind.THROTTLED),
            Map.entry("410", NcpErrorKind.THROTTLED),
            Map.entry("420", NcpErrorKind.THROTTLED),
            Map.entry("430", NcpErrorKind.REQUEST_TOO_LARGE),
            Map.entry("500", NcpErrorKind.ENDPOINT_ERROR),
            Map.entry("510", NcpErrorKind.ENDPOINT_TIMEOUT),
            Map.entry("900", NcpErrorKind.UNEXPECTED));

    private final Clock clock;
    private final Redactor redactor;

    NcpResponseMapper(Clock clock, Redactor redactor) {
        this.clock = clock;
        this.redactor = redactor;
    }

    /**
     * Parses a 2xx body.
     *
     * @throws NcpApiException {@code MALFORMED_RESPONSE} when it is not an envelope, {@code SERVICE_ERROR}
     *                         when its {@code code} is not 0
     */
    Envelope envelope(String operation, int status, String body, @Nullable String signature) {
        JsonNode tree = parseOrNull(body);
        if (tree == null || !tree.isObject() || !tree.hasNonNull("code")) {
            throw malformed(operation, status, body, signature, "the body is not an NCP response envelope");
        }
        String code = tree.get("code").asText();
        if (!"0".equals(code)) {
            throw new NcpApiException(NcpErrorKind.SERVICE_ERROR, operation,
                    details(status, code, text(tree, "message"), text(tree, "requestId"), null, body, signature), null);
        }
        return new Envelope(status, code, text(tree, "message"), text(tree, "requestId"), tree.path("result"));
    }

    /** Classifies a non-2xx response. */
    NcpApiException httpError(String operation, int status, String body, @Nullable String retryAfterHeader,
            @Nullable String signature) {
        JsonNode tree = parseOrNull(body);
        JsonNode error = tree == null ? null : tree.get("error");
        Duration retryAfter = parseRetryAfter(retryAfterHeader);
        if (error != null && error.isObject()) {
            String code = text(error, "errorCode");
            String message = text(error, "message");
            String extra = text(error, "details");
            String said = extra == null ? message : (message == null ? extra : message + ": " + extra);
            NcpErrorKind kind = code == null ? null : GATEWAY_CODES.get(code);
            return new NcpApiException(kind != null ? kind : byStatus(status), operation,
                    details(status, code, said, null, retryAfter, body, signature), null);
        }
        if (tree != null && tree.isObject() && tree.hasNonNull("code") && status < 500) {
            // a service envelope on a 4xx (SES does this): NCP refused the request itself
            return new NcpApiException(NcpErrorKind.SERVICE_ERROR, operation, details(status,
                    tree.get("code").asText(), text(tree, "message"), text(tree, "requestId"), retryAfter, body,
                    signature), null);
        }
        return new NcpApiException(byStatus(status), operation,
                details(status, null, null, tree == null ? null : text(tree, "requestId"), retryAfter, body, signature),
                null);
    }

    /**
     * Classifies a transport failure. For a {@link CallKind#MUTATE} call anything but a failure to
     * connect means the request may have reached NCP, so it is {@code OUTCOME_UNKNOWN}.
     */
    NcpApiException ioFailure(CallKind kind, String operation, IOException e) {
        boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException;
        NcpErrorKind errorKind;
        if (kind == CallKind.MUTATE && !neverSent) {
            errorKind = NcpErrorKind.OUTCOME_UNKNOWN;
        } else {
            errorKind = e instanceof InterruptedIOException ? NcpErrorKind.NETWORK_TIMEOUT : NcpErrorKind.NETWORK_FAILURE;
        }
        String said = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new NcpApiException(errorKind, operation, ErrorDetails.noResponse(redactor.redact(said, null)), e);
    }

    NcpApiException malformed(String operation, int status, String body, @Nullable String signature, String why) {
        return new NcpApiException(NcpErrorKind.MALFORMED_RESPONSE, operation,
                details(status, null, why, null, null, body, signature), null);
    }

    static NcpErrorKind byStatus(int status) {
        return switch (status) {
            case 401 -> NcpErrorKind.AUTHENTICATION;
            case 403 -> NcpErrorKind.PERMISSION;
            case 404, 405 -> NcpErrorKind.NOT_FOUND;
            case 413 -> NcpErrorKind.REQUEST_TOO_LARGE;
            case 429 -> NcpErrorKind.THROTTLED;
            case 502, 503 -> NcpErrorKind.ENDPOINT_ERROR;
            case 504 -> NcpErrorKind.ENDPOINT_TIMEOUT;
            default -> status >= 500 ? NcpErrorKind.UNEXPECTED : NcpErrorKind.BAD_REQUEST;
        };
    }

    /** Seconds or an HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
    @Nullable Duration parseRetryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ErrorDetails details(int status, @Nullable String code, @Nullable String message,
            @Nullable String requestId, @Nullable Duration retryAfter, String body, @Nullable String signature) {
        return new ErrorDetails(status, code, redactor.redactNullable(message, signature), requestId, retryAfter,
                redactor.redact(body, signature));
    }

    private static @Nullable JsonNode parseOrNull(String body) {
        try {
            return NcpJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
