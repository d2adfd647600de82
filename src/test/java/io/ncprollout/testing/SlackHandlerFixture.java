package io.ncprollout.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.methods.MethodsClient;
import io.ncprollout.rollout.ApprovalService;
import io.ncprollout.rollout.RolloutPoller;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.ApprovalRules;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.tracking.PollSchedule;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.TrackerSettings;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.slack.EditBudget;
import io.ncprollout.slack.SlackApprovalNotifier;
import io.ncprollout.slack.SlackProgressNotifier;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.command.UpgradeFlow;
import io.ncprollout.slack.render.ApprovalMessages;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.ProgressMessages;
import io.ncprollout.slack.render.UpgradeViews;
import io.ncprollout.store.InMemoryApprovalStore;
import io.ncprollout.store.InMemoryAuditLog;
import io.ncprollout.store.InMemoryFreezeList;
import io.ncprollout.store.InMemoryRequestKeys;
import io.ncprollout.store.InMemoryRolloutStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Slack handler needs, over fakes, for testing one handler on its own: the fake Slack Web API its calls go to,
 * the domain over {@link FakeOperationsApi} and in-memory stores, an injected clock, and a queue for the work a handler
 * leaves for after its ack. Builds Bolt requests as Slack sends them, with the context Bolt would give the handler.
 * The policy: U0ALICE may start anything in C0OPS, U0BOB approves {@code orders-*}, U0ADMIN is the admin, all three and
 * U0KIM may read, and U0EVE may do nothing.
 */
public final class SlackHandlerFixture implements AutoCloseable {
    public static final String TOKEN = "xoxb-handler-test";
    public static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");
    public static final ClusterRef ORDERS = new ClusterRef(Product.KAFKA, "2000001", "orders-prod", "KR");
    public static final Duration POLL = Duration.ofSeconds(15);
    private static final AccessPolicy POLICY = new AccessPolicy(AccessPolicy.Mode.POLICY, List.of(
            new AccessPolicy.Grant(Set.of(Product.KAFKA, Product.OPENSEARCH), Set.of("restart", "upgrade", "restart-cmak"), List.of("*"),
                    List.of("C0OPS"), Set.of("U0ALICE"), Set.of())),
            new AccessPolicy.Principals(Set.of("U0ALICE", "U0BOB", "U0ADMIN", "U0KIM"), Set.of()), Set.of("U0ADMIN"));

    public final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    public final FakeSlackWebApi slack = FakeSlackWebApi.start();
    public final Slack sdk;
    public final MethodsClient client;
    public final FakeOperationsApi api = new FakeOperationsApi(Observations.cluster("running").broker("b-1", "green").broker("b-2", "green").build());
    public final InMemoryRolloutStore store = new InMemoryRolloutStore();
    public final InMemoryApprovalStore approvalStore = new InMemoryApprovalStore();
    public final QueueExecutor work = new QueueExecutor();
    public final SlackUserLocales locales;
    public final SlackProgressNotifier notifier;
    public final Gatekeeper gatekeeper;
    public final RolloutService service;
    public final ApprovalService approvals;
    public final io.ncprollout.store.InMemoryScheduleStore scheduleStore = new io.ncprollout.store.InMemoryScheduleStore();
    public final RecordingScheduleNotifier scheduleNotes = new RecordingScheduleNotifier();
    public final io.ncprollout.rollout.ScheduleService schedules;
    public final io.ncprollout.slack.command.AskedTimes times;
    public final RolloutPoller poller;
    public final ConfirmationViews views = new ConfirmationViews(true);
    public final UpgradeFlow upgrades;
    public final io.ncprollout.store.InMemoryFleetStore fleetStore = new io.ncprollout.store.InMemoryFleetStore();
    public final io.ncprollout.rollout.FleetService fleets;
    public final io.ncprollout.slack.command.FleetFlow fleetFlow;
    private final AtomicInteger n = new AtomicInteger();

    public SlackHandlerFixture() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        sdk = Slack.getInstance(config);
        client = sdk.methods(TOKEN);
        api.clusters.add(new ClusterSummary(DEMO, "running", "Kafka 3.7.1", 2));
        api.clusters.add(new ClusterSummary(ORDERS, "running", "Kafka 3.7.1", 2));
        locales = new SlackUserLocales(client, Duration.ofMinutes(30), Ticker.systemTicker());
        notifier = new SlackProgressNotifier(client, new ProgressMessages(true), locales, EditBudget.perMinuteDefault(), clock);
        gatekeeper = new Gatekeeper(POLICY, (user, group) -> false, new InMemoryFreezeList(), new InMemoryAuditLog(), clock, Journals.WORDING);
        service = new RolloutService(new Platform(api, api.directory()), Journals.of(store, notifier, clock), notifier, gatekeeper, clock,
                () -> "op-" + n.incrementAndGet());
        schedules = new io.ncprollout.rollout.ScheduleService(scheduleStore, io.ncprollout.rollout.schedule.MaintenanceWindows.none(), gatekeeper,
                scheduleNotes, Journals.WORDING, clock, () -> "run-" + n.incrementAndGet());
        approvals = new ApprovalService(service, schedules,
                new ApprovalRules(List.of(new ApprovalRules.Rule(List.of("orders-*"), new AccessPolicy.Principals(Set.of("U0BOB"), Set.of()),
                        Duration.ofMinutes(30)))),
                approvalStore, new SlackApprovalNotifier(client, new ApprovalMessages(true), locales), gatekeeper,
                new io.ncprollout.rollout.ApprovalService.Bookkeeping(clock, () -> "ap-" + n.incrementAndGet(), new InMemoryRequestKeys()));
        poller = new RolloutPoller(Journals.of(store, notifier, clock), api, notifier,
                new RolloutTransitions(TrackerSettings.of(POLL, Duration.ofMinutes(10))), PollSchedule.every(POLL, clock.instant()), clock);
        times = new io.ncprollout.slack.command.AskedTimes(locales, schedules);
        upgrades = new UpgradeFlow(service, new UpgradeViews(true), views, gatekeeper, locales, times);
        fleets = new io.ncprollout.rollout.FleetService(new Platform(api, api.directory()), store, fleetStore,
                io.ncprollout.rollout.fleet.FleetPlan.none(), gatekeeper, ApprovalRules.none(),
                new io.ncprollout.rollout.tracking.Replica("fixture", Duration.ofSeconds(20), io.ncprollout.rollout.tracking.RolloutStore.TakeOver.ALL), clock);
        fleetFlow = new io.ncprollout.slack.command.FleetFlow(fleets, new io.ncprollout.slack.render.FleetMessages(true), views, gatekeeper, locales,
                times);
    }

    /** A slash command as Slack sends it, with the context Bolt gives the handler. */
    public SlashCommandRequest command(String command, String text, String user, String channel) {
        String body = SlackPayloads.slashCommand(command, text, user, channel, slack.responseUrl("cmd-" + n.incrementAndGet()), "1337.1.trigger");
        return withContext(new SlashCommandRequest(body, headers(body)));
    }

    /** A click on button {@code actionId} with {@code value}, on a message in {@code channel}. */
    public BlockActionRequest press(String actionId, String value, String user, String channel) {
        JsonObject action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b1");
        action.addProperty("value", value);
        JsonObject payload = actionPayload(user, action);
        payload.add("channel", JsonParser.parseString("{\"id\":\"" + channel + "\",\"name\":\"ops\"}"));
        payload.addProperty("response_url", slack.responseUrl("action-" + n.incrementAndGet()));
        payload.add("container", JsonParser.parseString("{\"type\":\"message\",\"channel_id\":\"" + channel + "\"}"));
        return blockAction(payload);
    }

    /** {@code user} picks {@code value} in the select {@code actionId} of block {@code blockId} of the open modal {@code view}. */
    public BlockActionRequest select(JsonObject view, String blockId, String actionId, String value, String user) {
        JsonObject action = new JsonObject();
        action.addProperty("type", "static_select");
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", blockId);
        action.add("selected_option", SlackPayloads.option(value));
        JsonObject payload = actionPayload(user, action);
        payload.add("view", view);
        payload.add("container", JsonParser.parseString("{\"type\":\"view\",\"view_id\":\"" + view.get("id").getAsString() + "\"}"));
        return blockAction(payload);
    }

    /** A block_actions payload that carries no action at all (forged or truncated). */
    public BlockActionRequest emptyClick(String user) {
        JsonObject payload = actionPayload(user, null);
        return blockAction(payload);
    }

    /** The submission of {@code view} (as last sent to Slack, id {@code viewId}) with {@code typed} values, by {@code user}. */
    public ViewSubmissionRequest submit(JsonObject view, String viewId, Map<String, String> typed, String user) {
        String json = SlackPayloads.viewSubmission(view, viewId, typed, user);
        String body = "payload=" + SlackPayloads.enc(json);
        return withContext(new ViewSubmissionRequest(body, json, headers(body)));
    }

    /** {@code user} opens the App Home tab. */
    public EventRequest homeOpened(String user) {
        String json = "{\"token\":\"x\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A0TEST\",\"type\":\"event_callback\",\"event_id\":\"Ev"
                + n.incrementAndGet() + "\",\"event_time\":1700000000,\"event\":{\"type\":\"app_home_opened\",\"user\":\"" + user
                + "\",\"channel\":\"D0HOME\",\"tab\":\"home\"}}";
        return withContext(new EventRequest(json, headers(json)));
    }

    /** The view of the latest views.open or views.update, and its id. */
    public JsonObject lastView() {
        List<FakeSlackWebApi.Call> sent = slack.calls.stream().filter(c -> c.method().startsWith("views.open") || c.method().equals("views.update")).toList();
        return JsonParser.parseString(sent.get(sent.size() - 1).param("view")).getAsJsonObject();
    }

    /** The texts of the replies sent through response URLs, oldest first. */
    public List<String> replies() {
        return slack.calls("response_url").stream().map(c -> c.param("json")).toList();
    }

    private JsonObject actionPayload(String user, JsonObject action) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("team", JsonParser.parseString("{\"id\":\"T0TEST\",\"domain\":\"test\"}"));
        payload.add("user", JsonParser.parseString("{\"id\":\"" + user + "\",\"username\":\"someone\",\"team_id\":\"T0TEST\"}"));
        payload.addProperty("api_app_id", "A0TEST");
        payload.addProperty("trigger_id", "1337.77.trigger");
        JsonArray actions = new JsonArray();
        if (action != null) {
            actions.add(action);
        }
        payload.add("actions", actions);
        return payload;
    }

    private BlockActionRequest blockAction(JsonObject payload) {
        String json = payload.toString();
        String body = "payload=" + SlackPayloads.enc(json);
        return withContext(new BlockActionRequest(body, json, headers(body)));
    }

    private <C extends Context, R extends Request<C>> R withContext(R request) {
        request.getContext().setSlack(sdk);
        request.getContext().setBotToken(TOKEN);
        return request;
    }

    private static RequestHeaders headers(String body) {
        return new RequestHeaders(SlackPayloads.signatureHeaders("handler-test-secret", body));
    }

    @Override
    public void close() {
        slack.close();
    }
}
