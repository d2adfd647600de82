package io.ncprollout.sim;

/** What goes wrong with one node when the roll reaches it (see {@link SimulatorFaults}). */
public enum NodeFault {
    /** The node behaves normally: changing for one step, then healthy again. */
    NONE,
    /** The node starts changing when its turn comes and never becomes healthy; the roll stalls there. */
    STUCK_ORANGE,
    /** The node turns red when its turn comes; the roll stops there and the cluster status becomes error. */
    GOES_RED
}
