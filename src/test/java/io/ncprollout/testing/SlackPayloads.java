package io.ncprollout.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Slack sends the bot, built as Slack builds it: slash command bodies, view submission payloads with the
 * modal's state, and the v0 request signature. Shared by {@link BotHarness} (in-process) and
 * {@link SlackHttpDriver} (over HTTP, to a bot in another process).
 */
public final class SlackPayloads {
    private SlackPayloads() {
    }

    /** The form body of {@code command text} typed by {@code user} in {@code channel}. */
    public static String slashCommand(String command, String text, String user, String channel, String responseUrl, String triggerId) {
        return "token=unused&team_id=T0TEST&team_domain=test&channel_id=" + channel + "&channel_name=ops&user_id=" + user
                + "&user_name=alice&command=" + enc(command) + "&text=" + enc(text) + "&api_app_id=A0TEST&is_enterprise_install=false"
                + "&response_url=" + enc(responseUrl) + "&trigger_id=" + enc(triggerId);
    }

    /**
     * The JSON payload of submitting {@code view} as {@code user}: every input block's current value — {@code typed}
     * text by block id, and each select's initial option (or {@code typed} by block id when given).
     */
    public static String viewSubmission(JsonObject view, Map<String, String> typed, String user) {
        return viewSubmission(view, "V1", typed, user);
    }

    /** The same, for the modal Slack numbered {@code viewId} (the bot refuses a view id it has seen submitted). */
    public static String viewSubmission(JsonObject view, String viewId, Map<String, String> typed, String user) {
        JsonObject state = new JsonObject();
        state.add("values", stateOf(view, typed));
        JsonObject submitted = new JsonObject();
        submitted.addProperty("id", viewId);
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
        return payload.toString();
    }

    /** The {@code state.values} Slack sends for {@code view}'s input blocks (see {@link #viewSubmission}). */
    public static JsonObject stateOf(JsonObject view, Map<String, String> typed) {
        JsonObject values = new JsonObject();
        if (!view.has("blocks")) {
            return values;
        }
        for (var element : view.getAsJsonArray("blocks")) {
            JsonObject block = element.getAsJsonObject();
            if (!"input".equals(block.get("type").getAsString())) {
                continue;
            }
            String blockId = block.get("block_id").getAsString();
            JsonObject el = block.getAsJsonObject("element");
            String actionId = el.get("action_id").getAsString();
            JsonObject value = new JsonObject();
            value.addProperty("type", el.get("type").getAsString());
            if ("static_select".equals(el.get("type").getAsString())) {
                String picked = typed.get(blockId);
                if (picked != null) {
                    value.add("selected_option", option(picked));
                } else if (el.has("initial_option")) {
                    value.add("selected_option", el.get("initial_option"));
                }
            } else if ("checkboxes".equals(el.get("type").getAsString())) {
                // typed "checked" ticks every option, as a user ticking the one box; anything else leaves it empty
                com.google.gson.JsonArray selected = new com.google.gson.JsonArray();
                if ("checked".equals(typed.get(blockId))) {
                    el.getAsJsonArray("options").forEach(selected::add);
                }
                value.add("selected_options", selected);
            } else {
                value.addProperty("value", typed.getOrDefault(blockId, ""));
            }
            JsonObject wrapper = new JsonObject();
            wrapper.add(actionId, value);
            values.add(blockId, wrapper);
        }
        return values;
    }

    /** A select option whose text and value are {@code value}. */
    public static JsonObject option(String value) {
        JsonObject option = new JsonObject();
        option.add("text", JsonParser.parseString("{\"type\":\"plain_text\",\"text\":\"" + value + "\"}"));
        option.addProperty("value", value);
        return option;
    }

    /**
     * The {@code X-Slack-Request-Timestamp} and {@code X-Slack-Signature} headers of {@code body}. Bolt checks the
     * timestamp against the real wall clock, so it is signed with real time.
     */
    public static Map<String, List<String>> signatureHeaders(String signingSecret, String body) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("X-Slack-Request-Timestamp", List.of(ts));
        headers.put("X-Slack-Signature", List.of(new SlackSignature.Generator(signingSecret).generate(ts, body)));
        return headers;
    }

    public static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
