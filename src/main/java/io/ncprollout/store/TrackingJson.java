package io.ncprollout.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.tracking.Alerts;
import io.ncprollout.rollout.tracking.CatchUp;
import io.ncprollout.rollout.tracking.NodePhase;
import io.ncprollout.rollout.tracking.NodeProgress;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.Snapshot;
import io.ncprollout.rollout.tracking.Tracking;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of a {@link Tracking}, as kept in the {@code rollouts.tracking} column. Lossless: instants keep
 * their nanoseconds (ISO-8601 text), an empty {@code Optional} is an absent field, raw NCP statuses are kept
 * verbatim. Fields it does not know are ignored, so an older bot reads what a newer one wrote; an unknown enum
 * value is an error naming it.
 */
final class TrackingJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FORMAT = 1;

    private TrackingJson() {
    }

    static String write(Tracking tracking) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("state", tracking.state().name());
        root.set("snapshot", snapshot(tracking.snapshot()));
        root.put("changeSeen", tracking.changeSeen());
        root.put("lastChangeAt", tracking.lastChangeAt().toString());
        root.set("alerts", alerts(tracking.alerts()));
        tracking.ending().ifPresent(ending -> EndingJson.write(root.putObject("ending").put("at", ending.at().toString()), ending.reason()));
        if (!tracking.catchUp().nodes().isEmpty() || tracking.catchUp().warned()) {
            root.set("catchUp", catchUp(tracking.catchUp()));
        }
        return root.toString();
    }

    /** @throws IllegalArgumentException when {@code json} is not a tracking document this version understands */
    static Tracking read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored tracking is not JSON: " + e.getOriginalMessage(), e);
        }
        Optional<Tracking.Ending> ending = Optional.ofNullable(root.get("ending")).filter(n -> !n.isNull())
                .map(n -> new Tracking.Ending(instant(n, "at"), EndingJson.read(n)));
        return new Tracking(enumValue(RolloutState.class, text(root, "state")), snapshot(required(root, "snapshot")),
                required(root, "changeSeen").asBoolean(), instant(root, "lastChangeAt"), alerts(required(root, "alerts")), ending,
                Optional.ofNullable(root.get("catchUp")).filter(n -> !n.isNull()).map(TrackingJson::catchUp).orElse(CatchUp.none()));
    }

    /** Written only once a node came back on a gated cluster; rows of earlier releases have none. */
    private static ObjectNode catchUp(CatchUp catchUp) {
        ObjectNode node = MAPPER.createObjectNode().put("warned", catchUp.warned());
        ArrayNode nodes = node.putArray("nodes");
        for (CatchUp.Node c : catchUp.nodes()) {
            ObjectNode item = nodes.addObject().put("node", c.node()).put("returnedAt", c.returnedAt().toString()).put("outcome", c.outcome().name());
            c.lagging().ifPresent(n -> item.put("lagging", n));
            c.endedAt().ifPresent(at -> item.put("endedAt", at.toString()));
        }
        return node;
    }

    private static CatchUp catchUp(JsonNode node) {
        List<CatchUp.Node> nodes = new ArrayList<>();
        for (JsonNode n : required(node, "nodes")) {
            JsonNode lagging = n.get("lagging");
            nodes.add(new CatchUp.Node(text(n, "node"), instant(n, "returnedAt"),
                    lagging == null || lagging.isNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(lagging.asInt()),
                    enumValue(CatchUp.Outcome.class, text(n, "outcome")), optionalText(n, "endedAt").map(TrackingJson::parseInstant)));
        }
        return new CatchUp(nodes, required(node, "warned").asBoolean());
    }

    private static ObjectNode snapshot(Snapshot snapshot) {
        ObjectNode node = MAPPER.createObjectNode().put("clusterStatus", snapshot.clusterStatus());
        ArrayNode nodes = node.putArray("nodes");
        for (NodeProgress n : snapshot.nodes()) {
            ObjectNode item = nodes.addObject().put("name", n.name()).put("role", n.role().name())
                    .put("rawStatus", n.rawStatus()).put("health", n.health().name()).put("phase", n.phase().name());
            n.startedAt().ifPresent(at -> item.put("startedAt", at.toString()));
            n.finishedAt().ifPresent(at -> item.put("finishedAt", at.toString()));
        }
        snapshot.versionCode().ifPresent(v -> node.put("versionCode", v));
        snapshot.firstVersionCode().ifPresent(v -> node.put("firstVersionCode", v));
        return node;
    }

    private static Snapshot snapshot(JsonNode node) {
        List<NodeProgress> nodes = new ArrayList<>();
        for (JsonNode n : required(node, "nodes")) {
            nodes.add(new NodeProgress(text(n, "name"), enumValue(NodeRole.class, text(n, "role")), text(n, "rawStatus"),
                    enumValue(NodeHealth.class, text(n, "health")), enumValue(NodePhase.class, text(n, "phase")),
                    optionalText(n, "startedAt").map(TrackingJson::parseInstant), optionalText(n, "finishedAt").map(TrackingJson::parseInstant)));
        }
        return new Snapshot(text(node, "clusterStatus"), nodes, optionalText(node, "versionCode"), optionalText(node, "firstVersionCode"));
    }

    private static ObjectNode alerts(Alerts alerts) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode raised = node.putArray("raised");
        EnumSet<Notice> sorted = alerts.raised().isEmpty() ? EnumSet.noneOf(Notice.class) : EnumSet.copyOf(alerts.raised());
        sorted.forEach(notice -> raised.add(notice.name()));
        node.put("readFailures", alerts.readFailures());
        alerts.lastReadError().ifPresent(e -> node.put("lastReadError", e));
        return node;
    }

    private static Alerts alerts(JsonNode node) {
        Set<Notice> raised = EnumSet.noneOf(Notice.class);
        for (JsonNode notice : required(node, "raised")) {
            raised.add(enumValue(Notice.class, notice.asText()));
        }
        return new Alerts(raised, required(node, "readFailures").asInt(), optionalText(node, "lastReadError"));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("stored tracking lacks \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(n -> !n.isNull()).map(JsonNode::asText);
    }

    private static Instant instant(JsonNode node, String field) {
        return parseInstant(text(node, field));
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("stored tracking has a bad instant \"" + text + "\"", e);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stored tracking has an unknown " + type.getSimpleName() + " \"" + name + "\"", e);
        }
    }
}
