package io.ncprollout.shell;

import static io.ncprollout.shell.FakeSlackForms.blocks;
import static io.ncprollout.shell.FakeSlackForms.error;
import static io.ncprollout.shell.FakeSlackForms.json;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The one fake Slack Web API, on a loopback port: the local shell runs the bot against it, and so do the tests. The
 * Slack SDK's client is pointed at {@link #apiUrl()} ({@code SLACK_API_URL}). It answers every method the bot calls
 * ({@code auth.test}, {@code users.info}, {@code chat.postMessage}, {@code chat.update}, {@code chat.delete}, {@code chat.postEphemeral},
 * {@code views.open}, {@code views.update}, {@code views.publish}) as Slack does, over the state of a
 * {@link FakeSlackWorkspace}, and the response URLs it hands out; other methods get {@code unknown_method}.
 *
 * <p>Every call is recorded ({@link #calls}, and {@link #timeline} with when it came, its token and its answer), and
 * a test can make Slack refuse: a channel the bot is not in ({@link #botNotIn}), a method rate-limited
 * ({@link #rateLimit}), a user's language ({@link #locale}). The shell's instance also checks the bot token and
 * knows one channel; the tests' ({@link #start()}) takes any token (each bot process of a test may have its own).
 *
 * <p>A little over 300 lines: the whole wire surface of the fake stays in one file; reading requests is in
 * {@link FakeSlackForms}, the state in {@link FakeSlackWorkspace}.
 */
public final class FakeSlackWebApi implements AutoCloseable {
    /** One recorded call: a Web API method, or {@code response_url} (its JSON body under {@code json}). */
    public record Call(String method, Map<String, String> params) {
        public String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    /**
     * One recorded call with when it arrived, who made it and what it was answered.
     *
     * @param atNanos {@link System#nanoTime()} when it arrived
     * @param token   the bearer token it carried, or empty
     * @param answer  the response body sent back
     */
    public record Timed(Call call, long atNanos, String token, String answer) {
    }

    /**
     * What this Slack knows besides its workspace.
     *
     * @param botToken     the only token accepted, if any
     * @param onlyChannel  the only channel posts may go to, if any
     * @param workspaceUrl what {@code auth.test} says the workspace's URL is
     */
    record Settings(Optional<String> botToken, Optional<String> onlyChannel, String workspaceUrl) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The same calls as {@link #calls}, in the same order, with their arrival time, token and answer. */
    public final List<Timed> timeline = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads;
    private final FakeSlackWorkspace workspace;
    private final Settings settings;
    private final AtomicInteger responseUrls = new AtomicInteger();
    private final Set<String> channelsWithoutBot = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, String> locales = new ConcurrentHashMap<>();
    private final Map<String, String> zones = new ConcurrentHashMap<>();

    private FakeSlackWebApi(HttpServer server, ExecutorService threads, FakeSlackWorkspace workspace, Settings settings) {
        this.server = server;
        this.threads = threads;
        this.workspace = workspace;
        this.settings = settings;
    }

    /** The shell's Slack: the bot token only, the one channel of {@code workspace}, printed as it changes. */
    static FakeSlackWebApi start(FakeSlackWorkspace workspace, String botToken) {
        return start(workspace, new Settings(Optional.of(botToken), Optional.of(FakeSlackWorkspace.CHANNEL), "https://local-shell.invalid/"));
    }

    /**
     * The tests' Slack: any token, any channel, nothing printed.
     *
     * @throws UncheckedIOException when no port can be bound
     */
    public static FakeSlackWebApi start() {
        return start(new FakeSlackWorkspace(Transcript.silent()), new Settings(Optional.empty(), Optional.empty(), "https://test.slack.com/"));
    }

    private static FakeSlackWebApi start(FakeSlackWorkspace workspace, Settings settings) {
        Objects.requireNonNull(workspace, "workspace == null");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
                Thread t = new Thread(runnable, "fake-slack");
                t.setDaemon(true);
                return t;
            });
            FakeSlackWebApi api = new FakeSlackWebApi(server, threads, workspace, settings);
            server.createContext("/api/", api::serveMethod);
            server.createContext("/respond/", api::serveResponseUrl);
            server.setExecutor(threads);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Slack Web API", e);
        }
    }

    /** The methods base URL, ending in {@code /api/}, for {@code SLACK_API_URL}. */
    public String apiUrl() {
        return base() + "/api/";
    }

    /** A fresh response URL, as Slack puts in each command and interaction payload. */
    public String responseUrl() {
        return responseUrl(String.valueOf(responseUrls.incrementAndGet()));
    }

    /** The response URL named {@code id}. */
    public String responseUrl(String id) {
        return base() + "/respond/" + id;
    }

    /** Posts to {@code channel} get {@code not_in_channel} from now on. */
    public void botNotIn(String channel) {
        channelsWithoutBot.add(channel);
    }

    /**
     * {@code users.info} gives {@code user} the Slack time zone {@code tz} (e.g. {@code Asia/Seoul}) from now on; by
     * default every user has this machine's zone, as the one person at the local shell does.
     */
    public void timeZone(String user, String tz) {
        zones.put(user, tz);
    }

    /** {@code users.info} gives {@code user} the Slack locale {@code tag} (e.g. {@code ko-KR}) from now on. */
    public void locale(String user, String tag) {
        locales.put(user, tag);
    }

    /** The next {@code times} calls of {@code method} get HTTP 429 with Retry-After: 1. */
    public void rateLimit(String method, int times) {
        rateLimited.put(method, new AtomicInteger(times));
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /**
     * The recorded methods in order, without {@code auth.test} (Bolt asks it on its own) and {@code users.info} (asked
     * or not depending on the language cache, not on the flow).
     */
    public List<String> methods() {
        return calls.stream().map(Call::method).filter(m -> !m.equals("auth.test") && !m.equals("users.info")).toList();
    }

    /**
     * Waits until a call that {@code matches} has been recorded (or was already), looking every 20 ms; for tests that
     * run the bot as another process. Returns the first.
     *
     * @throws TimeoutException when none arrived within {@code timeout}
     */
    public Timed await(Predicate<Timed> matches, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Timed> found = timeline.stream().filter(matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("no matching Slack call within " + timeout + "; calls so far: " + methods());
            }
            Thread.sleep(20);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serveMethod(HttpExchange exchange) throws IOException {
        try (exchange) {
            long at = System.nanoTime();
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = FakeSlackForms.params(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
            String token = auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : params.getOrDefault("token", "");
            Call call = new Call(method, params);
            AtomicInteger limit = rateLimited.get(method);
            if (limit != null && limit.getAndDecrement() > 0) {
                record(call, at, token, "429");
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "application/json; charset=utf-8", error("ratelimited").toString());
                return;
            }
            boolean authorized = settings.botToken().map(token::equals).orElse(true);
            String answer = (authorized ? answer(method, params) : error("invalid_auth")).toString();
            record(call, at, token, answer);
            send(exchange, 200, "application/json; charset=utf-8", answer);
        }
    }

    private synchronized void record(Call call, long at, String token, String answer) {
        calls.add(call);
        timeline.add(new Timed(call, at, token, answer));
    }

    private JsonObject answer(String method, Map<String, String> params) {
        JsonObject ok = new JsonObject();
        ok.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                ok.addProperty("url", settings.workspaceUrl());
                ok.addProperty("team", "Local shell");
                ok.addProperty("user", "ncp-rollout-bot");
                ok.addProperty("team_id", "T0LOCAL");
                ok.addProperty("user_id", "U0BOT");
                ok.addProperty("bot_id", "B0BOT");
            }
            case "users.info" -> {
                // answering keeps the bot from asking (and warning) on every message; English unless told otherwise
                JsonObject user = new JsonObject();
                String id = params.getOrDefault("user", FakeSlackWorkspace.USER);
                user.addProperty("id", id);
                user.addProperty("name", "local-user");
                user.addProperty("locale", locales.getOrDefault(id, "en-US"));
                user.addProperty("tz", zones.getOrDefault(id, java.time.ZoneId.systemDefault().getId()));
                ok.add("user", user);
            }
            case "chat.postMessage" -> {
                String channel = params.getOrDefault("channel", "");
                if (settings.onlyChannel().filter(only -> !only.equals(channel)).isPresent()) {
                    return error("channel_not_found");
                }
                if (channelsWithoutBot.contains(channel)) {
                    return error("not_in_channel");
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
            case "chat.delete" -> {
                return workspace.delete(params.getOrDefault("ts", "")) ? ok : error("message_not_found");
            }
            case "chat.postEphemeral" -> ok.addProperty("message_ts",
                    workspace.postEphemeral(params.getOrDefault("channel", FakeSlackWorkspace.CHANNEL), params.getOrDefault("text", ""), blocks(params)));
            case "views.open", "views.update", "views.publish" -> {
                return view(method, params, ok);
            }
            default -> {
                return error("unknown_method");
            }
        }
        return ok;
    }

    private JsonObject view(String method, Map<String, String> params, JsonObject ok) {
        Optional<JsonObject> view = json(params.get("view"));
        if (view.isEmpty()) {
            return error("invalid_arguments");
        }
        if (method.equals("views.open")) {
            ok.add("view", workspace.openView(view.get()));
        } else if (method.equals("views.update")) {
            String[] problem = new String[1];
            Optional<JsonObject> updated = workspace.updateView(params.getOrDefault("view_id", ""), params.get("hash"), view.get(), problem);
            if (updated.isEmpty()) {
                return error(problem[0]);
            }
            ok.add("view", updated.get());
        } else {
            workspace.publishHome(view.get());
            ok.add("view", view.get());
        }
        return ok;
    }

    /** A response URL post: an ephemeral message to the user (replacing the original counts as one too). */
    private void serveResponseUrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            long at = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Optional<JsonObject> message = json(body);
            record(new Call("response_url", Map.of("json", body)), at, "", message.isPresent() ? "ok" : "invalid_payload");
            if (message.isEmpty()) {
                send(exchange, 400, "text/plain", "invalid_payload");
                return;
            }
            JsonObject m = message.get();
            workspace.postEphemeral(FakeSlackWorkspace.CHANNEL, BlockKitText.string(m, "text"),
                    m.has("blocks") && m.get("blocks").isJsonArray() ? m.getAsJsonArray("blocks") : null);
            send(exchange, 200, "text/plain", "ok");
        }
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
