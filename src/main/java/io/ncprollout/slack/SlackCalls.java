package io.ncprollout.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The one place where a Web API call's outcome is checked: {@code ok:false}, HTTP errors (429 with its
 * {@code Retry-After}) and I/O failures all become a {@link SlackCallException} with Slack's error code.
 */
final class SlackCalls {
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private SlackCalls() {
    }

    /** A Web API call as the SDK's sync client makes it. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    static <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws SlackCallException {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw new SlackCallException(method, "ratelimited", Optional.of(retryAfter(e.getResponse().header("Retry-After"))), e);
            }
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "http_" + status;
            throw new SlackCallException(method, error, Optional.empty(), e);
        } catch (IOException e) {
            throw new SlackCallException(method, "network", Optional.empty(), e);
        }
        if (response == null) {
            throw new SlackCallException(method, "no_response", Optional.empty(), null);
        }
        if (!response.isOk()) {
            throw new SlackCallException(method, response.getError() == null ? "unknown_error" : response.getError(), Optional.empty(), null);
        }
        return response;
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 600)));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
