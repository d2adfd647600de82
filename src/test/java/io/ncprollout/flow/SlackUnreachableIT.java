package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import io.ncprollout.slack.SlackHttpServer;
import io.ncprollout.slack.SlackReachability;
import io.ncprollout.testing.BotHarness;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP mode while Slack's Web API cannot be reached: the startup check says so (not "bad token"), requests are still
 * verified and acknowledged, and a command's user is told why nothing happens (SlackLinkTest: /healthz says slack DOWN).
 */
class SlackUnreachableIT {
    private static final String COMMAND = "token=x&team_id=T0TEST&channel_id=C1&user_id=U1&command=%2Fkafka&text=help"
            + "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fr&trigger_id=1.2.3";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private String deadUrl;
    private BotHarness bot;
    private SlackHttpServer server;

    @BeforeEach
    void setUp() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            deadUrl = "http://127.0.0.1:" + free.getLocalPort() + "/api/";
        }
        bot = BotHarness.withEnv(Map.of("SLACK_API_URL", deadUrl));
        server = SlackHttpServer.start(bot.bot.app(), 0, executor, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        executor.shutdownNow();
        bot.close();
    }

    @Test
    void startupCheck_networkFailure_isUnreachable_notABadToken() {
        SlackReachability.Verdict verdict = SlackReachability.check(bot.bot.app().slack().methods(BotHarness.BOT_TOKEN), deadUrl);

        assertThat(verdict.kind()).isEqualTo(SlackReachability.Kind.UNREACHABLE);
        assertThat(verdict.detail()).startsWith("cannot reach Slack's Web API at " + deadUrl).doesNotContain("token is invalid");
    }

    @Test
    void signedCommand_isAcknowledgedWithWhy_notA400() throws Exception {
        HttpResponse<String> response = post(COMMAND, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"response_type\":\"ephemeral\"", "cannot reach Slack's Web API");
    }

    @Test
    void forgedCommand_isStillRefused() throws Exception {
        assertThat(post(COMMAND, false).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String body, boolean rightSecret) throws Exception {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String secret = rightSecret ? BotHarness.SIGNING_SECRET : "forged-secret";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + SlackHttpServer.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
