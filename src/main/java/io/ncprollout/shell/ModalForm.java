package io.ncprollout.shell;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pure: the input fields of a modal view, and the {@code view.state.values} that Slack sends when the modal is
 * submitted with given answers: {@code values[block_id][action_id]} holds {@code value} for a text input and
 * {@code selected_option} for a select (its initial option when not answered).
 */
final class ModalForm {
    private ModalForm() {
    }

    /**
     * One input block.
     *
     * @param blockId  the key of the field in state values and in {@code response_action: errors}
     * @param actionId the element's action id
     * @param type     the element type, e.g. {@code plain_text_input} or {@code static_select}
     * @param label    the label shown
     * @param dispatch whether a choice sends {@code block_actions} at once ({@code dispatch_action})
     * @param element  the element JSON
     */
    record Field(String blockId, String actionId, String type, String label, boolean dispatch, JsonObject element) {
        boolean isSelect() {
            return BlockKitText.isSelect(element);
        }

        List<JsonObject> options() {
            return SelectOptions.of(element);
        }

        /** The option the user means by {@code typed}: its number (from 1), else its value or its text; empty if none. */
        Optional<JsonObject> option(String typed) {
            List<JsonObject> options = options();
            String t = typed.trim();
            if (t.matches("\\d{1,4}") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= options.size()) {
                return Optional.of(options.get(Integer.parseInt(t) - 1));
            }
            return optionWithValue(t).or(() -> options.stream().filter(o -> BlockKitText.text(o.get("text")).equalsIgnoreCase(t)).findFirst());
        }

        /** The option whose value is exactly {@code value}. */
        Optional<JsonObject> optionWithValue(String value) {
            return options().stream().filter(o -> BlockKitText.string(o, "value").equals(value)).findFirst();
        }

        Optional<JsonObject> initialOption() {
            return element.has("initial_option") ? Optional.of(element.getAsJsonObject("initial_option")) : Optional.empty();
        }
    }

    /** The input blocks of {@code view}, in order. */
    static List<Field> fields(JsonObject view) {
        List<Field> fields = new ArrayList<>();
        if (!view.has("blocks")) {
            return fields;
        }
        for (JsonElement e : view.getAsJsonArray("blocks")) {
            JsonObject block = e.getAsJsonObject();
            if (!"input".equals(BlockKitText.string(block, "type")) || !block.has("element")) {
                continue;
            }
            JsonObject element = block.getAsJsonObject("element");
            boolean dispatch = block.has("dispatch_action") && block.get("dispatch_action").getAsBoolean();
            fields.add(new Field(BlockKitText.string(block, "block_id"), BlockKitText.string(element, "action_id"),
                    BlockKitText.string(element, "type"), BlockKitText.text(block.get("label")), dispatch, element));
        }
        return fields;
    }

    /**
     * The state values of {@code view} with {@code answers} (block id to typed text, or to the chosen option's value
     * for a select): what a {@code view_submission} or a {@code block_actions} from inside the modal carries.
     */
    static JsonObject stateValues(JsonObject view, Map<String, String> answers) {
        JsonObject values = new JsonObject();
        for (Field f : fields(view)) {
            JsonObject value = new JsonObject();
            value.addProperty("type", f.type());
            if (f.isSelect()) {
                @Nullable String answer = answers.get(f.blockId());
                Optional<JsonObject> chosen = answer == null ? f.initialOption() : f.optionWithValue(answer);
                chosen.ifPresent(o -> value.add("selected_option", o.deepCopy()));
            } else if (BlockKitText.isCheckboxes(f.element())) {
                com.google.gson.JsonArray ticked = new com.google.gson.JsonArray();
                if (java.util.Set.of("yes", "y").contains(answers.getOrDefault(f.blockId(), "").strip().toLowerCase(java.util.Locale.ROOT))) {
                    SelectOptions.of(f.element()).forEach(o -> ticked.add(o.deepCopy()));
                }
                value.add("selected_options", ticked);
            } else {
                value.addProperty("value", answers.getOrDefault(f.blockId(), ""));
            }
            JsonObject byAction = new JsonObject();
            byAction.add(f.actionId(), value);
            values.add(f.blockId(), byAction);
        }
        return values;
    }
}
