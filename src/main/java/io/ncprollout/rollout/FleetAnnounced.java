package io.ncprollout.rollout;

/** What became of posting a fleet's message ({@link FleetRunner#announce}). */
public enum FleetAnnounced {
    /** Posted: the fleet runs. */
    POSTED,
    /** Slack refused it: the fleet ended, nothing started. */
    NOT_POSTED,
    /** No such fleet waits for its message (already posted, or ended). */
    GONE
}
