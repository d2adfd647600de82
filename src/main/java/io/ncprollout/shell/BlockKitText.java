package io.ncprollout.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pure: Block Kit JSON (as the Web API receives it) as lines of terminal text.
 *
 * <table>
 *   <caption>What each shape becomes</caption>
 *   <tr><th>Block Kit</th><th>text</th></tr>
 *   <tr><td>section (mrkdwn or plain text, fields)</td><td>its text, markup stripped, emoji names kept
 *       ({@code :large_green_circle:}); fields one per line</td></tr>
 *   <tr><td>context</td><td>its elements on one line, indented, joined by {@code "  "}</td></tr>
 *   <tr><td>button (actions block or accessory)</td><td>{@code [Refresh now]}</td></tr>
 *   <tr><td>input with a text field</td><td>{@code Reason: [______]  (reason)}: label, field, block id</td></tr>
 *   <tr><td>static select (input or accessory)</td><td>the label, then the options numbered from 1,
 *       the preselected one marked {@code (selected)}</td></tr>
 *   <tr><td>header, divider</td><td>{@code == Title ==}, {@code ----}</td></tr>
 *   <tr><td>a modal view</td><td>{@code == title ==}, its blocks, then its submit and close buttons</td></tr>
 *   <tr><td>anything else</td><td>{@code [image]}, {@code [rich_text]}…</td></tr>
 * </table>
 */
public final class BlockKitText {
    static final String FIELD = "[__________]";

    private BlockKitText() {
    }

    /** A message: its blocks, or its fallback {@code text} when it has none. */
    public static List<String> message(String text, @Nullable JsonArray blocks) {
        if (blocks == null || blocks.isEmpty()) {
            return lines(MrkdwnText.plain(text));
        }
        return blocks(blocks);
    }

    /** A modal or Home tab view: title (a Home tab has none), blocks, and the submit and close buttons it offers. */
    public static List<String> view(JsonObject view) {
        Objects.requireNonNull(view, "view == null");
        List<String> out = new ArrayList<>();
        String title = text(view.get("title"));
        if (!title.isEmpty()) {
            out.add("== " + title + " ==");
        }
        if (view.has("blocks")) {
            out.addAll(blocks(view.getAsJsonArray("blocks")));
        }
        List<String> buttons = new ArrayList<>();
        if (view.has("submit")) {
            buttons.add("[" + text(view.get("submit")) + "]");
        }
        if (view.has("close")) {
            buttons.add("[" + text(view.get("close")) + "]");
        }
        if (!buttons.isEmpty()) {
            out.add(String.join(" ", buttons));
        }
        return out;
    }

    /** Every block, in order. */
    public static List<String> blocks(JsonArray blocks) {
        List<String> out = new ArrayList<>();
        for (JsonElement block : blocks) {
            if (block.isJsonObject()) {
                out.addAll(block(block.getAsJsonObject()));
            }
        }
        return out;
    }

    /** One block. */
    public static List<String> block(JsonObject block) {
        String type = string(block, "type");
        return switch (type) {
            case "section" -> section(block);
            case "context" -> List.of("  " + String.join("  ", elements(block)));
            case "actions" -> List.of(String.join(" ", elements(block)));
            case "input" -> input(block);
            case "header" -> List.of("== " + text(block.get("text")) + " ==");
            case "divider" -> List.of("----");
            default -> List.of("[" + type + "]");
        };
    }

    /** A text object (mrkdwn or plain_text) as plain text; empty when absent. */
    public static String text(@Nullable JsonElement textObject) {
        if (textObject == null || !textObject.isJsonObject()) {
            return "";
        }
        JsonObject t = textObject.getAsJsonObject();
        String raw = string(t, "text");
        return "mrkdwn".equals(string(t, "type")) ? MrkdwnText.plain(raw) : raw;
    }

    private static List<String> section(JsonObject block) {
        List<String> out = new ArrayList<>();
        if (block.has("text")) {
            out.addAll(lines(text(block.get("text"))));
        }
        if (block.has("fields")) {
            for (JsonElement field : block.getAsJsonArray("fields")) {
                out.addAll(lines(text(field)));
            }
        }
        if (block.has("accessory")) {
            out.addAll(element(block.getAsJsonObject("accessory")));
        }
        return out;
    }

    private static List<String> input(JsonObject block) {
        String label = text(block.get("label"));
        String id = string(block, "block_id");
        JsonObject element = block.has("element") ? block.getAsJsonObject("element") : new JsonObject();
        String optional = block.has("optional") && block.get("optional").getAsBoolean() ? ", optional" : "";
        if (isSelect(element)) {
            List<String> out = new ArrayList<>();
            out.add(label + ": choose one  (" + id + optional + ")");
            out.addAll(options(element));
            return out;
        }
        if (isCheckboxes(element)) {
            // one box per option; answering yes ticks them (the bot's boxes have one option)
            List<String> out = new ArrayList<>();
            out.add(label + ": type yes to tick  (" + id + optional + ")");
            SelectOptions.of(element).forEach(o -> out.add("  [ ] " + text(o.get("text"))));
            return out;
        }
        String placeholder = element.has("placeholder") ? "  e.g. " + text(element.get("placeholder")) : "";
        return List.of(label + ": " + FIELD + "  (" + id + optional + ")" + placeholder);
    }

    /** The elements of a context or actions block, each as one piece of a line. */
    private static List<String> elements(JsonObject block) {
        List<String> out = new ArrayList<>();
        if (!block.has("elements")) {
            return out;
        }
        for (JsonElement e : block.getAsJsonArray("elements")) {
            JsonObject el = e.getAsJsonObject();
            String type = string(el, "type");
            if (type.equals("mrkdwn") || type.equals("plain_text")) {
                out.add(text(el));
            } else {
                out.add(String.join(" ", element(el)));
            }
        }
        return out;
    }

    /** An interactive element: a button as {@code [Label]}, a select with its options, an image as {@code [image]}. */
    private static List<String> element(JsonObject el) {
        String type = string(el, "type");
        if (type.equals("button")) {
            return List.of("[" + text(el.get("text")) + "]");
        }
        if (isSelect(el)) {
            List<String> out = new ArrayList<>();
            out.add("[" + (el.has("placeholder") ? text(el.get("placeholder")) : "choose") + " v]");
            out.addAll(options(el));
            return out;
        }
        return List.of("[" + type + "]");
    }

    /** Options numbered from 1, option groups flattened in order; the initial option is marked. */
    static List<String> options(JsonObject select) {
        List<JsonObject> all = SelectOptions.of(select);
        String initial = select.has("initial_option") ? string(select.getAsJsonObject("initial_option"), "value") : null;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonObject option = all.get(i);
            String mark = string(option, "value").equals(initial) ? "  (selected)" : "";
            out.add("  " + (i + 1) + ") " + text(option.get("text")) + mark);
        }
        return out;
    }

    static boolean isCheckboxes(JsonObject element) {
        return string(element, "type").equals("checkboxes");
    }

    static boolean isSelect(JsonObject element) {
        return string(element, "type").equals("static_select");
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
    }
}
