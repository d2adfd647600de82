package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.ops.HealthProbeCommand;
import io.ncprollout.testing.BotHarness;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The started bot in HTTP mode: /metrics and /healthz on METRICS_PORT only, never on the public Slack port. */
class ManagementPortIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private int slackPort;
    private int managementPort;
    private BotHarness bot;

    @BeforeEach
    void setUp() throws Exception {
        slackPort = freePort();
        managementPort = freePort();
        bot = BotHarness.withEnv(Map.of("PORT", String.valueOf(slackPort), "METRICS_PORT", String.valueOf(managementPort)));
        bot.bot.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
    }

    @Test
    void metricsAndHealthz_areServedOnTheManagementPort() throws Exception {
        assertThat(get(managementPort, "/metrics").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/healthz").body()).contains("\"status\"");
    }

    @Test
    void metricsAndHealthz_areNotServedOnTheSlackPort() throws Exception {
        assertThat(get(slackPort, "/metrics").statusCode()).isEqualTo(404);
        assertThat(get(slackPort, "/healthz").statusCode()).isEqualTo(404);
    }

    @Test
    void healthcheckCommand_withoutUrl_asksTheManagementPort() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Map<String, String> env = Map.of("PORT", String.valueOf(slackPort), "METRICS_PORT", String.valueOf(managementPort),
                "SLACK_SIGNING_SECRET", "s");

        assertThat(HealthProbeCommand.run(List.of(), env, quiet, quiet)).isZero();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
