package io.ncprollout.rollout.tracking;

import java.util.Objects;

/**
 * A request stored the moment it was received, before the chat was answered ({@link StartPhase#RECEIVED}): if the
 * bot dies before handling it, the next process tells the requester instead of leaving them at "Starting…".
 *
 * @param rolloutId the id the request's rollout will have if it starts
 */
public record Receipt(String rolloutId) {
    public Receipt {
        Objects.requireNonNull(rolloutId, "rolloutId == null");
    }
}
