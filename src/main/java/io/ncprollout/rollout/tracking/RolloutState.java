package io.ncprollout.rollout.tracking;

/** The state of a tracked operation. Every state but {@link #RUNNING} is final. */
public enum RolloutState {
    /** NCP accepted the start; the bot is watching. */
    RUNNING,
    /** The cluster was seen changing and is back: every node normal, cluster running, target version reached. */
    COMPLETED,
    /** A node turned red, the cluster reported an error, or NCP refused the operation. */
    FAILED,
    /** Nothing changed for the give-up time; the bot stopped watching (the operation may still run on NCP). */
    STALLED,
    /** The cluster never changed after the start was accepted; success could not be confirmed. */
    UNCONFIRMED,
    /** The bot stopped before sending the start (it restarted while starting): nothing was sent to NCP. */
    NOT_STARTED,
    /** An admin told the bot to stop tracking it ({@code /kafka abandon}); NCP may still be running it. */
    ABANDONED;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
