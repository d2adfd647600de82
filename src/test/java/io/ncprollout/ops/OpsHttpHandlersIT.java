package io.ncprollout.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ncprollout.ncp.NcpCallEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /healthz} and {@code /metrics} over a real socket, with the JDK's HTTP client. */
class OpsHttpHandlersIT {
    private final Metrics metrics = new Metrics();
    private final AtomicBoolean storeUp = new AtomicBoolean(true);
    private final HttpClient client = HttpClient.newHttpClient();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private HttpServer server;

    @BeforeEach
    void setUp() {
        Map<String, HealthCheck.Check> checks = new LinkedHashMap<>();
        checks.put("store", HealthCheck.Check.of(storeUp::get, "reachable", "unreachable"));
        checks.put("slack", () -> HealthCheck.Result.up("no Web API call answered yet"));
        server = OpsHttpHandlers.start(0, executor, metrics, new HealthCheck(checks));
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void metrics_afterCalls_servesPrometheusTextWithEveryMeter() throws Exception {
        // GIVEN an NCP attempt (throttled), a Slack call and a rate-limited Slack call were recorded
        metrics.ncpCalls().onAttempt(new NcpCallEvent("CDSS getClusterInfo", "POST", "throttled", 429,
                Duration.ofMillis(120), Optional.empty(), Instant.parse("2026-11-22T10:00:00Z")));
        metrics.slackCalls().onCall("chat.update", "ok", Duration.ofMillis(80));
        metrics.slackCalls().onCall("chat.update", "ratelimited", Duration.ofMillis(10));

        // WHEN /metrics is scraped
        HttpResponse<String> response = get("/metrics");

        // THEN it is the Prometheus text format with the named meters and labels
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(Metrics.CONTENT_TYPE);
        assertThat(response.body())
                .contains("ncp_calls_seconds_count{method=\"POST\",operation=\"CDSS getClusterInfo\",outcome=\"throttled\"} 1")
                .contains("ncp_calls_seconds_bucket{")
                .contains("slack_calls_seconds_count{method=\"chat.update\",outcome=\"ok\"} 1")
                .contains("rate_limited_responses_total{source=\"ncp\"} 1")
                .contains("rate_limited_responses_total{source=\"slack\"} 1");
    }

    @Test
    void healthz_allChecksUp_is200WithJson() throws Exception {
        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).startsWith("{\"status\":\"UP\",\"checks\":{\"store\":{\"status\":\"UP\"");
    }

    @Test
    void healthz_aCheckFails_is503AndNamesIt() throws Exception {
        storeUp.set(false);

        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":\"DOWN\"").contains("\"store\":{\"status\":\"DOWN\",\"detail\":\"unreachable\"}");
    }

    @Test
    void healthz_post_is405() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/healthz"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void healthz_longerPath_is404() throws Exception {
        assertThat(get("/healthz/../metrics/x").statusCode()).isEqualTo(404);
        assertThat(get("/metricsfoo").statusCode()).isEqualTo(404);
    }

    @Test
    void healthProbe_upThenDown_exitsZeroThenOne() {
        String healthz = url("/healthz").toString();
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

        assertThat(HealthProbeCommand.run(java.util.List.of(healthz), Map.of(), quiet, quiet)).isZero();
        storeUp.set(false);
        assertThat(HealthProbeCommand.run(java.util.List.of(healthz), Map.of(), quiet, quiet)).isEqualTo(1);
    }

    @Test
    void healthProbe_nothingListening_exitsOne() {
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        int port = server.getAddress().getPort();
        server.stop(0);

        assertThat(HealthProbeCommand.run(java.util.List.of(), Map.of("METRICS_PORT", String.valueOf(port)), quiet, quiet)).isEqualTo(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
