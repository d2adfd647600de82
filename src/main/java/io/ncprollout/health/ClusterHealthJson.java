package io.ncprollout.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ncprollout.rollout.health.SearchSnapshot;
import java.util.Optional;

/**
 * Pure: OpenSearch's {@code _cluster/health} answer as a {@link SearchSnapshot}. Tolerant: unknown fields are ignored,
 * a missing or unreadable count is 0, a missing status is {@code unknown}, and any status is kept verbatim (the verdict
 * decides what it means).
 */
final class ClusterHealthJson {
    /** The status of an answer without one. */
    static final String UNKNOWN = "unknown";

    private static final ObjectMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ClusterHealthJson() {
    }

    /** The snapshot in {@code body}, or empty when it is not a JSON object. */
    static Optional<SearchSnapshot> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode status = root.get("status");
        String text = status == null || status.isNull() || status.isContainerNode() || status.asText().isBlank() ? UNKNOWN : status.asText();
        return Optional.of(new SearchSnapshot(text, count(root, "number_of_nodes"), count(root, "number_of_data_nodes"),
                count(root, "relocating_shards"), count(root, "initializing_shards"), count(root, "unassigned_shards")));
    }

    private static int count(JsonNode root, String field) {
        return root.path(field).asInt(0);
    }
}
