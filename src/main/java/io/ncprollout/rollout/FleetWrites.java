package io.ncprollout.rollout;

import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetStore;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runner's writes of a fleet: a compare-and-set, and a step re-applied to what is stored when another write came first. */
final class FleetWrites {
    private static final Logger log = LoggerFactory.getLogger(FleetWrites.class);
    private static final int COMMIT_TRIES = 5;

    private final FleetStore fleets;

    FleetWrites(FleetStore fleets) {
        this.fleets = fleets;
    }

    Optional<Fleet> commit(Fleet next) {
        return fleets.commit(next);
    }

    /**
     * Applies {@code step} to {@code fleet} and stores it; when another write came first (a button, another replica),
     * reads the fleet again and applies the step to what is stored. Empty when the fleet is gone or the writes keep
     * losing: the next cycle starts over from the store.
     */
    Optional<Fleet> update(Fleet fleet, UnaryOperator<Fleet> step) {
        Fleet current = fleet;
        for (int attempt = 0; attempt < COMMIT_TRIES; attempt++) {
            Fleet next = step.apply(current);
            if (next.equals(current)) {
                return Optional.of(current);
            }
            Optional<Fleet> stored = fleets.commit(next);
            if (stored.isPresent()) {
                return stored;
            }
            Optional<Fleet> fresh = fleets.find(fleet.id());
            if (fresh.isEmpty()) {
                return Optional.empty();
            }
            current = fresh.get();
        }
        log.warn("fleet {}: kept losing the write; the next cycle reads it again", fleet.id());
        return Optional.empty();
    }
}
