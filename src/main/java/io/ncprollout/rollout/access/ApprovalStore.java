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
     * The approved requests made for a later time ({@code --at}) whose time is after {@code after}, oldest first: those
     * a scheduled run may still have to be stored for (the process died between the approval and the run).
     */
    List<PendingApproval> approvedForLater(java.time.Instant after);

    /**
     * Moves a pending approval to {@code next}'s decision only if it is still pending (so two people deciding at
     * once cannot both win).
     *
     * @return true when this call decided it
     */
    boolean decide(PendingApproval next);
}
