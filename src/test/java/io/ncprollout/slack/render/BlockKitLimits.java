package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Test fixture: checks rendered Block Kit against Slack's limits (slack-bolt.md §4.3). It walks the JSON that
 * Slack would receive, as written by the SDK's own {@code GsonFactory.createSnakeCase()}.
 */
final class BlockKitLimits {
    static final int MESSAGE_BLOCKS_MAX = 50;
    static final int MODAL_BLOCKS_MAX = 100;
    /** Slack answers msg_blocks_too_long near 13,000 characters of block text; stay well under. */
    static final int TOTAL_TEXT_MAX = 12_000;

    private BlockKitLimits() {
    }

    static JsonElement json(Object model) {
        return GsonFactory.createSnakeCase().toJsonTree(model);
    }

    static void assertWithinLimits(SlackMessage message) {
        assertThat(message.text()).as("fallback text").isNotBlank().hasSizeLessThanOrEqualTo(4000);
        assertThat(message.blocks()).as("blocks per message").isNotEmpty().hasSizeLessThanOrEqualTo(MESSAGE_BLOCKS_MAX);
        Set<String> actionIds = new HashSet<>();
        for (JsonElement block : json(message.blocks()).getAsJsonArray()) {
            assertThat(block.getAsJsonObject().get("type").getAsString()).as("input blocks belong in modals").isNotEqualTo("input");
            assertBlock(block.getAsJsonObject(), actionIds);
        }
        assertThat(totalText(json(message.blocks()))).as("total text of all blocks").isLessThanOrEqualTo(TOTAL_TEXT_MAX);
    }

    static void assertWithinLimits(View view) {
        JsonObject v = json(view).getAsJsonObject();
        assertThat(v.get("type").getAsString()).isEqualTo("modal");
        assertThat(string(v.getAsJsonObject("title"), "text")).as("modal title").isNotEmpty().hasSizeLessThanOrEqualTo(24);
        if (v.has("close")) {
            assertThat(string(v.getAsJsonObject("close"), "text")).as("modal close").hasSizeLessThanOrEqualTo(24);
        }
        if (v.has("submit")) {
            assertThat(string(v.getAsJsonObject("submit"), "text")).as("modal submit").isNotEmpty().hasSizeLessThanOrEqualTo(24);
        }
        assertThat(string(v, "private_metadata")).as("private_metadata").hasSizeLessThanOrEqualTo(3000);
        assertThat(string(v, "callback_id")).as("callback_id").isNotEmpty().hasSizeLessThanOrEqualTo(255);
        var blocks = v.getAsJsonArray("blocks");
        assertThat(blocks.size()).as("blocks per modal").isBetween(1, MODAL_BLOCKS_MAX);
        Set<String> actionIds = new HashSet<>();
        boolean hasInput = false;
        for (JsonElement block : blocks) {
            hasInput |= block.getAsJsonObject().get("type").getAsString().equals("input");
            assertBlock(block.getAsJsonObject(), actionIds);
        }
        if (hasInput) {
            assertThat(v.has("submit")).as("a view with an input block needs a submit button").isTrue();
        }
        assertThat(totalText(blocks)).as("total text of all blocks").isLessThanOrEqualTo(TOTAL_TEXT_MAX);
    }

    private static void assertBlock(JsonObject block, Set<String> actionIds) {
        String type = block.get("type").getAsString();
        if (block.has("block_id")) {
            assertThat(string(block, "block_id")).as("block_id").hasSizeLessThanOrEqualTo(255);
        }
        switch (type) {
            case "section" -> {
                assertThat(block.has("text") || block.has("fields")).as("section has text or fields").isTrue();
                if (block.has("text")) {
                    assertThat(string(block.getAsJsonObject("text"), "text")).as("section text").isNotEmpty().hasSizeLessThanOrEqualTo(3000);
                }
                if (block.has("fields")) {
                    assertThat(block.getAsJsonArray("fields").size()).as("section fields").isLessThanOrEqualTo(10);
                    block.getAsJsonArray("fields").forEach(f -> assertThat(string(f.getAsJsonObject(), "text")).hasSizeLessThanOrEqualTo(2000));
                }
            }
            case "context" -> {
                assertThat(block.getAsJsonArray("elements").size()).as("context elements").isBetween(1, 10);
                block.getAsJsonArray("elements").forEach(e -> assertThat(string(e.getAsJsonObject(), "text")).hasSizeLessThanOrEqualTo(3000));
            }
            case "header" -> assertThat(string(block.getAsJsonObject("text"), "text")).as("header text").hasSizeLessThanOrEqualTo(150);
            case "input" -> {
                assertThat(string(block.getAsJsonObject("label"), "text")).as("input label").hasSizeLessThanOrEqualTo(2000);
                collectActionId(block.getAsJsonObject("element"), actionIds);
            }
            case "actions" -> {
                assertThat(block.getAsJsonArray("elements").size()).as("actions elements").isLessThanOrEqualTo(25);
                block.getAsJsonArray("elements").forEach(e -> collectActionId(e.getAsJsonObject(), actionIds));
            }
            case "divider" -> { }
            default -> throw new AssertionError("unexpected block type " + type);
        }
        if (block.has("accessory")) {
            collectActionId(block.getAsJsonObject("accessory"), actionIds);
        }
    }

    private static void collectActionId(JsonObject element, Set<String> actionIds) {
        if (element.has("action_id")) {
            String id = string(element, "action_id");
            assertThat(id).as("action_id").hasSizeLessThanOrEqualTo(255);
            assertThat(actionIds.add(id)).as("action_id %s is unique", id).isTrue();
        }
    }

    /** The sum of every "text" string anywhere in the tree. */
    static int totalText(JsonElement e) {
        int sum = 0;
        if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) {
                sum += totalText(x);
            }
        } else if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                JsonElement value = entry.getValue();
                sum += entry.getKey().equals("text") && value.isJsonPrimitive() ? value.getAsString().length() : totalText(value);
            }
        }
        return sum;
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }
}
