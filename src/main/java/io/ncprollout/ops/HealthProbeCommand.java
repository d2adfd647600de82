package io.ncprollout.ops;

import io.ncprollout.config.SlackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ncp-rollout-bot healthcheck [URL]}: asks a running bot's {@code /healthz} (default
 * {@code http://127.0.0.1:<management port>/healthz}: {@code METRICS_PORT}, else {@code PORT} (3000) in Socket Mode and
 * 9090 in HTTP mode, as the bot itself picks it) and exits 0 when it answers 200, 1 otherwise. For container health
 * checks in images that have no curl or wget.
 */
public final class HealthProbeCommand {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthProbeCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        int port = SlackSettings.managementPortOf(env);
        String url = args.isEmpty() ? "http://127.0.0.1:" + port + OpsHttpHandlers.HEALTHZ : args.get(0);
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            (response.statusCode() == 200 ? out : err).println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (java.net.ConnectException e) {
            URI uri = URI.create(url);
            err.println("healthcheck: nothing answers on " + uri.getHost() + ":" + uri.getPort() + " (" + url + "): is the bot running,"
                    + " and on this management port? It is METRICS_PORT, else PORT in Socket Mode and 9090 in HTTP mode");
            return 1;
        } catch (java.net.http.HttpTimeoutException e) {
            err.println("healthcheck: " + url + " did not answer within " + TIMEOUT.toSeconds() + " s");
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("healthcheck: " + url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
