package io.ncprollout.rollout;

import java.util.Objects;

/**
 * What a user confirmed: never changes after the operation starts.
 *
 * @param target    the operation and its cluster
 * @param requester the Slack user id of the person who confirmed it
 * @param reason    the reason they typed
 */
public record RolloutRequest(OperationTarget target, String requester, String reason) {
    public RolloutRequest {
        Objects.requireNonNull(target, "target == null");
        Objects.requireNonNull(requester, "requester == null");
        Objects.requireNonNull(reason, "reason == null");
    }

    public OperationKind kind() {
        return target.kind();
    }

    public ClusterRef cluster() {
        return target.cluster();
    }

    public java.util.Optional<String> targetVersion() {
        return target.targetVersion();
    }
}
