package io.ncprollout.rollout.access;

import java.util.List;
import java.util.Optional;

/** Port: requests waiting for (or decided by) a second person, kept across restarts. */
public interface ApprovalStore {

    /** Inserts or replaces the approval with the same id. */
    void save(PendingApproval approval);

    Optional<PendingApproval> find(String id);

    /** Every approval still pending, oldest first. */
    List<PendingApproval> pending();

    /**
     * Moves a pending approval to {@code next}'s decision only if it is still pending (so two people deciding at
     * once cannot both win).
     *
     * @return true when this call decided it
     */
    boolean decide(PendingApproval next);
}
