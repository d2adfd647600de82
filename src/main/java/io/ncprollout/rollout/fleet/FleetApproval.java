package io.ncprollout.rollout.fleet;

import io.ncprollout.rollout.access.AccessPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The two-person rule for a fleet: one approval covers the plan. Every approval rule that covers one of its clusters
 * is listed, and an approver must be one of each (never the requester).
 *
 * @param approvers  the approvers of each rule that covers a cluster of the plan
 * @param deadline   when the request expires (the shortest expiry of those rules after the launch)
 * @param approvedBy who approved it, once approved
 */
public record FleetApproval(List<AccessPolicy.Principals> approvers, Instant deadline, Optional<String> approvedBy) {
    public FleetApproval {
        approvers = List.copyOf(approvers);
        Objects.requireNonNull(deadline, "deadline == null");
        Objects.requireNonNull(approvedBy, "approvedBy == null");
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException("an approval names its approvers");
        }
    }
}
