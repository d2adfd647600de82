package io.ncprollout.shell;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Pure: the options of a static select in the order shown, option groups flattened; the numbering the shell uses. */
final class SelectOptions {
    private SelectOptions() {
    }

    static List<JsonObject> of(JsonObject select) {
        List<JsonObject> all = new ArrayList<>();
        if (select.has("options")) {
            select.getAsJsonArray("options").forEach(o -> all.add(o.getAsJsonObject()));
        }
        if (select.has("option_groups")) {
            for (JsonElement group : select.getAsJsonArray("option_groups")) {
                group.getAsJsonObject().getAsJsonArray("options").forEach(o -> all.add(o.getAsJsonObject()));
            }
        }
        return all;
    }
}
