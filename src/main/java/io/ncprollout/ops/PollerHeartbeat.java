package io.ncprollout.ops;

import io.ncprollout.rollout.tracking.PollListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The "poller alive" health check: a {@link PollListener} that remembers when the poller last began a cycle.
 * Alive while the last cycle (or, before the first, the heartbeat's creation) is at most {@code staleAfter} old.
 */
public final class PollerHeartbeat implements PollListener {
    private final Clock clock;
    private final Duration staleAfter;
    private volatile Instant lastBeat;
    private volatile boolean beaten;

    public PollerHeartbeat(Clock clock, Duration staleAfter) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter == null");
        this.lastBeat = clock.instant();
    }

    @Override
    public void cycleStarted(Instant now) {
        lastBeat = now;
        beaten = true;
    }

    /** The health check. */
    public HealthCheck.Result check() {
        Duration age = Duration.between(lastBeat, clock.instant());
        String since = beaten ? "last poll cycle " + age.toSeconds() + "s ago" : "no poll cycle yet (" + age.toSeconds() + "s)";
        return age.compareTo(staleAfter) <= 0 ? HealthCheck.Result.up(since)
                : HealthCheck.Result.down(since + ", more than " + staleAfter.toSeconds() + "s: the poller is stuck or stopped");
    }
}
