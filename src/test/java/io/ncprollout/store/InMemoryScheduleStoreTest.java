package io.ncprollout.store;

import io.ncprollout.rollout.schedule.ScheduleStore;

/** The schedule store contract in memory (one instance stands for both replicas). */
class InMemoryScheduleStoreTest extends ScheduleStoreContract {
    private final InMemoryScheduleStore store = new InMemoryScheduleStore();

    @Override
    protected ScheduleStore store() {
        return store;
    }

    @Override
    protected ScheduleStore otherReplica() {
        return store;
    }
}
