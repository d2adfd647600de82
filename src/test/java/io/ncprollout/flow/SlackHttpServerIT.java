package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.ncprollout.slack.SlackHttpServer;
import io.ncprollout.testing.BotHarness;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP mode over a real socket: what Slack's signed requests get, and what forged, stale, slow or hostile ones get.
 * The only test that waits is the one about the read timeout (5 s).
 */
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
    void slowClients_fiftyHeldOpen_aSignedCommandIsStillAckedWithin3Seconds() throws Exception {
        // GIVEN 50 connections that send part of a request and then nothing: half stop in the headers, half in the body
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                String partial = i % 2 == 0 ? "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Le"
                        : "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\ntoken=x&team";
                socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }

            // WHEN Slack sends a signed command
            long started = System.nanoTime();
            HttpResponse<String> response = post(COMMAND, now(), true);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // THEN it is answered, well within Slack's 3 seconds
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void slowClient_thatNeverFinishesItsHeaders_getsA408AndIsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("POST /slack/events HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void overload_requestsBeyondTheQueue_get503() throws Exception {
        // GIVEN a server whose only worker is stuck, so every request stays in flight
        CountDownLatch stuck = new CountDownLatch(1);
        ExecutorService one = Executors.newSingleThreadExecutor();
        one.execute(() -> {
            try {
                stuck.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Socket> sockets = new ArrayList<>();
        try (SlackHttpServer blocked = SlackHttpServer.start(bot.bot.app(), 0, one, Clock.systemUTC())) {
            // WHEN more whole requests arrive than the queue holds
            for (int i = 0; i < SlackHttpServer.MAX_IN_FLIGHT + 5; i++) {
                Socket socket = new Socket("127.0.0.1", blocked.port());
                socket.setSoTimeout(5);
                socket.getOutputStream().write(raw(COMMAND).getBytes(StandardCharsets.UTF_8));
                sockets.add(socket);
            }

            // THEN the ones beyond it are told 503 at once (read in rounds: the others stay unanswered)
            int refused = 0;
            java.util.Set<Socket> answered = new java.util.HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (refused < 5 && System.nanoTime() < deadline) {
                for (Socket socket : sockets) {
                    if (answered.contains(socket)) {
                        continue;
                    }
                    try {
                        String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                        answered.add(socket);
                        refused += status.equals("HTTP/1.1 503") ? 1 : 0;
                    } catch (java.net.SocketTimeoutException e) {
                        // still in flight behind the stuck worker
                    }
                }
            }
            assertThat(refused).isEqualTo(5);
        } finally {
            stuck.countDown();
            one.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void forgedSignature_isRefusedByTheAdapter_evenWhenBoltDoesNotVerify() throws Exception {
        // GIVEN a Bolt app that skips its own signature check (as a misconfigured one would)
        App lax = new App(AppConfig.builder().signingSecret(BotHarness.SIGNING_SECRET).requestVerificationEnabled(false).build());
        lax.command("/kafka", (req, ctx) -> ctx.ack("handled"));
        try (SlackHttpServer adapter = SlackHttpServer.start(lax, 0, executor, Clock.systemUTC())) {
            // WHEN a forged and a signed command arrive
            HttpResponse<String> forged = post(adapter.port(), COMMAND, now(), false);
            HttpResponse<String> signed = post(adapter.port(), COMMAND, now(), true);

            // THEN the adapter refuses the forged one itself
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).doesNotContain("handled");
            assertThat(signed.statusCode()).isEqualTo(200);
            assertThat(signed.body()).contains("handled");
        }
    }

    @Test
    void get_metricsAndHealthz_areNotServedOnTheSlackPort() throws Exception {
        for (String path : List.of("/metrics", "/healthz")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void get_is405() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(String body, long timestamp, boolean rightSecret) throws Exception {
        return post(server.port(), body, timestamp, rightSecret);
    }

    /** A whole signed POST of {@code body} as raw HTTP/1.1. */
    private static String raw(String body) {
        String ts = String.valueOf(now());
        return "POST " + SlackHttpServer.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "X-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: " + new SlackSignature.Generator(BotHarness.SIGNING_SECRET).generate(ts, body)
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private HttpResponse<String> post(int port, String body, long timestamp, boolean rightSecret) throws Exception {
        String ts = String.valueOf(timestamp);
        String secret = rightSecret ? BotHarness.SIGNING_SECRET : "forged-secret";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SlackHttpServer.PATH))
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
