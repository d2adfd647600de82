package io.ncprollout.rollout.access;

import io.ncprollout.rollout.operation.RolloutRequest;

/**
 * Port: the audit trail's words for what access decides (a refusal, whose request an approval decided). Declared
 * here so that access depends on no layer above it; {@link io.ncprollout.rollout.AuditWording} adds the words of
 * starts and endings.
 */
public interface AccessWording {
    /** The sentence for {@code refusal}, the detail of a denial. */
    String refusal(Refusal refusal);

    /** "request of" the requester, the detail of an approval's decision. */
    String requestOf(String requester);

    /** What was asked, the detail of a request that waits for approval: the operation and the requester's reason. */
    String requested(RolloutRequest request);
}
