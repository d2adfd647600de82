package io.ncprollout.rollout;

/**
 * What works on the rollouts' cycle: it takes its own work over with them at startup, moves at the end of every
 * cycle (on the poll thread, after the rollouts were polled, so it sees their endings at once), and gives its leases
 * up with them on shutdown. The fleets ({@link FleetRunner}).
 */
public interface PollCompanion {
    PollCompanion NONE = new PollCompanion() {
        @Override
        public void takeOver() {
        }

        @Override
        public void tick() {
        }

        @Override
        public void renewLeases() {
        }

        @Override
        public void releaseLeases() {
        }
    };

    void takeOver();

    void tick();

    /** The heartbeat: keeps its leases while the poll thread shows life, however long one of its ticks takes. */
    void renewLeases();

    void releaseLeases();
}
