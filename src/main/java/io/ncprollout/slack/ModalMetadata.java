package io.ncprollout.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
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
 */
public record ModalMetadata(
        String kind, String clusterNo, String clusterName, String region, String channel, @Nullable String responseUrl,
        @Nullable String targetVersion, @Nullable String configGroupNo) {

    private static final Gson GSON = new Gson();
    static final int MAX_LENGTH = 3000;

    public static ModalMetadata of(OperationTarget target, String channel, String responseUrl) {
        ClusterRef c = target.cluster();
        return new ModalMetadata(target.kind().name(), c.number(), c.name(), c.region(), channel, responseUrl,
                target.targetVersion().orElse(null), target.configGroupNo().orElse(null));
    }

    /** The JSON, without the response URL if keeping it would pass Slack's 3000-character limit. */
    public String encode() {
        String json = GSON.toJson(this);
        if (json.length() <= MAX_LENGTH) {
            return json;
        }
        return GSON.toJson(new ModalMetadata(kind, clusterNo, clusterName, region, channel, null, targetVersion, configGroupNo));
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
