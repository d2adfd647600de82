package io.ncprollout.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.Bot;
import io.ncprollout.BotWiring;
import io.ncprollout.NcpBackend;
import io.ncprollout.config.BotConfig;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real bot (Bolt app, handlers, poller, notifier, NCP client) against a fake Slack Web API and the in-process
 * NCP simulator, driven the way Slack drives it: signed slash commands and view submissions into the app.
 * Work after the ack runs only when the test says ({@link #runWork()}); time moves only when the test advances it.
 */
public final class BotHarness implements AutoCloseable {
    public static final String SIGNING_SECRET = "test-signing-secret-0123456789";
    public static final String BOT_TOKEN = "xoxb-0000000000-0000000000-testtokenvalue";
    public static final Duration POLL = Duration.ofSeconds(15);

    public final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    public final FakeSlackApi slack;
    public final QueueExecutor work = new QueueExecutor();
    public final NcpBackend ncp;
    public final Bot bot;
    private int commands;

    private BotHarness(Map<String, String> extraEnv, Duration nodeStep) throws Exception {
        slack = new FakeSlackApi();
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_API_URL", slack.apiUrl(),
                "ROLLOUT_POLL_INTERVAL", "15s", "ROLLOUT_STALL_AFTER", "2m"));
        env.putAll(extraEnv);
        BotConfig config = BotConfig.fromEnv(env);
        ncp = NcpBackend.open(config.ncp(), clock, SimulatorSettings.defaults().withClock(clock).withNodeStep(nodeStep));
        bot = BotWiring.build(config, clock, ncp, work);
    }

    public static BotHarness start() throws Exception {
        return new BotHarness(Map.of(), Duration.ofSeconds(30));
    }

    public NcpSimulator simulator() {
        return ncp.simulator().orElseThrow();
    }

    /** Sends {@code /kafka <text>} as {@code user} in {@code channel}, signed as Slack signs it. */
    public Response command(String command, String text, String user, String channel) throws Exception {
        int n = ++commands;
        String body = "token=unused&team_id=T0TEST&team_domain=test&channel_id=" + channel + "&channel_name=ops&user_id=" + user
                + "&user_name=alice&command=" + enc(command) + "&text=" + enc(text) + "&api_app_id=A0TEST&is_enterprise_install=false"
                + "&response_url=" + enc(slack.responseUrl("cmd-" + n)) + "&trigger_id=" + enc("1337." + n + ".trigger");
        return bot.app().run(new SlashCommandRequest(body, signed(body)));
    }

    /** Submits the confirmation modal last sent with views.update, with the given typed name and reason, as {@code user}. */
    public Response submitConfirmation(String typedName, String reason, String user) throws Exception {
        JsonObject view = lastView();
        JsonObject values = new JsonObject();
        values.add("confirm-name", input("confirm-name-input", typedName));
        values.add("reason", input("reason-input", reason));
        JsonObject state = new JsonObject();
        state.add("values", values);
        JsonObject submitted = new JsonObject();
        submitted.addProperty("id", "V1");
        submitted.addProperty("type", "modal");
        submitted.addProperty("callback_id", view.get("callback_id").getAsString());
        submitted.addProperty("private_metadata", view.has("private_metadata") ? view.get("private_metadata").getAsString() : "");
        submitted.addProperty("hash", "hash-1");
        submitted.add("state", state);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "view_submission");
        payload.add("team", JsonParser.parseString("{\"id\":\"T0TEST\",\"domain\":\"test\"}"));
        payload.add("user", JsonParser.parseString("{\"id\":\"" + user + "\",\"username\":\"alice\",\"team_id\":\"T0TEST\"}"));
        payload.addProperty("api_app_id", "A0TEST");
        payload.addProperty("trigger_id", "1337.99.trigger");
        payload.add("view", submitted);
        String json = payload.toString();
        String body = "payload=" + enc(json);
        return bot.app().run(new ViewSubmissionRequest(body, json, signed(body)));
    }

    /** The view JSON of the latest views.open or views.update. */
    public JsonObject lastView() {
        List<FakeSlackApi.Call> views = slack.calls.stream()
                .filter(c -> c.method().equals("views.update") || c.method().equals("views.open")).toList();
        return JsonParser.parseString(views.get(views.size() - 1).param("view")).getAsJsonObject();
    }

    public void runWork() {
        work.runAll();
    }

    /** Advances the clock one poll interval and runs one poll and one flush, {@code times} times. */
    public void poll(int times) {
        for (int i = 0; i < times; i++) {
            clock.advance(POLL);
            bot.poller().pollOnce();
            bot.notifier().flushPending(clock.instant());
        }
    }

    private static JsonObject input(String actionId, String value) {
        JsonObject v = new JsonObject();
        v.addProperty("type", "plain_text_input");
        v.addProperty("value", value);
        JsonObject block = new JsonObject();
        block.add(actionId, v);
        return block;
    }

    /** Bolt checks the signature's timestamp against the real wall clock, so it is signed with real time. */
    private static RequestHeaders signed(String body) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("X-Slack-Request-Timestamp", List.of(ts));
        headers.put("X-Slack-Signature", List.of(new SlackSignature.Generator(SIGNING_SECRET).generate(ts, body)));
        return new RequestHeaders(headers);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        bot.close();
        slack.close();
    }
}
