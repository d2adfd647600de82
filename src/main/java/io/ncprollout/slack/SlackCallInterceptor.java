package io.ncprollout.slack;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OkHttp interceptor for the Slack SDK's HTTP client that turns each call into a {@link SlackCallListener}
 * event. It sits under every call of that client: ours through {@link SlackCalls}, Bolt's own
 * {@code auth.test}, and {@code response_url} replies; it sees 429s and network failures too (the SDK's own
 * response listeners run only for 2xx answers).
 *
 * <p>It never changes the request or the response; it peeks at most 64 KiB of the body for {@code "ok":false}.
 * Latency is OkHttp's own for an answer (request sent to response received), the {@code clock}'s for a failure.
 */
public final class SlackCallInterceptor implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(SlackCallInterceptor.class);
    private static final long PEEK_BYTES = 64 * 1024;
    private static final Pattern METHOD = Pattern.compile("/api/([A-Za-z0-9_.]+)$");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([a-z0-9_]{1,64})\"");
    private static final Pattern NOT_OK = Pattern.compile("\"ok\"\\s*:\\s*false");

    private final SlackCallListener listener;
    private final Clock clock;

    public SlackCallInterceptor(SlackCallListener listener, Clock clock) {
        this.listener = Objects.requireNonNull(listener, "listener == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = method(chain.request().url().encodedPath());
        Instant started = clock.instant();
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            tell(method, "network", Duration.between(started, clock.instant()));
            throw e;
        }
        String body = response.code() == 200 ? response.peekBody(PEEK_BYTES).string() : null;
        tell(method, outcome(response.code(), body),
                Duration.ofMillis(Math.max(0, response.receivedResponseAtMillis() - response.sentRequestAtMillis())));
        return response;
    }

    private void tell(String method, String outcome, Duration latency) {
        try {
            listener.onCall(method, outcome, latency);
        } catch (RuntimeException e) {
            log.warn("Slack call listener failed: {}", e.toString());
        }
    }

    /** The Web API method named by the URL path, or {@code response_url} for any other Slack URL. */
    static String method(String path) {
        Matcher m = METHOD.matcher(path);
        return m.find() ? m.group(1) : "response_url";
    }

    /** Pure: the outcome name of an answer (see {@link SlackCallListener#onCall}). */
    static String outcome(int status, @Nullable String body) {
        if (status == 429) {
            return "ratelimited";
        }
        if (status != 200) {
            return "http_" + status;
        }
        if (body != null && NOT_OK.matcher(body).find()) {
            Matcher error = ERROR.matcher(body);
            return error.find() ? error.group(1) : "unknown_error";
        }
        return SlackCallListener.OK;
    }
}
