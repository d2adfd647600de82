package io.ncprollout.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fake Slack Web API on 127.0.0.1 that answers at once: auth.test, views.*, chat.* and response URLs. Counts every
 * call by method and keeps the chat.* calls (with the time they arrived) for the scale benchmarks. Lighter than the
 * tests' MockWebServer fake, so that it does not dominate what is measured.
 */
final class BenchSlack implements AutoCloseable {
    /** One chat.* call as it arrived. */
    record ChatCall(String method, String channel, String ts, String threadTs, boolean broadcast, String text, long nanos) {
    }

    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    final List<ChatCall> chat = new CopyOnWriteArrayList<>();
    final List<String> views = new CopyOnWriteArrayList<>();
    private final AtomicLong ts = new AtomicLong(1);
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-slack");
        t.setDaemon(true);
        return t;
    });

    BenchSlack() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/1";
    }

    long count(String method) {
        LongAdder n = counts.get(method);
        return n == null ? 0 : n.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    void reset() {
        counts.clear();
        chat.clear();
        views.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = path.startsWith("/respond/") ? "response_url" : path.replaceFirst("^/api/", "");
            counts.computeIfAbsent(method, m -> new LongAdder()).increment();
            Map<String, String> p = body.startsWith("{") ? Map.of() : form(body);
            String answer = switch (method) {
                case "auth.test" -> "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\",\"user\":\"bot\","
                        + "\"team_id\":\"T0BENCH\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
                case "views.open", "views.update", "views.publish" -> {
                    if (p.containsKey("view")) {
                        views.add(p.get("view"));
                    }
                    yield "{\"ok\":true,\"view\":{\"id\":\"V1\",\"hash\":\"h" + ts.incrementAndGet() + "\"}}";
                }
                case "chat.postMessage" -> {
                    String newTs = "1700000000." + String.format("%06d", ts.incrementAndGet());
                    record(method, p, newTs);
                    yield "{\"ok\":true,\"channel\":\"" + p.getOrDefault("channel", "C1") + "\",\"ts\":\"" + newTs + "\"}";
                }
                case "chat.update" -> {
                    record(method, p, p.getOrDefault("ts", ""));
                    yield "{\"ok\":true,\"channel\":\"" + p.getOrDefault("channel", "C1") + "\",\"ts\":\"" + p.getOrDefault("ts", "") + "\"}";
                }
                case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.000001\"}";
                case "response_url" -> "ok";
                default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void record(String method, Map<String, String> p, String ts) {
        chat.add(new ChatCall(method, p.getOrDefault("channel", ""), ts, p.getOrDefault("thread_ts", ""),
                "true".equals(p.get("reply_broadcast")) || "1".equals(p.get("reply_broadcast")), p.getOrDefault("text", ""),
                System.nanoTime()));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
