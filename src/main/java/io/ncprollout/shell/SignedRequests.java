package io.ncprollout.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Slack would send to the app for what the local user does, built the way Slack builds it and signed with
 * the run's signing secret, then run through the real Bolt {@link App} (signature check, routing, handlers):
 * slash commands, view submissions, block actions from a modal or a message, and {@code app_home_opened}.
 */
final class SignedRequests {
    private static final String TEAM = "{\"id\":\"T0LOCAL\",\"domain\":\"local-shell\"}";

    private final App app;
    private final SlackSignature.Generator signer;
    private final FakeSlackWebApi api;
    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    SignedRequests(App app, String signingSecret, FakeSlackWebApi api, Clock clock) {
        this.app = Objects.requireNonNull(app, "app == null");
        this.signer = new SlackSignature.Generator(signingSecret);
        this.api = Objects.requireNonNull(api, "api == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** {@code /kafka restart demo-kafka} typed by the local user in the local channel. */
    Response command(String command, String text) throws Exception {
        int n = sequence.incrementAndGet();
        String body = "token=unused&team_id=T0LOCAL&team_domain=local-shell&channel_id=" + FakeSlackWorkspace.CHANNEL
                + "&channel_name=local&user_id=" + FakeSlackWorkspace.USER + "&user_name=you&command=" + enc(command)
                + "&text=" + enc(text) + "&api_app_id=A0LOCAL&is_enterprise_install=false&response_url=" + enc(api.responseUrl())
                + "&trigger_id=" + enc("1000." + n + ".local");
        return run(new SlashCommandRequest(body, signed(body)));
    }

    /** The modal {@code view} submitted with {@code stateValues} ({@link ModalForm#stateValues}). */
    Response submit(JsonObject view, JsonObject stateValues) throws Exception {
        JsonObject payload = interaction("view_submission");
        payload.add("view", withState(view, stateValues));
        String json = payload.toString();
        String body = "payload=" + enc(json);
        return run(new ViewSubmissionRequest(body, json, signed(body)));
    }

    /** A choice in a modal's select whose block dispatches it ({@code dispatch_action}). */
    Response select(JsonObject view, JsonObject stateValues, ModalForm.Field field, JsonObject option) throws Exception {
        JsonObject action = new JsonObject();
        action.addProperty("type", field.type());
        action.addProperty("action_id", field.actionId());
        action.addProperty("block_id", field.blockId());
        action.add("selected_option", option.deepCopy());
        action.addProperty("action_ts", String.valueOf(clock.millis() / 1000.0));
        JsonObject payload = interaction("block_actions");
        payload.add("view", withState(view, stateValues));
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", BlockKitText.string(view, "id"));
        payload.add("container", container);
        return blockActions(payload, action);
    }

    /** A button pressed on a message of the local channel. */
    Response press(FakeSlackWorkspace.Button button) throws Exception {
        JsonObject action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("action_id", button.actionId());
        action.addProperty("block_id", button.blockId());
        action.addProperty("value", button.value());
        action.addProperty("action_ts", String.valueOf(clock.millis() / 1000.0));
        JsonObject payload = interaction("block_actions");
        JsonObject channel = new JsonObject();
        channel.addProperty("id", FakeSlackWorkspace.CHANNEL);
        channel.addProperty("name", "local");
        payload.add("channel", channel);
        payload.addProperty("response_url", api.responseUrl());
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", button.message().ts());
        container.addProperty("channel_id", FakeSlackWorkspace.CHANNEL);
        container.addProperty("is_ephemeral", button.message().ephemeral());
        payload.add("container", container);
        return blockActions(payload, action);
    }

    /** The local user opens the bot's Home tab. */
    Response openHome() throws Exception {
        int n = sequence.incrementAndGet();
        String json = "{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"api_app_id\":\"A0LOCAL\",\"type\":\"event_callback\","
                + "\"event_id\":\"Ev0LOCAL" + n + "\",\"event_time\":" + clock.millis() / 1000 + ",\"event\":{\"type\":\"app_home_opened\","
                + "\"user\":\"" + FakeSlackWorkspace.USER + "\",\"channel\":\"D0LOCAL\",\"tab\":\"home\"}}";
        return run(new EventRequest(json, signed(json)));
    }

    private Response blockActions(JsonObject payload, JsonObject action) throws Exception {
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        String json = payload.toString();
        String body = "payload=" + enc(json);
        return run(new BlockActionRequest(body, json, signed(body)));
    }

    private JsonObject interaction(String type) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", type);
        payload.add("team", com.google.gson.JsonParser.parseString(TEAM));
        JsonObject user = new JsonObject();
        user.addProperty("id", FakeSlackWorkspace.USER);
        user.addProperty("username", "you");
        user.addProperty("team_id", "T0LOCAL");
        payload.add("user", user);
        payload.addProperty("api_app_id", "A0LOCAL");
        payload.addProperty("trigger_id", "1000." + sequence.incrementAndGet() + ".local");
        return payload;
    }

    private static JsonObject withState(JsonObject view, JsonObject stateValues) {
        JsonObject sent = view.deepCopy();
        JsonObject state = new JsonObject();
        state.add("values", stateValues);
        sent.add("state", state);
        return sent;
    }

    private Response run(Request<?> request) throws Exception {
        return app.run(request);
    }

    /** Bolt checks the timestamp against its own wall clock, so the shell signs with the wall clock too. */
    private RequestHeaders signed(String body) {
        String ts = String.valueOf(clock.millis() / 1000);
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("X-Slack-Request-Timestamp", List.of(ts));
        headers.put("X-Slack-Signature", List.of(signer.generate(ts, body)));
        return new RequestHeaders(headers);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
