package io.ncprollout.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.Skip;
import io.ncprollout.rollout.operation.OperationKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a fleet's plan modal carries to its submission (Slack's {@code private_metadata}, at most 3000 characters):
 * the operation, the pace, the channel and the clusters in order, the skipped ones with why (the detail is in the
 * modal the user read, not carried). Never trusted for who submits: that is the request's verified user.
 */
public record FleetMetadata(OperationKind kind, String region, String pattern, String channel, int waveSize, Duration pause, Optional<String> version,
        List<FleetMember> members, Optional<io.ncprollout.slack.render.ScheduleNote> when) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The metadata of a plan to start once confirmed. */
    public FleetMetadata(OperationKind kind, String region, String pattern, String channel, int waveSize, Duration pause, Optional<String> version,
            List<FleetMember> members) {
        this(kind, region, pattern, channel, waveSize, pause, version, members, Optional.empty());
    }

    public FleetMetadata {
        members = List.copyOf(members);
    }

    public long toRun() {
        return members.stream().filter(m -> m.skip().isEmpty()).count();
    }

    public String encode() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("k", kind.name()).put("r", region).put("p", pattern).put("c", channel).put("w", waveSize).put("s", pause.toSeconds())
                .put("v", version.orElse(""));
        when.ifPresent(w -> root.put("a", w.when().at().getEpochSecond()).put("z", w.when().zone().getId()).put("zf", w.source().name()));
        ArrayNode list = root.putArray("m");
        for (FleetMember m : members) {
            ArrayNode row = list.addArray().add(m.cluster().number()).add(m.cluster().name()).add(m.nodeCount())
                    .add(m.skip().map(s -> s.why().name()).orElse("")).add(m.targetVersion().orElse("")).add(m.configGroupNo().orElse(""));
        }
        return root.toString();
    }

    /** The metadata, or empty when it is not a fleet's (an older form, a forged one). */
    public static Optional<FleetMetadata> decode(String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            OperationKind kind = OperationKind.valueOf(root.path("k").asText());
            String region = root.path("r").asText();
            List<FleetMember> members = new ArrayList<>();
            for (JsonNode row : root.path("m")) {
                ClusterRef cluster = new ClusterRef(kind.product(), row.path(0).asText(), row.path(1).asText(), region);
                int nodes = row.path(2).asInt();
                String skip = row.path(3).asText("");
                FleetMember member = skip.isEmpty() ? FleetMember.waiting(cluster, nodes) : FleetMember.skipped(cluster, nodes, new Skip(Skip.Why.valueOf(skip), ""));
                String version = row.path(4).asText("");
                String group = row.path(5).asText("");
                members.add(version.isEmpty() ? member : member.toVersion(version, group.isEmpty() ? Optional.empty() : Optional.of(group)));
            }
            if (members.isEmpty() || root.path("c").asText().isEmpty()) {
                return Optional.empty();
            }
            Optional<io.ncprollout.slack.render.ScheduleNote> when = root.has("a")
                    ? Optional.of(new io.ncprollout.slack.render.ScheduleNote(new io.ncprollout.rollout.schedule.ScheduledTime(
                            java.time.Instant.ofEpochSecond(root.path("a").asLong()), java.time.ZoneId.of(root.path("z").asText("UTC"))),
                            io.ncprollout.slack.render.ScheduleNote.ZoneSource.valueOf(root.path("zf").asText("TYPED")), Optional.empty()))
                    : Optional.empty();
            return Optional.of(new FleetMetadata(kind, region, root.path("p").asText(), root.path("c").asText(), root.path("w").asInt(1),
                    Duration.ofSeconds(root.path("s").asLong()), Optional.of(root.path("v").asText("")).filter(v -> !v.isEmpty()), members, when));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
