package io.ncprollout.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ncprollout.ncp.NcpRegion;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One routed call: its region, the path parameter (or empty), the query and the JSON body
 * ({@code {}} when none was sent or the route reads none).
 */
record SimRequest(NcpRegion region, String pathParam, Map<String, String> query, ObjectNode body) {

    SimRequest {
        query = Map.copyOf(query);
    }

    /**
     * A whole number from the body, accepted as a JSON number or a numeric string (the docs' own
     * examples send both); empty when absent, null, blank or not a whole number.
     */
    OptionalLong number(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return OptionalLong.of(node.longValue());
        }
        if (node.isTextual() && node.textValue().trim().matches("\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(node.textValue().trim()));
        }
        return OptionalLong.empty();
    }

    /** A text from the body (a JSON number is accepted as its text); empty when absent, null or blank. */
    Optional<String> text(String field) {
        JsonNode node = body.get(field);
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return Optional.empty();
        }
        String text = node.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A body field's value as text (numbers included); null when absent or JSON null. */
    @Nullable String raw(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The path parameter as a cluster number; empty when it is not a whole number. */
    OptionalLong pathNumber() {
        return pathParam.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(pathParam)) : OptionalLong.empty();
    }
}
