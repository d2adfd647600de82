package io.ncprollout.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The state of the workspace behind {@link FakeSlackWebApi}: the messages of its channels by ts with their
 * threads, ephemeral messages, the modals by view id (the last opened is the one the shell's user sees) and the Home
 * tab. Every change is printed as text (to nowhere for tests):
 * a new message in full, an edited message only with the lines that changed, a modal in full, each line
 * prefixed with its place ({@code [channel]}, {@code [thread demo-kafka]}, {@code [only you]}, {@code [modal]}).
 */
final class FakeSlackWorkspace {
    /** The fake user who types commands, and the one channel. */
    static final String USER = "U0LOCAL";
    static final String CHANNEL = "C0LOCAL";
    private static final Pattern BOLD = Pattern.compile("\\*([^*\\n]+)\\*");

    /** A message: top level ({@code threadTs} null), a thread reply, or an ephemeral message to the user. */
    record Message(String ts, String channel, @Nullable String threadTs, String text, @Nullable JsonArray blocks, boolean ephemeral) {
        List<String> rendered() {
            return BlockKitText.message(text, blocks);
        }
    }

    /** A button of a message; {@code confirm} is its confirmation dialog, which Slack shows before sending the press. */
    record Button(String actionId, String blockId, String value, String label, Message message, @Nullable JsonObject confirm) {
    }

    private final Transcript out;
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, String> threadLabels = new HashMap<>();
    private long lastTs = 1_700_000_000_000_000L;
    private int viewCount;
    private final Map<String, JsonObject> views = new HashMap<>();
    private @Nullable JsonObject modal;

    FakeSlackWorkspace(Transcript out) {
        this.out = out;
    }

    synchronized String post(String channel, @Nullable String threadTs, String text, @Nullable JsonArray blocks, boolean broadcast) {
        Message m = new Message(nextTs(), channel, threadTs == null || threadTs.isEmpty() ? null : threadTs, text, blocks, false);
        messages.put(m.ts(), m);
        if (m.threadTs() == null) {
            threadLabels.put(m.ts(), label(m));
        }
        String place = place(m) + (broadcast && m.threadTs() != null ? ", also sent to the channel" : "");
        out.lines(place, m.rendered());
        printPressHint(place, m);
        return m.ts();
    }

    /** @return false when there is no such message */
    synchronized boolean update(String ts, String text, @Nullable JsonArray blocks) {
        Message old = messages.get(ts);
        if (old == null) {
            return false;
        }
        Message next = new Message(ts, old.channel(), old.threadTs(), text, blocks, old.ephemeral());
        messages.put(ts, next);
        out.lines(place(next), changedLines(old.rendered(), next.rendered()));
        return true;
    }

    /** @return false when there is no such message */
    synchronized boolean delete(String ts) {
        Message gone = messages.remove(ts);
        if (gone != null) {
            out.lines(place(gone), List.of("(message deleted)"));
        }
        return gone != null;
    }

    synchronized String postEphemeral(String channel, String text, @Nullable JsonArray blocks) {
        Message m = new Message(nextTs(), channel, null, text, blocks, true);
        messages.put(m.ts(), m);
        out.lines("only you", m.rendered());
        printPressHint("only you", m);
        return m.ts();
    }

    /** Opens {@code view} as the modal (replacing any), and returns it with its new id and hash. */
    synchronized JsonObject openView(JsonObject view) {
        JsonObject opened = view.deepCopy();
        opened.addProperty("id", "V" + (++viewCount));
        opened.addProperty("hash", "h" + nextTs());
        modal = opened;
        views.put(BlockKitText.string(opened, "id"), opened);
        out.lines("modal", BlockKitText.view(opened));
        return opened.deepCopy();
    }

    /**
     * Replaces the open modal's content, as {@code views.update} does.
     *
     * @return the updated view, or empty with the reason in {@code error[0]} ({@code not_found}, {@code hash_conflict})
     */
    synchronized Optional<JsonObject> updateView(String viewId, @Nullable String hash, JsonObject view, String[] error) {
        JsonObject known = views.get(viewId);
        if (known == null) {
            error[0] = "not_found";
            return Optional.empty();
        }
        if (hash != null && !hash.isEmpty() && !hash.equals(BlockKitText.string(known, "hash"))) {
            error[0] = "hash_conflict";
            return Optional.empty();
        }
        JsonObject updated = view.deepCopy();
        updated.addProperty("id", viewId);
        updated.addProperty("hash", "h" + nextTs());
        views.put(viewId, updated);
        if (modal != null && BlockKitText.string(modal, "id").equals(viewId)) {
            modal = updated;
            out.lines("modal", BlockKitText.view(updated));
        }
        return Optional.of(updated.deepCopy());
    }

    /** The modal's content replaced by the app's answer to a submission ({@code response_action: update}). */
    synchronized void replaceModal(JsonObject view) {
        JsonObject updated = view.deepCopy();
        updated.addProperty("id", modal == null ? "V" + (++viewCount) : BlockKitText.string(modal, "id"));
        updated.addProperty("hash", "h" + nextTs());
        modal = updated;
        views.put(BlockKitText.string(updated, "id"), updated);
        out.lines("modal", BlockKitText.view(updated));
    }

    synchronized void publishHome(JsonObject view) {
        out.lines("home", BlockKitText.view(view));
    }

    synchronized Optional<JsonObject> modal() {
        return Optional.ofNullable(modal).map(JsonObject::deepCopy);
    }

    synchronized void closeModal() {
        if (modal != null) {
            modal = null;
            out.say("[modal] (closed)");
        }
    }

    /**
     * The button meant by {@code which}: a number counts the buttons of the latest message that has any (from 1);
     * otherwise the latest button whose action id or label is {@code which}.
     */
    synchronized Optional<Button> button(String which) {
        List<Message> newestFirst = new ArrayList<>(messages.values());
        java.util.Collections.reverse(newestFirst);
        for (Message m : newestFirst) {
            List<Button> buttons = buttons(m);
            if (buttons.isEmpty()) {
                continue;
            }
            if (which.matches("\\d{1,3}")) {
                int n = Integer.parseInt(which);
                return n >= 1 && n <= buttons.size() ? Optional.of(buttons.get(n - 1)) : Optional.empty();
            }
            Optional<Button> match = buttons.stream()
                    .filter(b -> b.actionId().equals(which) || b.label().equalsIgnoreCase(which)).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** Every message of the channel in full, threads under their parent. */
    synchronized void printChannel() {
        for (Message m : messages.values()) {
            if (m.threadTs() == null && !m.ephemeral()) {
                out.lines(place(m), m.rendered());
                messages.values().stream().filter(r -> m.ts().equals(r.threadTs())).forEach(r -> out.lines(place(r), r.rendered()));
            }
        }
    }

    static List<Button> buttons(Message m) {
        List<Button> buttons = new ArrayList<>();
        if (m.blocks() == null) {
            return buttons;
        }
        for (JsonElement b : m.blocks()) {
            JsonObject block = b.getAsJsonObject();
            List<JsonObject> elements = new ArrayList<>();
            if (block.has("elements") && "actions".equals(BlockKitText.string(block, "type"))) {
                block.getAsJsonArray("elements").forEach(e -> elements.add(e.getAsJsonObject()));
            }
            if (block.has("accessory")) {
                elements.add(block.getAsJsonObject("accessory"));
            }
            elements.stream().filter(e -> "button".equals(BlockKitText.string(e, "type")))
                    .forEach(e -> buttons.add(new Button(BlockKitText.string(e, "action_id"), BlockKitText.string(block, "block_id"),
                            BlockKitText.string(e, "value"), BlockKitText.text(e.get("text")), m,
                            e.has("confirm") && e.get("confirm").isJsonObject() ? e.getAsJsonObject("confirm") : null)));
        }
        return buttons;
    }

    /** The lines of {@code next} that {@code old} did not have (counting repeats), in order. */
    static List<String> changedLines(List<String> old, List<String> next) {
        Map<String, Integer> before = new HashMap<>();
        old.forEach(l -> before.merge(l, 1, Integer::sum));
        List<String> changed = new ArrayList<>();
        for (String line : next) {
            if (before.getOrDefault(line, 0) > 0) {
                before.merge(line, -1, Integer::sum);
            } else {
                changed.add(line);
            }
        }
        return changed;
    }

    private void printPressHint(String place, Message m) {
        List<Button> buttons = buttons(m);
        if (!buttons.isEmpty()) {
            List<String> hints = new ArrayList<>();
            for (int i = 0; i < buttons.size(); i++) {
                hints.add("'press " + buttons.get(i).actionId() + "' (or " + (i + 1) + ")");
            }
            out.lines(place, List.of("  to press a button type " + String.join(", ", hints)));
        }
    }

    private String place(Message m) {
        if (m.ephemeral()) {
            return "only you";
        }
        return m.threadTs() == null ? "channel" : "thread " + threadLabels.getOrDefault(m.threadTs(), m.threadTs());
    }

    /** A thread's name: the first bold words of its parent (the cluster, in the bot's messages), else its ts. */
    private static String label(Message parent) {
        String mrkdwn = parent.text();
        if (parent.blocks() != null) {
            for (JsonElement b : parent.blocks()) {
                JsonObject block = b.getAsJsonObject();
                if ("section".equals(BlockKitText.string(block, "type")) && block.has("text")) {
                    mrkdwn = BlockKitText.string(block.getAsJsonObject("text"), "text");
                    break;
                }
            }
        }
        Matcher bold = BOLD.matcher(mrkdwn);
        return bold.find() ? MrkdwnText.plain(bold.group(1)) : parent.ts();
    }

    private String nextTs() {
        lastTs++;
        return (lastTs / 1_000_000) + "." + String.format("%06d", lastTs % 1_000_000);
    }
}
