package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test fixture: checks rendered Block Kit against Slack's limits (slack-bolt.md §4.3). It walks the JSON that
 * Slack would receive, as written by the SDK's own {@code GsonFactory.createSnakeCase()}.
 */
final class BlockKitLimits {
    static final int MESSAGE_BLOCKS_MAX = 50;
    static final int MODAL_BLOCKS_MAX = 100;
    static final int HOME_BLOCKS_MAX = 100;
    /** Slack answers view_too_large above 250 kB of view JSON. */
    static final int VIEW_BYTES_MAX = 250_000;
    static final int SELECT_OPTIONS_MAX = 100;
    /** Slack answers msg_blocks_too_long near 13,000 characters of block text; stay well under. */
    static final int TOTAL_TEXT_MAX = 12_000;

    private BlockKitLimits() {
    }

    static JsonElement json(Object model) {
        return GsonFactory.createSnakeCase().toJsonTree(model);
    }

    static void assertWithinLimits(SlackMessage message) {
        assertThat(message.text()).as("fallback text").isNotBlank().hasSizeLessThanOrEqualTo(4000);
        assertNoEmptyText(json(message.blocks()));
        assertThat(message.blocks()).as("blocks per message").isNotEmpty().hasSizeLessThanOrEqualTo(MESSAGE_BLOCKS_MAX);
        Set<String> actionIds = new HashSet<>();
        for (JsonElement block : json(message.blocks()).getAsJsonArray()) {
            assertThat(block.getAsJsonObject().get("type").getAsString()).as("input blocks belong in modals").isNotEqualTo("input");
            assertBlock(block.getAsJsonObject(), actionIds);
        }
        assertThat(totalText(json(message.blocks()))).as("total text of all blocks").isLessThanOrEqualTo(TOTAL_TEXT_MAX);
    }

    /** A modal (type "modal") or a Home tab (type "home"), each by its own rules. */
    static void assertWithinLimits(View view) {
        JsonObject v = json(view).getAsJsonObject();
        assertNoEmptyText(v);
        assertThat(v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("view size").isLessThanOrEqualTo(VIEW_BYTES_MAX);
        String type = v.get("type").getAsString();
        assertThat(type).isIn("modal", "home");
        var blocks = v.getAsJsonArray("blocks");
        Set<String> actionIds = new HashSet<>();
        boolean hasInput = false;
        for (JsonElement block : blocks) {
            hasInput |= block.getAsJsonObject().get("type").getAsString().equals("input");
            assertBlock(block.getAsJsonObject(), actionIds);
        }
        if (type.equals("home")) {
            assertThat(blocks.size()).as("blocks per Home tab").isBetween(1, HOME_BLOCKS_MAX);
            assertThat(hasInput).as("input blocks belong in modals").isFalse();
            assertThat(v.has("submit") || v.has("title") || v.has("close")).as("a Home tab has no title or buttons").isFalse();
            if (v.has("private_metadata")) {
                assertThat(string(v, "private_metadata")).as("private_metadata").hasSizeLessThanOrEqualTo(3000);
            }
            return;
        }
        assertThat(string(v.getAsJsonObject("title"), "text")).as("modal title").isNotEmpty().hasSizeLessThanOrEqualTo(24);
        if (v.has("close")) {
            assertThat(string(v.getAsJsonObject("close"), "text")).as("modal close").hasSizeLessThanOrEqualTo(24);
        }
        if (v.has("submit")) {
            assertThat(string(v.getAsJsonObject("submit"), "text")).as("modal submit").isNotEmpty().hasSizeLessThanOrEqualTo(24);
        }
        assertThat(string(v, "private_metadata")).as("private_metadata").hasSizeLessThanOrEqualTo(3000);
        assertThat(string(v, "callback_id")).as("callback_id").isNotEmpty().hasSizeLessThanOrEqualTo(255);
        assertThat(blocks.size()).as("blocks per modal").isBetween(1, MODAL_BLOCKS_MAX);
        if (hasInput) {
            assertThat(v.has("submit")).as("a view with an input block needs a submit button").isTrue();
        }
        // a select's 100 options of 75 characters are within Slack's documented limits on their own, so options are
        // not counted here; the view as a whole is bounded by VIEW_BYTES_MAX above
        assertThat(totalText(withoutOptions(blocks))).as("total text of all blocks but select options").isLessThanOrEqualTo(TOTAL_TEXT_MAX);
    }

    private static JsonElement withoutOptions(JsonElement e) {
        JsonElement copy = e.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonElement e) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(BlockKitLimits::strip);
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().remove("options");
            e.getAsJsonObject().remove("initial_option");
            e.getAsJsonObject().entrySet().forEach(entry -> strip(entry.getValue()));
        }
    }

    private static void assertBlock(JsonObject block, Set<String> actionIds) {
        String type = block.get("type").getAsString();
        if (block.has("block_id")) {
            assertThat(string(block, "block_id")).as("block_id").hasSizeLessThanOrEqualTo(255);
        }
        if (!type.equals("input")) {
            assertThat(block.has("dispatch_action")).as("dispatch_action is a property of input blocks only").isFalse();
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
        assertElement(element);
        if (element.has("action_id")) {
            String id = string(element, "action_id");
            assertThat(id).as("action_id").hasSizeLessThanOrEqualTo(255);
            assertThat(actionIds.add(id)).as("action_id %s is unique", id).isTrue();
        }
    }

    private static void assertElement(JsonObject element) {
        String type = string(element, "type");
        if (type.equals("button")) {
            assertThat(string(element.getAsJsonObject("text"), "text")).as("button text").isNotEmpty().hasSizeLessThanOrEqualTo(75);
            assertThat(string(element, "value")).as("button value").hasSizeLessThanOrEqualTo(2000);
            if (element.has("style")) {
                assertThat(string(element, "style")).as("button style").isIn("primary", "danger");
            }
            if (element.has("confirm")) {
                JsonObject confirm = element.getAsJsonObject("confirm");
                assertThat(string(confirm.getAsJsonObject("title"), "text")).as("confirm title").isNotEmpty().hasSizeLessThanOrEqualTo(100);
                assertThat(string(confirm.getAsJsonObject("text"), "text")).as("confirm text").isNotEmpty().hasSizeLessThanOrEqualTo(300);
                assertThat(string(confirm.getAsJsonObject("confirm"), "text")).as("confirm button").isNotEmpty().hasSizeLessThanOrEqualTo(30);
                assertThat(string(confirm.getAsJsonObject("deny"), "text")).as("deny button").isNotEmpty().hasSizeLessThanOrEqualTo(30);
            }
        }
        if (type.equals("static_select")) {
            var options = element.getAsJsonArray("options");
            assertThat(options.size()).as("static_select options").isBetween(1, SELECT_OPTIONS_MAX);
            Set<String> values = new HashSet<>();
            for (JsonElement o : options) {
                assertOption(o.getAsJsonObject());
                assertThat(values.add(string(o.getAsJsonObject(), "value"))).as("option values are unique").isTrue();
            }
            if (element.has("initial_option")) {
                assertThat(options).as("initial_option is one of the options").contains(element.get("initial_option"));
            }
        }
    }

    private static void assertOption(JsonObject option) {
        assertThat(string(option.getAsJsonObject("text"), "text")).as("option text").isNotEmpty().hasSizeLessThanOrEqualTo(75);
        assertThat(string(option, "value")).as("option value").isNotEmpty().hasSizeLessThanOrEqualTo(150);
    }

    /** Slack refuses a text object ({@code plain_text} or {@code mrkdwn}) whose text is empty or only blanks. */
    static void assertNoEmptyText(JsonElement e) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(BlockKitLimits::assertNoEmptyText);
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("type") && o.get("type").isJsonPrimitive() && List.of("plain_text", "mrkdwn").contains(o.get("type").getAsString())) {
                assertThat(string(o, "text")).as("text of a %s object", o.get("type").getAsString()).isNotBlank();
            }
            o.entrySet().forEach(entry -> assertNoEmptyText(entry.getValue()));
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
