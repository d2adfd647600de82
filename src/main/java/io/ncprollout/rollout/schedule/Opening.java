package io.ncprollout.rollout.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One opening of a maintenance window: starts are allowed from {@code from} (inclusive) to {@code to} (exclusive).
 *
 * @param from the first allowed instant
 * @param to   the first instant no longer allowed
 * @param zone the window's zone, to show both in its own time
 */
public record Opening(Instant from, Instant to, ZoneId zone) {
    public Opening {
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        Objects.requireNonNull(zone, "zone == null");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("an opening ends after it starts: " + from + " .. " + to);
        }
    }

    /** Whether {@code at} is within {@code [from, to)}. */
    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
