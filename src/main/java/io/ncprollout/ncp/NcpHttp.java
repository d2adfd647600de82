package io.ncprollout.ncp;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.ncprollout.ncp.dto.PrecheckResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where CDSS and SES requests are sent and their failures classified.
 *
 * <ol>
 *   <li>A {@link CallKind#READ} is attempted until it succeeds, fails with a non-retryable kind, or the
 *       {@link RetryPolicy} is used up; between attempts the {@link Sleeper} waits the policy's delay.
 *       Each attempt is a new OkHttp call, so the signing interceptor stamps a fresh timestamp.</li>
 *   <li>A {@link CallKind#MUTATE} is attempted exactly once, on a client derived with OkHttp's own
 *       silent retries switched off (connection-failure retry, redirects, and the 503 +
 *       {@code Retry-After: 0} repeat). If its answer is lost or ambiguous after sending (timeout,
 *       disconnect, gateway 504/510 or 500/900, unreadable 2xx body), the failure is
 *       {@link NcpErrorKind#OUTCOME_UNKNOWN}.</li>
 * </ol>
 *
 * <p>Before every attempt (retries included) the shared {@link RateLimiter} is asked for a slot and the
 * {@link Sleeper} waits for it, so all threads together stay under {@code NCP_MAX_REQUESTS_PER_SECOND}. A thread
 * interrupted while waiting sends nothing and gets a {@link NcpErrorKind#NETWORK_FAILURE} (never an unknown outcome).
 *
 * <p>Every response is closed. Each attempt is logged at debug (operation, method, path, status,
 * duration), never with headers, and reported to the {@link NcpCallListener} (metrics, clock skew).
 */
final class NcpHttp {
    private static final Logger log = LoggerFactory.getLogger(NcpHttp.class);
    private static final Set<NcpErrorKind> AMBIGUOUS_AFTER_SEND = Set.of(NcpErrorKind.ENDPOINT_TIMEOUT,
            NcpErrorKind.UNEXPECTED, NcpErrorKind.MALFORMED_RESPONSE, NcpErrorKind.NETWORK_TIMEOUT);

    private final OkHttpClient reads;
    private final OkHttpClient mutations;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final NcpResponseMapper mapper;
    private volatile NcpCallListener listener = NcpCallListener.NONE;
    private volatile RateLimiter limiter = RateLimiter.unlimited();
    private volatile LongSupplier nanoTicker = System::nanoTime;

    NcpHttp(OkHttpClient client, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, DoubleSupplier random,
            Redactor redactor) {
        this.reads = Objects.requireNonNull(client, "client == null");
        this.mutations = client.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addNetworkInterceptor(chain -> withoutRetryAfterOn503(chain.proceed(chain.request())))
                .build();
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.random = Objects.requireNonNull(random, "random == null");
        this.mapper = new NcpResponseMapper(clock, redactor);
    }

    /**
     * Sends a call whose envelope {@code result} is data of {@code resultType}.
     *
     * @throws NcpApiException when the call fails after the attempts its kind allows; a missing or
     *                         mistyped {@code result} is {@code MALFORMED_RESPONSE}
     */
    <T> T execute(CallKind kind, String operation, Request request, JavaType resultType) {
        return send(kind, operation, request, (envelope, signature) -> {
            JsonNode result = envelope.result();
            if (result.isMissingNode() || result.isNull()) {
                throw mapper.malformed(operation, envelope.httpStatus(), "", signature, "the response has no result");
            }
            try {
                T value = NcpJson.MAPPER.readerFor(resultType).readValue(result);
                return value;
            } catch (IOException | IllegalArgumentException e) {
                throw mapper.malformed(operation, envelope.httpStatus(), result.toString(), signature,
                        "the result does not match " + resultType.getRawClass().getSimpleName());
            }
        });
    }

    /**
     * Sends an action call, whose {@code result} must be {@code true}.
     *
     * @return the envelope, for its message and requestId
     * @throws NcpApiException {@code SERVICE_ERROR} when {@code result} is not {@code true}; otherwise as
     *                         {@link #execute}
     */
    Envelope executeAction(CallKind kind, String operation, Request request) {
        return send(kind, operation, request, (envelope, signature) -> {
            if (!envelope.result().isBoolean() || !envelope.result().booleanValue()) {
                throw new NcpApiException(NcpErrorKind.SERVICE_ERROR, operation, new ErrorDetails(
                        envelope.httpStatus(), envelope.code(),
                        unconfirmedMessage(envelope),
                        envelope.requestId(), null, ""), null);
            }
            return envelope;
        });
    }

    /**
     * Sends a pre-check (a {@link CallKind#READ} action). NCP saying no ({@code SERVICE_ERROR}) is an
     * answer, not a failure.
     *
     * @throws NcpApiException for every other failure kind, after the retries a read allows
     */
    PrecheckResult precheck(String operation, Request request) {
        try {
            Envelope envelope = executeAction(CallKind.READ, operation, request);
            return new PrecheckResult(true, Objects.requireNonNullElse(envelope.message(), "SUCCESS"),
                    envelope.code(), envelope.requestId());
        } catch (NcpApiException e) {
            if (e.kind() != NcpErrorKind.SERVICE_ERROR) {
                throw e;
            }
            return new PrecheckResult(false, Objects.requireNonNullElse(e.ncpMessage(), "refused"), e.code(),
                    e.requestId());
        }
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(Envelope envelope, String signature);
    }

    private <T> T send(CallKind kind, String operation, Request request, Decoder<T> decoder) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(kind, operation, request, attempt, decoder);
            } catch (NcpApiException e) {
                if (kind == CallKind.MUTATE) {
                    throw AMBIGUOUS_AFTER_SEND.contains(e.kind()) ? e.reclassify(NcpErrorKind.OUTCOME_UNKNOWN) : e;
                }
                if (!e.isRetryable() || !retryPolicy.canRetry(attempt)) {
                    throw e;
                }
                Duration delay = retryPolicy.delayBeforeRetry(attempt, random.getAsDouble(), e.retryAfter());
                Optional<Instant> deadline = CallDeadline.current();
                if (deadline.isPresent() && !clock.instant().plus(delay).isBefore(deadline.get())) {
                    log.debug("{} attempt {} failed ({}); no time left for a retry before the deadline", operation, attempt, e.kind());
                    throw e;
                }
                log.debug("{} attempt {} failed ({}); retrying in {} ms", operation, attempt, e.kind(), delay.toMillis());
                pause(delay, e);
            }
        }
    }

    private <T> T attempt(CallKind kind, String operation, Request request, int attempt, Decoder<T> decoder) {
        awaitRateLimit(operation);
        long started = clock.millis();
        int status = 0;
        Optional<Instant> serverDate = Optional.empty();
        okhttp3.Call call = (kind == CallKind.MUTATE ? mutations : reads).newCall(request);
        Optional<Instant> deadline = CallDeadline.current();
        if (deadline.isPresent()) {
            long left = Duration.between(clock.instant(), deadline.get()).toMillis();
            if (left <= 0) {
                throw new NcpApiException(NcpErrorKind.NETWORK_TIMEOUT, operation,
                        ErrorDetails.noResponse("no time left before the poll's deadline; nothing was sent"), null);
            }
            long configured = call.timeout().timeoutNanos() / 1_000_000L;
            call.timeout().timeout(configured == 0 ? left : Math.min(configured, left), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        try (Response response = call.execute()) {
            status = response.code();
            serverDate = httpDate(response.header("Date"));
            ResponseBody responseBody = response.body();
            String body = responseBody == null ? "" : responseBody.string();
            log.debug("{} attempt {}: {} {} -> HTTP {} in {} ms", operation, attempt, request.method(),
                    request.url().encodedPath(), response.code(), clock.millis() - started);
            String signature = Objects.requireNonNullElse(response.request().header(NcpSigner.HEADER_SIGNATURE), "");
            if (!response.isSuccessful()) {
                throw mapper.httpError(operation, response.code(), body, response.header("Retry-After"), signature);
            }
            T value = decoder.decode(mapper.envelope(operation, response.code(), body, signature), signature);
            report(operation, request, NcpCallEvent.OK, status, started, serverDate);
            return value;
        } catch (NcpApiException e) {
            report(operation, request, NcpCallEvent.outcomeOf(e.kind()), status, started, serverDate);
            throw e;
        } catch (IOException e) {
            log.debug("{} attempt {}: {} {} -> {} after {} ms", operation, attempt, request.method(),
                    request.url().encodedPath(), e.getClass().getSimpleName(), clock.millis() - started);
            NcpApiException failure = mapper.ioFailure(kind, operation, e);
            report(operation, request, NcpCallEvent.outcomeOf(failure.kind()), status, started, serverDate);
            throw failure;
        }
    }

    Clock clock() {
        return clock;
    }

    /** Caps the rate of attempts with {@code limiter}, reading time from {@code nanoTicker}; unlimited by default. */
    void rateLimit(RateLimiter limiter, LongSupplier nanoTicker) {
        this.limiter = Objects.requireNonNull(limiter, "limiter == null");
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker == null");
    }

    private void awaitRateLimit(String operation) {
        Duration wait = limiter.reserve(nanoTicker.getAsLong());
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NcpApiException(NcpErrorKind.NETWORK_FAILURE, operation,
                    ErrorDetails.noResponse("interrupted while waiting for the NCP rate limit; nothing was sent"), interrupted);
        }
    }

    /** Replaces the listener told about every attempt; {@link NcpCallListener#NONE} by default. */
    void listener(NcpCallListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener == null");
    }

    private void report(String operation, Request request, String outcome, int status, long startedMillis,
            Optional<Instant> serverDate) {
        Instant now = clock.instant();
        try {
            listener.onAttempt(new NcpCallEvent(operation, request.method(), outcome, status,
                    Duration.ofMillis(Math.max(0, now.toEpochMilli() - startedMillis)), serverDate, now));
        } catch (RuntimeException e) {
            log.warn("NCP call listener failed on {}: {}", operation, e.toString());
        }
    }

    private static Optional<Instant> httpDate(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.trim())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void pause(Duration delay, NcpApiException lastFailure) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            lastFailure.addSuppressed(interrupted);
            throw lastFailure;
        }
    }

    private static String unconfirmedMessage(Envelope envelope) {
        String said = envelope.message();
        return said == null || said.isBlank() || said.equalsIgnoreCase("SUCCESS")
                ? "NCP answered result " + envelope.result() + " instead of true"
                : said;
    }

    /** OkHttp repeats a 503 carrying {@code Retry-After: 0} by itself; a mutation must not be repeated. */
    private static Response withoutRetryAfterOn503(Response response) {
        return response.code() == 503 ? response.newBuilder().removeHeader("Retry-After").build() : response;
    }
}
