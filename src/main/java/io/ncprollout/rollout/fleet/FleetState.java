package io.ncprollout.rollout.fleet;

/** Where a fleet is. AWAITING_APPROVAL, RUNNING, PAUSED and STOPPING are unfinished; STOPPED and COMPLETED are final. */
public enum FleetState {
    /** An approval rule covers one of its clusters: nothing starts until another person among the approvers approves. */
    AWAITING_APPROVAL,
    /** Starts its clusters, wave after wave. */
    RUNNING,
    /** Someone paused it: the running wave finishes, nothing new starts until Resume. */
    PAUSED,
    /** It stopped (a cluster's operation did not complete, a freeze appeared, someone pressed Stop): the running clusters are followed to their end. */
    STOPPING,
    /** Stopped, and nothing of it runs any more. */
    STOPPED,
    /** Every cluster ran (or was skipped). */
    COMPLETED;

    public boolean isFinal() {
        return this == STOPPED || this == COMPLETED;
    }
}
