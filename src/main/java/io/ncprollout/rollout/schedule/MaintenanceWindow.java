package io.ncprollout.rollout.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When starts are allowed on the clusters whose names match {@code clusters}: on each of {@code days}, from
 * {@code from} (inclusive) to {@code to} (exclusive), wall-clock time in {@code zone}.
 *
 * <p>When {@code to} is not after {@code from} the window crosses midnight and belongs to the day it opens on:
 * {@code fri 22:00-02:00} is open from Friday 22:00 to Saturday 02:00, and {@code to = 00:00} closes at the end of the
 * day it opened on. {@code from == to} is a whole day (24 hours from {@code from}). An empty {@code days} never opens
 * (the configuration file turns missing days into every day).
 *
 * @param clusters globs on the cluster name ({@code *-prod})
 * @param days     the days the window opens on
 * @param from     when it opens, local time
 * @param to       when it closes, local time; on the next day when not after {@code from}
 * @param zone     the zone of {@code days}, {@code from} and {@code to}
 */
public record MaintenanceWindow(List<String> clusters, Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
    public MaintenanceWindow {
        clusters = List.copyOf(clusters);
        days = Set.copyOf(days);
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        Objects.requireNonNull(zone, "zone == null");
    }

    /** Whether the window ends on the day after it opens ({@code to} not after {@code from}). */
    public boolean crossesMidnight() {
        return !to.isAfter(from);
    }
}
