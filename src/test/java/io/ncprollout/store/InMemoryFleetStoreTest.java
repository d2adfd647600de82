package io.ncprollout.store;

import io.ncprollout.rollout.fleet.FleetStore;

/** The fleet store contract in memory (one instance stands for both replicas). */
class InMemoryFleetStoreTest extends FleetStoreContract {
    private final InMemoryFleetStore store = new InMemoryFleetStore();

    @Override
    protected FleetStore store() {
        return store;
    }

    @Override
    protected FleetStore otherReplica() {
        return store;
    }
}
