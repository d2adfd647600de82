package io.ncprollout.ops;

import io.ncprollout.rollout.tracking.PollListener;
import io.ncprollout.rollout.tracking.Rollout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Fans one poller's events out to several listeners (metrics and the heartbeat), in order. */
public final class PollListeners {
    private PollListeners() {
    }

    public static PollListener of(PollListener... listeners) {
        List<PollListener> all = List.of(listeners);
        return new PollListener() {
            @Override
            public void cycleStarted(Instant now) {
                all.forEach(l -> l.cycleStarted(now));
            }

            @Override
            public void polled(Rollout after, Duration lag) {
                all.forEach(l -> l.polled(after, lag));
            }
        };
    }
}
