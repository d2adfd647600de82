package io.ncprollout.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ncprollout.rollout.tracking.Eta;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durations of an operation's past runs, for its estimate: read once per operation from the store's latest
 * {@value #RECENT} finished operations and kept while it runs (history does not change under it). A store that cannot
 * be read gives no history this time, never a failed message, and is asked again at the next render.
 */
public final class PastRuns implements Function<Rollout, List<Duration>> {
    private static final Logger log = LoggerFactory.getLogger(PastRuns.class);
    static final int RECENT = 500;

    private final RolloutStore store;
    private final Cache<String, List<Duration>> known = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(6)).build();

    public PastRuns(RolloutStore store) {
        this.store = store;
    }

    @Override
    public List<Duration> apply(Rollout rollout) {
        List<Duration> cached = known.getIfPresent(rollout.id());
        if (cached != null) {
            return cached;
        }
        try {
            List<Duration> past = Eta.pastRuns(rollout, store.recent(RECENT));
            known.put(rollout.id(), past);
            return past;
        } catch (StoreUnavailableException e) {
            log.debug("rollout {}: no history for its estimate now: {}", rollout.id(), e.getMessage());
            return List.of();
        }
    }
}
