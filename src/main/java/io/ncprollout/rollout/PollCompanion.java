package io.ncprollout.rollout;

/**
 * What works on the rollouts' cycle: it takes its own work over with them at startup, moves at the end of every
 * cycle (on the poll thread, after the rollouts were polled, so it sees their endings at once), and gives its leases
 * up with them on shutdown. The fleets ({@link FleetRunner}) and the scheduled runs ({@link ScheduleRunner}). Each
 * implementation catches its own failures: none throws.
 */
public interface PollCompanion {
    PollCompanion NONE = new PollCompanion() {
        @Override
        public void takeOver() {
        }

        @Override
        public void tick(Runnable alive) {
        }

        @Override
        public void renewLeases() {
        }

        @Override
        public void releaseLeases() {
        }
    };

    /** Every one of {@code companions}, in order, each step of one never keeping the next from its turn. */
    static PollCompanion of(PollCompanion... companions) {
        java.util.List<PollCompanion> all = java.util.List.of(companions);
        return new PollCompanion() {
            @Override
            public void takeOver() {
                all.forEach(PollCompanion::takeOver);
            }

            @Override
            public void tick(Runnable alive) {
                all.forEach(c -> c.tick(alive));
            }

            @Override
            public void renewLeases() {
                all.forEach(PollCompanion::renewLeases);
            }

            @Override
            public void releaseLeases() {
                all.forEach(PollCompanion::releaseLeases);
            }
        };
    }

    void takeOver();

    /** For a cycle with no heartbeat to feed (tests, a button's wake-up). */
    Runnable NO_HEARTBEAT = () -> {
    };

    /** One cycle without a heartbeat to feed. */
    default void tick() {
        tick(NO_HEARTBEAT);
    }

    /**
     * One cycle. {@code alive} is called before each step that may take seconds (a start: NCP's precheck, the health
     * gate, the posts), so that the heartbeat keeps every lease while the cycle moves on; a step that hangs longer
     * than three quarters of a lease lets them run out, as a hung poll does.
     */
    void tick(Runnable alive);

    /** The heartbeat: keeps its leases while the poll thread shows life, however long one of its ticks takes. */
    void renewLeases();

    void releaseLeases();
}
