package io.ncprollout.slack.action;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Allows one "Refresh now" per rollout per interval, so a row of clicks cannot hammer the NCP API.
 * Remembers at most 1,000 rollouts (the oldest are forgotten).
 */
final class RefreshLimiter {
    private static final int REMEMBERED = 1000;

    private final Duration interval;
    private final Map<String, Instant> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    RefreshLimiter(Duration interval) {
        this.interval = interval;
    }

    /** True (and remembered) when {@code id} was not refreshed within the interval before {@code now}. */
    synchronized boolean tryAcquire(String id, Instant now) {
        Instant previous = last.get(id);
        if (previous != null && now.isBefore(previous.plus(interval))) {
            return false;
        }
        last.put(id, now);
        return true;
    }
}
