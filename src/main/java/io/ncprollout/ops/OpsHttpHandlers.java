package io.ncprollout.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz} (the {@link HealthCheck} report as JSON, 200 UP / 503 DOWN) and {@code GET /metrics}
 * (Prometheus text), on the small JDK {@link HttpServer} that {@link #start} opens on the management port
 * ({@code METRICS_PORT}): never the public Slack listener of HTTP mode, and with threads of its own, so that a
 * monitoring probe and Slack's requests never wait for each other. Only the exact paths answer; other methods get
 * 405. Neither endpoint shows configuration or secrets.
 */
public final class OpsHttpHandlers {
    public static final String HEALTHZ = "/healthz";
    public static final String METRICS = "/metrics";
    private static final Logger log = LoggerFactory.getLogger(OpsHttpHandlers.class);

    private OpsHttpHandlers() {
    }

    /** Adds the {@code /healthz} and {@code /metrics} contexts to {@code server}. */
    public static void register(HttpServer server, Metrics metrics, HealthCheck health) {
        Objects.requireNonNull(metrics, "metrics == null");
        Objects.requireNonNull(health, "health == null");
        server.createContext(HEALTHZ, handler(HEALTHZ, () -> {
            HealthCheck.Report report = health.evaluate();
            return new Reply(report.httpStatus(), "application/json", report.toJson());
        }));
        server.createContext(METRICS, handler(METRICS, () -> new Reply(200, Metrics.CONTENT_TYPE, metrics.scrape())));
    }

    /**
     * Opens a server with only these two endpoints on {@code port} (0 for any free port), all interfaces.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static HttpServer start(int port, Executor executor, Metrics metrics, HealthCheck health) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
            register(server, metrics, health);
            server.setExecutor(executor);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    private record Reply(int status, String contentType, String body) {
    }

    private static HttpHandler handler(String path, Supplier<Reply> answer) {
        return exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    send(exchange, new Reply(404, "text/plain; charset=utf-8", "not found\n"), false);
                } else if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(exchange, new Reply(405, "text/plain; charset=utf-8", "use GET\n"), false);
                } else {
                    send(exchange, answer.get(), method.equals("HEAD"));
                }
            } catch (RuntimeException e) {
                log.error("{} failed", path, e);
            }
        };
    }

    private static void send(HttpExchange exchange, Reply reply, boolean headOnly) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(reply.status(), headOnly ? -1 : bytes.length);
        if (!headOnly) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
