package io.ncprollout.testing;

import com.google.gson.JsonObject;
import io.ncprollout.shell.FakeSlackWebApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a bot listening in HTTP mode what Slack sends it: signed slash commands and view submissions, POSTed to
 * {@code http://127.0.0.1:<port>/slack/events} with Slack's v0 signature headers ({@link SlackPayloads}).
 */
public final class SlackHttpDriver {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String signingSecret;
    private final FakeSlackWebApi slack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * @param signingSecret the bot's {@code SLACK_SIGNING_SECRET}
     * @param slack         the fake Slack Web API whose response URLs the commands carry
     */
    public SlackHttpDriver(String signingSecret, FakeSlackWebApi slack) {
        this.signingSecret = signingSecret;
        this.slack = slack;
    }

    /** {@code command text} typed by {@code user} in {@code channel}, to the bot on {@code port}. */
    public HttpResponse<String> command(int port, String command, String text, String user, String channel)
            throws IOException, InterruptedException {
        int n = sequence.incrementAndGet();
        return post(port, SlackPayloads.slashCommand(command, text, user, channel, slack.responseUrl("cmd-" + n), "1337." + n + ".trigger"));
    }

    /** Submits {@code view} (a modal the bot sent) as {@code user}, with {@code typed} text by input block id. */
    public HttpResponse<String> submitView(int port, JsonObject view, Map<String, String> typed, String user)
            throws IOException, InterruptedException {
        return post(port, "payload=" + SlackPayloads.enc(SlackPayloads.viewSubmission(view, typed, user)));
    }

    private HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (Map.Entry<String, List<String>> header : SlackPayloads.signatureHeaders(signingSecret, body).entrySet()) {
            request.header(header.getKey(), header.getValue().get(0));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
