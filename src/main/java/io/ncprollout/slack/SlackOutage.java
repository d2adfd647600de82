package io.ncprollout.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.io.IOException;
import java.util.Optional;

/**
 * Pure: the answer to a verified Slack request that Bolt could not handle because Slack's Web API cannot be reached
 * (Bolt checks the token with {@code auth.test} before its first request, and again on each request until that works).
 * Slack still gets its acknowledgement within 3 seconds, and a slash command's user reads why nothing happens, in the
 * HTTP answer itself, which needs no Web API call; never a 400.
 */
public final class SlackOutage {
    static final String COMMAND_TEXT = ":warning: The bot cannot reach Slack's Web API right now, so it cannot open forms or post."
            + " Nothing was done; try again once Slack is reachable (the bot's /healthz says when).";

    private SlackOutage() {
    }

    /** The acknowledgement for {@code request}, when {@code failure} came from Slack being unreachable; empty otherwise. */
    public static Optional<Response> answer(Request<?> request, Throwable failure) {
        if (!causedByNetwork(failure)) {
            return Optional.empty();
        }
        if (request instanceof SlashCommandRequest) {
            String json = "{\"response_type\":\"ephemeral\",\"text\":\"" + COMMAND_TEXT.replace("\"", "\\\"") + "\"}";
            return Optional.of(Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).body(json).build());
        }
        return Optional.of(Response.builder().statusCode(200).body("").build());
    }

    /** True when an {@link IOException} is among the causes: the Web API did not answer. */
    static boolean causedByNetwork(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
