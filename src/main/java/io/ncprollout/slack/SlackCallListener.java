package io.ncprollout.slack;

import java.time.Duration;

/**
 * Told about every Slack Web API answer the bot's Slack client reads (through {@link SlackCallInterceptor}).
 * Implemented outside {@code slack} (metrics, health), so this package needs no metrics library.
 *
 * <p>Contract: called synchronously on the calling thread; must be quick and must not throw (an exception is
 * logged and ignored). Never receives tokens, request bodies or message text.
 */
@FunctionalInterface
public interface SlackCallListener {
    /** The outcome of a call Slack answered {@code "ok": true}. */
    String OK = "ok";

    /**
     * @param method  the Web API method ({@code chat.update}), or {@code response_url} for replies to a command
     * @param outcome {@link #OK}, Slack's error code ({@code not_in_channel}), {@code ratelimited} for HTTP 429,
     *                {@code http_<status>} for another non-200 answer, or {@code network} when no answer came
     * @param latency from sending the request to receiving the response headers (or to the failure)
     */
    void onCall(String method, String outcome, Duration latency);
}
