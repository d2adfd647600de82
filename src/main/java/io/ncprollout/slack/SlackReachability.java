package io.ncprollout.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * One {@code auth.test} at startup, told apart the way an operator needs it: Slack's Web API cannot be reached (the
 * network, a proxy, {@code SLACK_API_URL}) or Slack answered and refused the token. The Slack SDK calls both "the token
 * is invalid"; here a network failure is never reported as a bad token.
 */
public final class SlackReachability {
    /** What {@code auth.test} showed. */
    public enum Kind {
        /** Slack answered and accepted the token. */
        OK,
        /** No answer: connection refused, unknown host, timeout, TLS. */
        UNREACHABLE,
        /** Slack answered and refused the token (or answered with an HTTP error). */
        REFUSED
    }

    /**
     * @param kind   what happened
     * @param detail one sentence for the log or the console, naming the URL and the cause
     */
    public record Verdict(Kind kind, String detail) {
        public Verdict {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(detail, "detail == null");
        }
    }

    private SlackReachability() {
    }

    /** Calls {@code auth.test} once with {@code client} (the bot token's), against {@code apiUrl}. */
    public static Verdict check(MethodsClient client, String apiUrl) {
        try {
            AuthTestResponse response = client.authTest(r -> r);
            if (response.isOk()) {
                return new Verdict(Kind.OK, "Slack accepted the bot token (team " + response.getTeam() + ")");
            }
            return new Verdict(Kind.REFUSED, "Slack refused SLACK_BOT_TOKEN: auth.test answered " + response.getError());
        } catch (SlackApiException e) {
            return new Verdict(Kind.REFUSED, "Slack's Web API at " + apiUrl + " answered HTTP " + e.getResponse().code() + " to auth.test");
        } catch (IOException e) {
            return new Verdict(Kind.UNREACHABLE, "cannot reach Slack's Web API at " + apiUrl + " (auth.test failed: network: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); check the network, a proxy or SLACK_API_URL");
        }
    }
}
