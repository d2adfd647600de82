package io.ncprollout.testing;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.store.InMemoryAuditLog;
import io.ncprollout.store.InMemoryFreezeList;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Gatekeepers for tests. */
public final class Gatekeepers {
    private Gatekeepers() {
    }

    /** Everyone may do everything (the simulator's default); decisions are still audited in memory. */
    public static Gatekeeper open(Clock clock) {
        return new Gatekeeper(new AccessPolicy(AccessPolicy.Mode.OPEN, List.of(), AccessPolicy.Principals.everyone(), Set.of()),
                (user, group) -> false, new InMemoryFreezeList(), new InMemoryAuditLog(), clock, Journals.WORDING);
    }
}
