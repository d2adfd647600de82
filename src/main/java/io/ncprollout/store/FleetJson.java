package io.ncprollout.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetApproval;
import io.ncprollout.rollout.fleet.FleetEvent;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.fleet.FleetState;
import io.ncprollout.rollout.fleet.MemberStatus;
import io.ncprollout.rollout.fleet.Skip;
import io.ncprollout.rollout.fleet.StopCause;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.ThreadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of a {@link Fleet} in the {@code fleets.body} column (its version is the row's). Lossless; fields it
 * does not know are ignored, an unknown enum value is an error naming it.
 */
final class FleetJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FORMAT = 1;

    private FleetJson() {
    }

    static String write(Fleet fleet) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", fleet.id());
        FleetSpec spec = fleet.spec();
        ObjectNode s = root.putObject("spec");
        s.put("kind", spec.kind().name());
        spec.targetVersion().ifPresent(v -> s.put("targetVersion", v));
        s.put("region", spec.region());
        s.put("pattern", spec.pattern());
        s.put("requester", spec.requester());
        spec.approver().ifPresent(a -> s.put("approver", a));
        s.put("reason", spec.reason());
        s.put("channel", spec.channel());
        s.put("waveSize", spec.waveSize());
        s.put("pause", spec.pause().toString());
        spec.startAt().ifPresent(w -> {
            s.put("startAt", w.at().toString());
            s.put("startZone", w.zone().getId());
        });
        ArrayNode members = root.putArray("members");
        for (FleetMember m : fleet.members()) {
            ObjectNode n = members.addObject();
            n.put("product", m.cluster().product().name());
            n.put("number", m.cluster().number());
            n.put("name", m.cluster().name());
            n.put("region", m.cluster().region());
            n.put("nodes", m.nodeCount());
            n.put("status", m.status().name());
            m.rolloutId().ifPresent(id -> n.put("rolloutId", id));
            m.skip().ifPresent(k -> {
                n.put("skip", k.why().name());
                n.put("skipDetail", k.detail());
            });
            m.ending().ifPresent(e -> n.put("ending", e.name()));
            n.put("attempts", m.attempts());
            m.targetVersion().ifPresent(v -> n.put("targetVersion", v));
            m.configGroupNo().ifPresent(g -> n.put("configGroupNo", g));
        }
        root.put("state", fleet.state().name());
        fleet.stop().ifPresent(c -> {
            ObjectNode n = root.putObject("stop");
            n.put("why", c.why().name());
            n.put("detail", c.detail());
            n.put("by", c.by());
        });
        root.put("channel", fleet.thread().channel());
        root.put("parentTs", fleet.thread().parentTs());
        root.put("createdAt", fleet.createdAt().toString());
        fleet.waveEndedAt().ifPresent(w -> root.put("waveEndedAt", w.toString()));
        ArrayNode events = root.putArray("events");
        for (FleetEvent e : fleet.events()) {
            ObjectNode n = events.addObject();
            n.put("type", e.type().name());
            n.put("member", e.member());
            n.put("at", e.at().toString());
            n.put("by", e.by());
        }
        fleet.approval().ifPresent(a -> {
            ObjectNode n = root.putObject("approval");
            n.put("deadline", a.deadline().toString());
            a.approvedBy().ifPresent(by -> n.put("approvedBy", by));
            ArrayNode rules = n.putArray("approvers");
            for (AccessPolicy.Principals p : a.approvers()) {
                ObjectNode r = rules.addObject();
                p.users().stream().sorted().forEach(r.putArray("users")::add);
                p.usergroups().stream().sorted().forEach(r.putArray("usergroups")::add);
            }
        });
        root.put("eventsSaid", fleet.eventsSaid());
        root.put("changes", fleet.changes());
        root.put("tableShows", fleet.tableShows());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fleet " + fleet.id(), e);
        }
    }

    static Fleet read(String json, long version) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fleet: " + e.getOriginalMessage(), e);
        }
        JsonNode s = root.path("spec");
        FleetSpec spec = new FleetSpec(OperationKind.valueOf(s.path("kind").asText()), optional(s, "targetVersion"), s.path("region").asText(),
                s.path("pattern").asText(), s.path("requester").asText(), optional(s, "approver"), s.path("reason").asText(),
                s.path("channel").asText(), s.path("waveSize").asInt(1), Duration.parse(s.path("pause").asText("PT0S")),
                optional(s, "startAt").map(at -> new io.ncprollout.rollout.schedule.ScheduledTime(java.time.Instant.parse(at),
                        JdbcScheduleStore.zone(optional(s, "startZone").orElse(null)))));
        List<FleetMember> members = new ArrayList<>();
        for (JsonNode n : root.path("members")) {
            ClusterRef cluster = new ClusterRef(Product.valueOf(n.path("product").asText()), n.path("number").asText(), n.path("name").asText(),
                    n.path("region").asText());
            Optional<Skip> skip = optional(n, "skip").map(w -> new Skip(Skip.Why.valueOf(w), n.path("skipDetail").asText("")));
            members.add(new FleetMember(cluster, n.path("nodes").asInt(), MemberStatus.valueOf(n.path("status").asText()), optional(n, "rolloutId"),
                    skip, optional(n, "ending").map(RolloutState::valueOf), n.path("attempts").asInt(), optional(n, "targetVersion"),
                    optional(n, "configGroupNo")));
        }
        Optional<StopCause> stop = root.has("stop")
                ? Optional.of(new StopCause(StopCause.Why.valueOf(root.path("stop").path("why").asText()), root.path("stop").path("detail").asText(""),
                        root.path("stop").path("by").asText("")))
                : Optional.empty();
        List<FleetEvent> events = new ArrayList<>();
        for (JsonNode n : root.path("events")) {
            events.add(new FleetEvent(FleetEvent.Type.valueOf(n.path("type").asText()), n.path("member").asInt(-1), Instant.parse(n.path("at").asText()),
                    n.path("by").asText("")));
        }
        ThreadRef thread = new ThreadRef(root.path("channel").asText(), root.path("parentTs").asText(""), "");
        Optional<FleetApproval> approval = Optional.empty();
        if (root.has("approval")) {
            JsonNode a = root.path("approval");
            List<AccessPolicy.Principals> approvers = new ArrayList<>();
            for (JsonNode r : a.path("approvers")) {
                approvers.add(new AccessPolicy.Principals(texts(r.path("users")), texts(r.path("usergroups"))));
            }
            approval = Optional.of(new FleetApproval(approvers, Instant.parse(a.path("deadline").asText()), optional(a, "approvedBy")));
        }
        return new Fleet(root.path("id").asText(), spec, members, FleetState.valueOf(root.path("state").asText()), stop, thread,
                Instant.parse(root.path("createdAt").asText()), optional(root, "waveEndedAt").map(Instant::parse), events, root.path("eventsSaid").asInt(),
                root.path("changes").asLong(), root.path("tableShows").asLong(), version, approval);
    }

    private static java.util.Set<String> texts(JsonNode array) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
