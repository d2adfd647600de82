package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.operation.RolloutRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A started operation: what was asked, when NCP accepted it, and what the tracker knows since.
 * Immutable; {@link RolloutTransitions} returns the next one.
 *
 * @param id        the bot's id of the operation
 * @param request   what the user asked for
 * @param startedAt when NCP accepted the start
 * @param tracking  what the tracker knows
 */
public record Rollout(String id, RolloutRequest request, Instant startedAt, Tracking tracking) {
    public Rollout {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(startedAt, "startedAt == null");
        Objects.requireNonNull(tracking, "tracking == null");
    }

    /** A rollout that NCP has just accepted and nobody has polled yet. */
    public static Rollout started(String id, RolloutRequest request, Instant startedAt) {
        Tracking tracking = new Tracking(RolloutState.RUNNING, Snapshot.empty(), false, startedAt, Alerts.none(), Optional.empty(), CatchUp.none());
        return new Rollout(id, request, startedAt, tracking);
    }

    public RolloutState state() {
        return tracking.state();
    }

    /** Time from the start to the end, or to {@code now} while it runs. */
    public Duration elapsed(Instant now) {
        Instant end = tracking.ending().map(Tracking.Ending::at).orElse(now);
        return Duration.between(startedAt, end);
    }

    public Rollout with(Tracking next) {
        return new Rollout(id, request, startedAt, next);
    }

    /** The ending's reason, when the operation has ended. */
    public Optional<EndingReason> endingReason() {
        return tracking.ending().map(Tracking.Ending::reason);
    }
}
