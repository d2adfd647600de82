package io.ncprollout.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.Bot;
import io.ncprollout.BotWiring;
import io.ncprollout.NcpBackend;
import io.ncprollout.Storage;
import io.ncprollout.config.BotConfig;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The real bot (Bolt app, handlers, poller, notifier, NCP client) against a fake Slack Web API and the in-process
 * NCP simulator, driven the way Slack drives it: signed slash commands and view submissions into the app.
 * Work after the ack runs only when the test says ({@link #runWork()}); time moves only when the test advances it.
 */
public final class BotHarness implements AutoCloseable {
    public static final String SIGNING_SECRET = "test-signing-secret-0123456789";
    public static final String BOT_TOKEN = "xoxb-0000000000-0000000000-testtokenvalue";
    public static final Duration POLL = Duration.ofSeconds(15);

    public final MutableClock clock;
    public final FakeSlackWebApi slack;
    public final QueueExecutor work = new QueueExecutor();
    public final NcpBackend ncp;
    public final Storage storage;
    public final Bot bot;
    private final BotConfig config;
    private final boolean owner;
    private int commands;
    private String lastSubmission;

    private BotHarness(Map<String, String> extraEnv, UnaryOperator<SimulatorSettings> customize, Storage storage) throws Exception {
        this.clock = MutableClock.at("2026-11-22T10:00:00Z");
        this.slack = FakeSlackWebApi.start();
        this.storage = storage;
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_API_URL", slack.apiUrl(),
                "ROLLOUT_POLL_INTERVAL", "15s", "ROLLOUT_STALL_AFTER", "2m",
                // tests drive the simulator faster than any cap; the cap has its own tests
                "NCP_MAX_REQUESTS_PER_SECOND", "10000"));
        env.putAll(extraEnv);
        this.config = BotConfig.fromEnv(env);
        this.ncp = NcpBackend.open(config.ncp(), clock,
                customize.apply(SimulatorSettings.defaults().withClock(clock).withNodeStep(Duration.ofSeconds(30))));
        this.bot = BotWiring.build(config, clock, ncp, storage, work);
        this.owner = true;
    }

    /** Another bot process on the same clock, Slack, NCP simulator and store (a replica, or the bot after a restart). */
    private BotHarness(BotHarness first) {
        this.clock = first.clock;
        this.slack = first.slack;
        this.storage = first.storage;
        this.config = first.config;
        this.ncp = first.ncp;
        this.bot = BotWiring.build(config, clock, ncp, storage, work);
        this.owner = false;
    }

    public static BotHarness start() throws Exception {
        return new BotHarness(Map.of(), UnaryOperator.identity(), Storage.inMemory());
    }

    /** A harness whose simulator settings are first passed through {@code customize} (more clusters, faults…). */
    public static BotHarness start(UnaryOperator<SimulatorSettings> customize) throws Exception {
        return new BotHarness(Map.of(), customize, Storage.inMemory());
    }

    /** A harness with extra environment variables (e.g. {@code ROLLOUT_POLL_INTERVAL}) and the simulator's node step. */
    public static BotHarness start(Map<String, String> env, Duration nodeStep) throws Exception {
        return new BotHarness(env, settings -> settings.withNodeStep(nodeStep), Storage.inMemory());
    }

    /** A harness with extra environment variables (e.g. {@code ROLLOUT_CONFIG}). */
    public static BotHarness withEnv(Map<String, String> env) throws Exception {
        return new BotHarness(env, UnaryOperator.identity(), Storage.inMemory());
    }

    /** A harness on the given store (a database shared with other harnesses). */
    public static BotHarness on(Storage storage) throws Exception {
        return new BotHarness(Map.of(), UnaryOperator.identity(), storage);
    }

    /** Another bot process sharing this one's clock, Slack, simulator and store. */
    public BotHarness replica() {
        return new BotHarness(this);
    }

    /** Runs the bot's periodic chores once (expiring approvals). */
    public void housekeeping() {
        bot.runHousekeeping();
    }

    public NcpSimulator simulator() {
        return ncp.simulator().orElseThrow();
    }

    /** Sends {@code /kafka <text>} as {@code user} in {@code channel}, signed as Slack signs it. */
    public Response command(String command, String text, String user, String channel) throws Exception {
        int n = ++commands;
        String body = SlackPayloads.slashCommand(command, text, user, channel, slack.responseUrl("cmd-" + n), "1337." + n + ".trigger");
        return bot.app().run(new SlashCommandRequest(body, signed(body)));
    }

    /** Submits the confirmation modal last sent with views.update, with the given typed name and reason, as {@code user}. */
    public Response submitConfirmation(String typedName, String reason, String user) throws Exception {
        return submitView(Map.of("confirm-name", typedName, "reason", reason), user);
    }

    /**
     * Submits the modal last sent, as Slack would: every input block's current value — {@code typed} text by block id,
     * and each select's initial option (or {@code typed} by block id when given).
     */
    public Response submitView(Map<String, String> typed, String user) throws Exception {
        lastSubmission = SlackPayloads.viewSubmission(lastView(), viewId(), typed, user);
        return resubmit();
    }

    /** Sends the last view submission again, exactly as before (newly signed): what Slack does when it retries. */
    public Response resubmit() throws Exception {
        String body = "payload=" + enc(lastSubmission);
        return bot.app().run(new ViewSubmissionRequest(body, lastSubmission, signed(body)));
    }

    /** The id Slack gave the modal last opened (the fake numbers them V1, V2…, one per views.open). */
    public String viewId() {
        return "V" + slack.calls("views.open").size();
    }

    /** The view JSON of the latest views.open or views.update. */
    public JsonObject lastView() {
        List<FakeSlackWebApi.Call> views = slack.calls.stream()
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

    /** Picks {@code value} in the select {@code actionId} of block {@code blockId} of the last modal, as {@code user}. */
    public Response select(String blockId, String actionId, String value, String user) throws Exception {
        JsonObject view = lastView();
        JsonObject sent = new JsonObject();
        sent.addProperty("id", viewId());
        sent.addProperty("type", "modal");
        sent.addProperty("hash", "hash-1");
        sent.addProperty("callback_id", view.get("callback_id").getAsString());
        sent.addProperty("private_metadata", view.has("private_metadata") ? view.get("private_metadata").getAsString() : "");
        JsonObject state = new JsonObject();
        state.add("values", stateOf(view, Map.of(blockId, value)));
        sent.add("state", state);
        JsonObject action = new JsonObject();
        action.addProperty("type", "static_select");
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", blockId);
        action.add("selected_option", option(value));
        return blockAction(user, null, sent, action);
    }

    /** Presses the button {@code actionId} with {@code value} on a message in {@code channel}, as {@code user}. */
    public Response press(String actionId, String value, String user, String channel) throws Exception {
        JsonObject action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b1");
        action.addProperty("value", value);
        return blockAction(user, channel, null, action);
    }

    /** Opens the App Home tab as {@code user}. */
    public Response openHome(String user) throws Exception {
        String json = "{\"token\":\"x\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A0TEST\",\"type\":\"event_callback\","
                + "\"event_id\":\"Ev" + (++commands) + "\",\"event_time\":1700000000,\"event\":{\"type\":\"app_home_opened\",\"user\":\""
                + user + "\",\"channel\":\"D0HOME\",\"tab\":\"home\"}}";
        return bot.app().run(new com.slack.api.bolt.request.builtin.EventRequest(json, signed(json)));
    }

    private Response blockAction(String user, String channel, JsonObject view, JsonObject action) throws Exception {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("team", JsonParser.parseString("{\"id\":\"T0TEST\",\"domain\":\"test\"}"));
        payload.add("user", JsonParser.parseString("{\"id\":\"" + user + "\",\"username\":\"alice\",\"team_id\":\"T0TEST\"}"));
        payload.addProperty("api_app_id", "A0TEST");
        payload.addProperty("trigger_id", "1337.77.trigger");
        if (channel != null) {
            payload.add("channel", JsonParser.parseString("{\"id\":\"" + channel + "\",\"name\":\"ops\"}"));
            payload.addProperty("response_url", slack.responseUrl("action-" + (++commands)));
            payload.add("container", JsonParser.parseString("{\"type\":\"message\",\"channel_id\":\"" + channel + "\"}"));
        }
        if (view != null) {
            payload.add("view", view);
            payload.add("container", JsonParser.parseString("{\"type\":\"view\",\"view_id\":\"" + viewId() + "\"}"));
        }
        com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        String json = payload.toString();
        String body = "payload=" + enc(json);
        return bot.app().run(new com.slack.api.bolt.request.builtin.BlockActionRequest(body, json, signed(body)));
    }

    private static JsonObject stateOf(JsonObject view, Map<String, String> typed) {
        return SlackPayloads.stateOf(view, typed);
    }

    private static JsonObject option(String value) {
        return SlackPayloads.option(value);
    }

    /** Bolt checks the signature's timestamp against the real wall clock, so it is signed with real time. */
    private static RequestHeaders signed(String body) {
        return new RequestHeaders(SlackPayloads.signatureHeaders(SIGNING_SECRET, body));
    }

    private static String enc(String text) {
        return SlackPayloads.enc(text);
    }

    /** Closes this bot; the first harness also closes what the replicas share. */
    @Override
    public void close() throws Exception {
        if (owner) {
            bot.close();
            slack.close();
        }
    }
}
