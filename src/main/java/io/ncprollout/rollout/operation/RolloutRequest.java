package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.cluster.ClusterRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user confirmed: never changes after the operation starts.
 *
 * @param target    the operation and its cluster
 * @param requester the Slack user id of the person who confirmed it
 * @param reason    the reason they typed
 * @param approver  the second person who approved it, under the two-person rule
 * @param startAnyway the requester, an admin, asked to start even though the data-level health gate does not pass
 *                  (an override honoured only for an admin, and audited)
 */
public record RolloutRequest(OperationTarget target, String requester, String reason, Optional<String> approver, boolean startAnyway) {
    public RolloutRequest {
        Objects.requireNonNull(target, "target == null");
        Objects.requireNonNull(requester, "requester == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(approver, "approver == null");
    }

    public RolloutRequest(OperationTarget target, String requester, String reason, Optional<String> approver) {
        this(target, requester, reason, approver, false);
    }

    /** A request that needs no approval. */
    public RolloutRequest(OperationTarget target, String requester, String reason) {
        this(target, requester, reason, Optional.empty());
    }

    /** This request, approved by {@code user}. */
    public RolloutRequest approvedBy(String user) {
        return new RolloutRequest(target, requester, reason, Optional.of(user), startAnyway);
    }

    /** This request, to be started even if the health gate does not pass (honoured for an admin only). */
    public RolloutRequest withStartAnyway(boolean anyway) {
        return new RolloutRequest(target, requester, reason, approver, anyway);
    }

    public OperationKind kind() {
        return target.kind();
    }

    public ClusterRef cluster() {
        return target.cluster();
    }

    public Optional<String> targetVersion() {
        return target.targetVersion();
    }
}
