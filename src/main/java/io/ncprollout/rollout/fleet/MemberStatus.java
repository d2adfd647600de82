package io.ncprollout.rollout.fleet;

/** Where one cluster of a fleet is. */
public enum MemberStatus {
    /** Not started yet. */
    WAITING,
    /** Its start is being sent: the rollout id is stored first, so a crash here never sends it twice. */
    STARTING,
    /** Its operation runs; followed in its own thread. */
    RUNNING,
    /** Its operation completed. */
    DONE,
    /** Its operation ended otherwise (failed, stalled, unconfirmed, abandoned): the fleet stops. */
    FAILED,
    /** Not run, with a {@link Skip} that says why. */
    SKIPPED,
    /** The fleet stopped before its turn. */
    NOT_STARTED;

    /** True once nothing more happens to it. */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == SKIPPED || this == NOT_STARTED;
    }
}
