package io.ncprollout.testing;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake Slack Web API on MockWebServer: answers {@code /api/<method>} like Slack does for the calls the bot
 * makes, records every call with its form fields, and can be told to refuse a channel or rate-limit a method.
 * Response URLs are served at {@code /respond/<id>}. {@code users.info} answers every user with locale
 * {@code en-US} unless a test sets another with {@link #locale}. Each call is also kept in {@link #timeline} with when it
 * arrived, the token that made it and the answer, for tests that run the bot as another process and wait for it.
 */
public final class FakeSlackApi implements AutoCloseable {
    /** One recorded Web API call. */
    public record Call(String method, Map<String, String> params) {
        public String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    /**
     * One recorded call with when it arrived, who made it and what it was answered.
     *
     * @param call    the call
     * @param atNanos {@link System#nanoTime()} when it arrived
     * @param token   the bearer token it carried (each bot process of a test may have its own), or empty
     * @param answer  the response body sent back
     */
    public record Timed(Call call, long atNanos, String token, String answer) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The same calls as {@link #calls}, in the same order, with their arrival time, token and answer. */
    public final List<Timed> timeline = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger ts = new AtomicInteger(100);
    private final AtomicInteger views = new AtomicInteger();
    private final Set<String> channelsWithoutBot = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, String> locales = new ConcurrentHashMap<>();

    public FakeSlackApi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    /** The Web API base URL, ending in {@code /api/}, for {@code SLACK_API_URL}. */
    public String apiUrl() {
        return server.url("/api/").toString();
    }

    public String responseUrl(String id) {
        return server.url("/respond/" + id).toString();
    }

    public void botNotIn(String channel) {
        channelsWithoutBot.add(channel);
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
     * The recorded methods in order, without the auth.test calls Bolt makes on its own and the users.info calls
     * that learn a user's language (whether they happen depends on the locale cache, not on the flow).
     */
    public List<String> methods() {
        return calls.stream().map(Call::method).filter(m -> !m.equals("auth.test") && !m.equals("users.info")).toList();
    }

    /**
     * Waits until a call that {@code matches} has been recorded (or was already), checking every 20 ms; returns the first.
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

    private MockResponse answer(RecordedRequest request) {
        long at = System.nanoTime();
        String path = request.getPath() == null ? "" : request.getPath();
        Map<String, String> params = form(request.getBody().readUtf8());
        String auth = request.getHeader("Authorization");
        String token = auth == null ? "" : auth.replaceFirst("^Bearer ", "");
        if (path.startsWith("/respond/")) {
            record(new Call("response_url", params), at, token, "ok");
            return new MockResponse().setBody("ok");
        }
        String method = path.replaceFirst("^/api/", "").replaceFirst("\\?.*$", "");
        Call call = new Call(method, params);
        AtomicInteger limit = rateLimited.get(method);
        if (limit != null && limit.getAndDecrement() > 0) {
            record(call, at, token, "429");
            return new MockResponse().setResponseCode(429).setHeader("Retry-After", "1").setBody("{\"ok\":false,\"error\":\"ratelimited\"}");
        }
        String body = body(method, params);
        record(call, at, token, body);
        return json(body);
    }

    private synchronized void record(Call call, long at, String token, String answer) {
        calls.add(call);
        timeline.add(new Timed(call, at, token, answer));
    }

    private String body(String method, Map<String, String> params) {
        return switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"rollout-bot\",\"team_id\":\"T0TEST\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
            case "views.open", "views.update" -> "{\"ok\":true,\"view\":{\"id\":\"V" + (method.equals("views.open") ? views.incrementAndGet() : views.get())
                    + "\",\"hash\":\"hash-" + ts.incrementAndGet() + "\"}}";
            case "chat.postMessage" -> post(params.get("channel"));
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"VH1\",\"hash\":\"h\"}}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.000001\"}";
            case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user") + "\",\"name\":\"someone\",\"locale\":\""
                    + locales.getOrDefault(params.getOrDefault("user", ""), "en-US") + "\"}}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    private String post(String channel) {
        if (channel != null && channelsWithoutBot.contains(channel)) {
            return "{\"ok\":false,\"error\":\"not_in_channel\"}";
        }
        return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000." + String.format("%06d", ts.incrementAndGet()) + "\"}";
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            params.put("json", body);
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
