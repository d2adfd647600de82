package io.ncprollout.store;

import io.ncprollout.rollout.RolloutStore;

/** The store contract on {@link InMemoryRolloutStore}: one instance stands for every replica. */
class InMemoryRolloutStoreTest extends RolloutStoreContract {
    private final InMemoryRolloutStore store = new InMemoryRolloutStore();

    @Override
    protected RolloutStore store() {
        return store;
    }

    @Override
    protected RolloutStore otherReplica() {
        return store;
    }
}
