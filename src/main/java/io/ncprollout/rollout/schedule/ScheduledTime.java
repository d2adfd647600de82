package io.ncprollout.rollout.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a requester asked an operation to start: the instant, and the zone they wrote it in (for display only).
 *
 * @param at   when it starts
 * @param zone the zone the time was written in: the requester's Slack time zone, or {@code KST}/{@code UTC} given
 */
public record ScheduledTime(Instant at, ZoneId zone) {
    /** How far ahead a run may be asked for: beyond, plans change and nobody watches the reminder. */
    public static final Duration MAX_AHEAD = Duration.ofDays(30);

    public ScheduledTime {
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(zone, "zone == null");
    }

    /** The pure check of a time asked at {@code now}: in the future, and not more than {@link #MAX_AHEAD} away. */
    public Timing timing(Instant now) {
        if (!at.isAfter(now)) {
            return Timing.PAST;
        }
        return at.isAfter(now.plus(MAX_AHEAD)) ? Timing.TOO_FAR : Timing.OK;
    }

    /** What {@link #timing} found. */
    public enum Timing {
        OK, PAST, TOO_FAR
    }
}
