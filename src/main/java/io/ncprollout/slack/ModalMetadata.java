package io.ncprollout.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.schedule.ScheduledTime;
import io.ncprollout.slack.render.ScheduleNote;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a confirmation modal remembers between opening and submission, as its {@code private_metadata} JSON
 * (at most 3000 characters). It names the operation and where to report; it is never used to decide who
 * may do what — that is always the verified user id of the request.
 *
 * @param kind          the operation's {@link OperationKind} name
 * @param clusterNo     the cluster number
 * @param clusterName   the cluster name the user must type
 * @param region        the region code
 * @param channel       the channel the command was typed in, where progress goes
 * @param responseUrl   the command's response_url, to reach the user where the bot cannot post
 * @param targetVersion the target version code, for upgrades
 * @param configGroupNo the config group, for Kafka upgrades
 * @param at            when the operation is to start ({@code --at}), in epoch seconds; null to start it on submission
 * @param zone          the zone that time was read in, for display
 * @param zoneFrom      where that zone came from ({@link ScheduleNote.ZoneSource}), for the modal's note
 */
public record ModalMetadata(
        String kind, String clusterNo, String clusterName, String region, String channel, @Nullable String responseUrl,
        @Nullable String targetVersion, @Nullable String configGroupNo, @Nullable Long at, @Nullable String zone, @Nullable String zoneFrom) {

    public ModalMetadata(String kind, String clusterNo, String clusterName, String region, String channel, @Nullable String responseUrl,
            @Nullable String targetVersion, @Nullable String configGroupNo) {
        this(kind, clusterNo, clusterName, region, channel, responseUrl, targetVersion, configGroupNo, null, null, null);
    }

    private static final Gson GSON = new Gson();
    static final int MAX_LENGTH = 3000;

    public static ModalMetadata of(OperationTarget target, String channel, String responseUrl) {
        ClusterRef c = target.cluster();
        return new ModalMetadata(target.kind().name(), c.number(), c.name(), c.region(), channel, responseUrl,
                target.targetVersion().orElse(null), target.configGroupNo().orElse(null));
    }

    /** The metadata of a modal whose operation starts at {@code when} (or on submission, when empty). */
    public static ModalMetadata of(OperationTarget target, String channel, String responseUrl, Optional<ScheduleNote> when) {
        ModalMetadata m = of(target, channel, responseUrl);
        return when.map(w -> new ModalMetadata(m.kind, m.clusterNo, m.clusterName, m.region, m.channel, m.responseUrl, m.targetVersion,
                m.configGroupNo, w.when().at().getEpochSecond(), w.when().zone().getId(), w.source().name())).orElse(m);
    }

    /** The time asked and where its zone came from (the window is the flow's to add); empty to start on submission. */
    public Optional<ScheduleNote> note() {
        ScheduleNote.ZoneSource source = ScheduleNote.ZoneSource.TYPED;
        for (ScheduleNote.ZoneSource s : ScheduleNote.ZoneSource.values()) {
            if (s.name().equals(zoneFrom)) {
                source = s;
            }
        }
        ScheduleNote.ZoneSource from = source;
        return when().map(w -> new ScheduleNote(w, from, Optional.empty()));
    }

    /** When the operation is to start; empty to start it on submission. A zone this JVM does not know reads as UTC. */
    public Optional<ScheduledTime> when() {
        if (at == null) {
            return Optional.empty();
        }
        ZoneId z;
        try {
            z = zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            z = ZoneOffset.UTC;
        }
        return Optional.of(new ScheduledTime(Instant.ofEpochSecond(at), z));
    }

    /** The JSON, without the response URL if keeping it would pass Slack's 3000-character limit. */
    public String encode() {
        String json = GSON.toJson(this);
        if (json.length() <= MAX_LENGTH) {
            return json;
        }
        return GSON.toJson(new ModalMetadata(kind, clusterNo, clusterName, region, channel, null, targetVersion, configGroupNo, at, zone, zoneFrom));
    }

    /**
     * Reads metadata written by {@link #encode()}.
     *
     * @return empty when the text is not such metadata (a forged or stale submission)
     */
    public static Optional<ModalMetadata> decode(String json) {
        try {
            ModalMetadata m = GSON.fromJson(json, ModalMetadata.class);
            if (m == null || m.kind == null || m.clusterNo == null || m.clusterName == null || m.region == null || m.channel == null) {
                return Optional.empty();
            }
            OperationKind.valueOf(m.kind);
            return Optional.of(m);
        } catch (JsonParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public OperationKind operationKind() {
        return OperationKind.valueOf(kind);
    }

    public OperationTarget target() {
        OperationKind k = operationKind();
        return new OperationTarget(k, new ClusterRef(k.product(), clusterNo, clusterName, region),
                Optional.ofNullable(targetVersion), Optional.ofNullable(configGroupNo));
    }

    public Optional<String> responseUrlIfAny() {
        return Optional.ofNullable(responseUrl);
    }
}
