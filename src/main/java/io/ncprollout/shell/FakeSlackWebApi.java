package io.ncprollout.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A Slack Web API on a loopback port, for the local shell: the Slack SDK's client is pointed at {@link #apiUrl()}
 * ({@code SlackConfig#setMethodsEndpointUrlPrefix}). It answers {@code auth.test}, {@code chat.postMessage},
 * {@code chat.update}, {@code chat.postEphemeral}, {@code views.open}, {@code views.update} and {@code views.publish}
 * as Slack does ({@code users.info} says the local user reads English; other methods get {@code unknown_method}), and the response URLs it hands out
 * ({@link #responseUrl()}); the state and the printing live in {@link FakeSlackWorkspace}. Calls without the bot
 * token get {@code invalid_auth}. Closing it stops the server.
 */
final class FakeSlackWebApi implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final FakeSlackWorkspace workspace;
    private final String botToken;
    private final AtomicInteger responseUrls = new AtomicInteger();

    private FakeSlackWebApi(HttpServer server, ExecutorService threads, FakeSlackWorkspace workspace, String botToken) {
        this.server = server;
        this.threads = threads;
        this.workspace = workspace;
        this.botToken = botToken;
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @throws UncheckedIOException when no port can be bound
     */
    static FakeSlackWebApi start(FakeSlackWorkspace workspace, String botToken) {
        Objects.requireNonNull(workspace, "workspace == null");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
                Thread t = new Thread(runnable, "fake-slack");
                t.setDaemon(true);
                return t;
            });
            FakeSlackWebApi api = new FakeSlackWebApi(server, threads, workspace, botToken);
            server.createContext("/api/", api::serveMethod);
            server.createContext("/respond/", api::serveResponseUrl);
            server.setExecutor(threads);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Slack Web API", e);
        }
    }

    /** The methods base URL, ending in {@code /api/}. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A fresh response URL, as Slack puts in each command and interaction payload. */
    String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + responseUrls.incrementAndGet();
    }

    private void serveMethod(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = params(exchange);
            String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
            boolean authorized = auth.equals("Bearer " + botToken) || botToken.equals(params.get("token"));
            JsonObject answer = authorized ? answer(method, params) : error("invalid_auth");
            send(exchange, 200, "application/json; charset=utf-8", answer.toString());
        }
    }

    private JsonObject answer(String method, Map<String, String> params) {
        JsonObject ok = new JsonObject();
        ok.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                ok.addProperty("url", "https://local-shell.invalid/");
                ok.addProperty("team", "Local shell");
                ok.addProperty("user", "ncp-rollout-bot");
                ok.addProperty("team_id", "T0LOCAL");
                ok.addProperty("user_id", "U0BOT");
                ok.addProperty("bot_id", "B0BOT");
            }
            case "users.info" -> {
                // the local user reads English; answering keeps the bot from asking (and warning) on every message
                JsonObject user = new JsonObject();
                user.addProperty("id", params.getOrDefault("user", FakeSlackWorkspace.USER));
                user.addProperty("name", "local-user");
                user.addProperty("locale", "en-US");
                ok.add("user", user);
            }
            case "chat.postMessage" -> {
                String channel = params.getOrDefault("channel", "");
                if (!channel.equals(FakeSlackWorkspace.CHANNEL)) {
                    return error("channel_not_found");
                }
                String ts = workspace.post(channel, params.get("thread_ts"), params.getOrDefault("text", ""), blocks(params),
                        "true".equals(params.get("reply_broadcast")) || "1".equals(params.get("reply_broadcast")));
                ok.addProperty("channel", channel);
                ok.addProperty("ts", ts);
            }
            case "chat.update" -> {
                if (!workspace.update(params.getOrDefault("ts", ""), params.getOrDefault("text", ""), blocks(params))) {
                    return error("message_not_found");
                }
                ok.addProperty("channel", params.getOrDefault("channel", ""));
                ok.addProperty("ts", params.getOrDefault("ts", ""));
            }
            case "chat.postEphemeral" -> ok.addProperty("message_ts", workspace.postEphemeral(params.getOrDefault("text", ""), blocks(params)));
            case "views.open" -> {
                Optional<JsonObject> view = json(params.get("view"));
                if (view.isEmpty()) {
                    return error("invalid_arguments");
                }
                ok.add("view", workspace.openView(view.get()));
            }
            case "views.update" -> {
                Optional<JsonObject> view = json(params.get("view"));
                if (view.isEmpty()) {
                    return error("invalid_arguments");
                }
                String[] problem = new String[1];
                Optional<JsonObject> updated = workspace.updateView(params.getOrDefault("view_id", ""), params.get("hash"), view.get(), problem);
                if (updated.isEmpty()) {
                    return error(problem[0]);
                }
                ok.add("view", updated.get());
            }
            case "views.publish" -> {
                Optional<JsonObject> view = json(params.get("view"));
                if (view.isEmpty()) {
                    return error("invalid_arguments");
                }
                workspace.publishHome(view.get());
                ok.add("view", view.get());
            }
            default -> {
                return error("unknown_method");
            }
        }
        return ok;
    }

    /** A response URL post: an ephemeral message to the user (replacing the original counts as one too). */
    private void serveResponseUrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Optional<JsonObject> message = json(body);
            if (message.isEmpty()) {
                send(exchange, 400, "text/plain", "invalid_payload");
                return;
            }
            JsonObject m = message.get();
            JsonArray blocks = m.has("blocks") && m.get("blocks").isJsonArray() ? m.getAsJsonArray("blocks") : null;
            workspace.postEphemeral(BlockKitText.string(m, "text"), blocks);
            send(exchange, 200, "text/plain", "ok");
        }
    }

    private static @Nullable JsonArray blocks(Map<String, String> params) {
        String raw = params.get("blocks");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            JsonElement parsed = JsonParser.parseString(raw);
            return parsed.isJsonArray() ? parsed.getAsJsonArray() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static Optional<JsonObject> json(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonElement parsed = JsonParser.parseString(raw);
            return parsed.isJsonObject() ? Optional.of(parsed.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    private static JsonObject error(String code) {
        JsonObject e = new JsonObject();
        e.addProperty("ok", false);
        e.addProperty("error", code);
        return e;
    }

    /** Form fields of the request, or the fields of a JSON body. */
    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            json(body).ifPresent(o -> o.entrySet().forEach(e -> params.put(e.getKey(),
                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString())));
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
