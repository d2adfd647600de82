package io.ncprollout.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.ncprollout.Bot;
import io.ncprollout.BotWiring;
import io.ncprollout.NcpBackend;
import io.ncprollout.Storage;
import io.ncprollout.config.BotConfig;
import io.ncprollout.sim.SimulatorFaults;
import io.ncprollout.sim.SimulatorSettings;
import io.ncprollout.slack.SlackHttpServer;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Item 1: ack latency of the bot's HTTP app against a bare Bolt app on the same transport ({@link SlackHttpServer},
 * 8 threads each), with every NCP call of the simulator delayed 2 s. Rounds alternate A (bare), B (bot).
 */
final class AckBench {
    static final String SECRET = "bench-signing-secret-0123456789";
    static final String TOKEN = "xoxb-0000000000-0000000000-benchtokenvalue";
    static final int WARMUP = 500;
    static final int PER_ROUND = 2000;
    static final int ROUNDS = 6;

    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger seq = new AtomicInteger();
    private String respondTo = "http://127.0.0.1:1/respond/";

    AckBench(PrintStream out) {
        this.out = out;
    }

    void run() throws Exception {
        try (BenchSlack slack = new BenchSlack()) {
            respondTo = slack.responseUrl();
            Clock clock = Clock.systemUTC();
            int port = freePort();
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                    "SLACK_API_URL", slack.apiUrl(), "PORT", String.valueOf(port), "METRICS_PORT", String.valueOf(freePort()));
            BotConfig config = BotConfig.fromEnv(env);
            NcpBackend ncp = NcpBackend.open(config.ncp(), clock, SimulatorSettings.defaults().withClock(clock)
                    .withFaults(new SimulatorFaults().latency(Duration.ofSeconds(2))));
            ExecutorService work = Executors.newFixedThreadPool(8);
            Bot bot = BotWiring.build(config, clock, ncp, Storage.inMemory(), work);
            bot.start();

            SlackConfig slackConfig = new SlackConfig();
            slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
            App bare = new App(AppConfig.builder().singleTeamBotToken(TOKEN).signingSecret(SECRET)
                    .slack(Slack.getInstance(slackConfig)).build());
            bare.command("/kafka", (req, ctx) -> ctx.ack());
            bare.viewSubmission("kafka-restart-confirm", (req, ctx) -> ctx.ack());
            ExecutorService bareThreads = Executors.newFixedThreadPool(8);
            SlackHttpServer bareServer = SlackHttpServer.start(bare, 0, bareThreads, clock);

            String botUrl = "http://127.0.0.1:" + port + SlackHttpServer.PATH;
            String bareUrl = "http://127.0.0.1:" + bareServer.port() + SlackHttpServer.PATH;
            String submission = mistypedSubmission(botUrl, slack);
            out.println("view_submission used: the confirmation modal of demo-kafka as the bot rendered it, with the name"
                    + " typed wrong (demo-kafak); the bot answers response_action=errors in the ack and starts nothing.");
            String check = post(botUrl, submission).body();
            out.println("bot's answer to it: " + check);

            for (int senders : new int[] {4, 50}) {
                measure("slash command /kafka restart demo-kafka", senders, bareUrl, botUrl, i -> command());
                measure("view_submission (mistyped name)", senders, bareUrl, botUrl, i -> submission);
            }
            out.println("background work the bot queued (prechecks waiting on the 2 s NCP delay) was still running: "
                    + "NCP simulator answered " + ncp.simulator().orElseThrow().journal().entries().size() + " calls in all");
            bareServer.close();
            bareThreads.shutdownNow();
            work.shutdownNow();
            bot.close();
        }
    }

    private void measure(String what, int senders, String bareUrl, String botUrl, IntFunction<String> body) throws Exception {
        round(bareUrl, senders, WARMUP, body);
        round(botUrl, senders, WARMUP, body);
        List<Long> bare = new ArrayList<>();
        List<Long> bot = new ArrayList<>();
        StringBuilder perRound = new StringBuilder();
        for (int r = 0; r < ROUNDS; r++) {
            List<Long> a = round(bareUrl, senders, PER_ROUND, body);
            List<Long> b = round(botUrl, senders, PER_ROUND, body);
            bare.addAll(a);
            bot.addAll(b);
            perRound.append(String.format(" %s/%s", Stats.ms(Stats.percentile(Stats.sorted(a), 99)),
                    Stats.ms(Stats.percentile(Stats.sorted(b), 99))));
        }
        long[] sa = Stats.sorted(bare);
        long[] sb = Stats.sorted(bot);
        double ratio = (double) Stats.percentile(sb, 99) / Stats.percentile(sa, 99);
        out.printf("%-42s senders=%-3d n=%d per app | bare p50 %s p99 %s max %s ms | bot p50 %s p99 %s max %s ms | p99 ratio %.2f%n",
                what, senders, sa.length, Stats.ms(Stats.percentile(sa, 50)), Stats.ms(Stats.percentile(sa, 99)),
                Stats.ms(sa[sa.length - 1]), Stats.ms(Stats.percentile(sb, 50)), Stats.ms(Stats.percentile(sb, 99)),
                Stats.ms(sb[sb.length - 1]), ratio);
        out.println("    p99 per round, bare/bot (ms):" + perRound);
    }

    /** {@code total} requests from {@code senders} threads, each sending one after the other; latencies in nanos. */
    private List<Long> round(String url, int senders, int total, IntFunction<String> body) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
        AtomicInteger left = new AtomicInteger(total);
        CountDownLatch done = new CountDownLatch(senders);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int s = 0; s < senders; s++) {
            Thread t = new Thread(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        String b = body.apply(0);
                        HttpRequest request = signed(url, b);
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                        }
                        latencies.add(t1 - t0);
                    }
                } catch (Exception e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "sender-" + s);
            t.start();
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a sender failed", failures.get(0));
        }
        return latencies;
    }

    private String command() {
        int n = seq.incrementAndGet();
        return "token=unused&team_id=T0BENCH&team_domain=bench&channel_id=C1&channel_name=ops&user_id=U1&user_name=alice"
                + "&command=%2Fkafka&text=" + enc("restart demo-kafka") + "&api_app_id=A0BENCH&is_enterprise_install=false"
                + "&response_url=" + enc(respondTo + n) + "&trigger_id=" + enc("1337." + n + ".trigger");
    }

    /** Runs one real command, waits for the confirmation modal, and builds its submission with the name mistyped. */
    private String mistypedSubmission(String botUrl, BenchSlack slack) throws Exception {
        post(botUrl, command());
        JsonObject view = null;
        for (int i = 0; i < 200 && view == null; i++) {
            Thread.sleep(100);
            for (String v : slack.views) {
                if (v.contains("confirm-name")) {
                    view = JsonParser.parseString(v).getAsJsonObject();
                }
            }
        }
        if (view == null) {
            throw new IllegalStateException("the confirmation modal never came");
        }
        JsonObject values = new JsonObject();
        for (var element : view.getAsJsonArray("blocks")) {
            JsonObject block = element.getAsJsonObject();
            if (!"input".equals(block.get("type").getAsString())) {
                continue;
            }
            JsonObject el = block.getAsJsonObject("element");
            JsonObject value = new JsonObject();
            value.addProperty("type", el.get("type").getAsString());
            String blockId = block.get("block_id").getAsString();
            value.addProperty("value", blockId.equals("confirm-name") ? "demo-kafak" : "bench");
            JsonObject wrapper = new JsonObject();
            wrapper.add(el.get("action_id").getAsString(), value);
            values.add(blockId, wrapper);
        }
        JsonObject state = new JsonObject();
        state.add("values", values);
        JsonObject submitted = new JsonObject();
        submitted.addProperty("id", "V1");
        submitted.addProperty("type", "modal");
        submitted.addProperty("callback_id", view.get("callback_id").getAsString());
        submitted.addProperty("private_metadata", view.get("private_metadata").getAsString());
        submitted.addProperty("hash", "h1");
        submitted.add("state", state);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "view_submission");
        payload.add("team", JsonParser.parseString("{\"id\":\"T0BENCH\",\"domain\":\"bench\"}"));
        payload.add("user", JsonParser.parseString("{\"id\":\"U1\",\"username\":\"alice\",\"team_id\":\"T0BENCH\"}"));
        payload.addProperty("api_app_id", "A0BENCH");
        payload.addProperty("trigger_id", "1337.99.trigger");
        payload.add("view", submitted);
        return "payload=" + enc(payload.toString());
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(signed(url, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest signed(String url, String body) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Slack-Request-Timestamp", ts);
        headers.put("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, body));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", headers.get("X-Slack-Signature"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
