package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import io.ncprollout.slack.SlackHttpServer;
import io.ncprollout.testing.BotHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP mode over a real socket: what Slack's signed requests get, and what forged, stale or hostile ones get. */
class SlackHttpServerIT {
    private static final String COMMAND = "token=x&team_id=T0TEST&channel_id=C1&user_id=U1&command=%2Fkafka&text=help"
            + "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fr&trigger_id=1.2.3";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private BotHarness bot;
    private SlackHttpServer server;

    @BeforeEach
    void setUp() throws Exception {
        bot = BotHarness.start();
        // Bolt and this adapter both check request timestamps against the wall clock, as in production.
        server = SlackHttpServer.start(bot.bot.app(), 0, executor, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        executor.shutdownNow();
        bot.close();
    }

    @Test
    void post_signedCommand_isAnswered() throws Exception {
        HttpResponse<String> response = post(COMMAND, now(), true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/kafka restart");
    }

    @Test
    void post_badSignature_is401() throws Exception {
        assertThat(post(COMMAND, now(), false).statusCode()).isEqualTo(401);
    }

    @Test
    void post_timestampFromTheFuture_is401EvenWhenSigned() throws Exception {
        assertThat(post(COMMAND, now() + 600, true).statusCode()).isEqualTo(401);
    }

    @Test
    void post_oldTimestamp_is401() throws Exception {
        assertThat(post(COMMAND, now() - 600, true).statusCode()).isEqualTo(401);
    }

    @Test
    void post_hugeBody_is413() throws Exception {
        assertThat(post("text=" + "x".repeat(2 << 20), now(), true).statusCode()).isEqualTo(413);
    }

    @Test
    void post_signedGarbage_is4xxNever5xx() throws Exception {
        assertThat(post("payload=%7B%22type%22%3A%22view_submission%22%2C%22view%22%3A42%7D", now(), true).statusCode())
                .isBetween(400, 499);
        assertThat(post("\u00ff\u00fe%%%", now(), true).statusCode()).isBetween(200, 499);
    }

    @Test
    void get_is405() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(String body, long timestamp, boolean rightSecret) throws Exception {
        String ts = String.valueOf(timestamp);
        String secret = rightSecret ? BotHarness.SIGNING_SECRET : "forged-secret";
        HttpRequest request = HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + SlackHttpServer.PATH);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
