package io.ncprollout.rollout.schedule;

import io.ncprollout.rollout.cluster.Globs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The maintenance windows of the configuration: when a start may begin on a cluster. Windows restrict only the
 * clusters they name; a cluster no window's globs match may start at any time. A cluster several windows name may
 * start inside any of them.
 *
 * <p>Daylight saving time: each opening is the span between the instants at which the zone's clocks show
 * {@code from} on its day and {@code to} on its closing day. A time the clocks skip (a spring gap) is taken as the
 * instant of the jump, so {@code 02:30-05:00} in Europe/Berlin on the last Sunday of March opens at 03:00 CEST, and a
 * window lying wholly inside the gap does not open that day. A time the clocks show twice (an autumn overlap) opens at
 * its first showing and closes at its last, so a repeated hour lengthens the window rather than shortening it.
 */
public final class MaintenanceWindows {
    /** How far ahead {@link #next} looks for an opening. */
    public static final int DAYS_AHEAD = 8;

    private final List<MaintenanceWindow> windows;

    public MaintenanceWindows(List<MaintenanceWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    public static MaintenanceWindows none() {
        return new MaintenanceWindows(List.of());
    }

    public List<MaintenanceWindow> windows() {
        return windows;
    }

    public boolean isEmpty() {
        return windows.isEmpty();
    }

    /** Whether some window's globs match the cluster's name, so that starts on it are restricted. */
    public boolean governs(String clusterName) {
        return !governing(clusterName).isEmpty();
    }

    /** The windows whose globs match the cluster's name, in the file's order. */
    public List<MaintenanceWindow> governing(String clusterName) {
        return windows.stream().filter(w -> Globs.matchesAny(w.clusters(), clusterName)).toList();
    }

    /** Whether a start at {@code at} is allowed: no window governs the cluster, or {@code at} is inside one that does. */
    public boolean allows(String clusterName, Instant at) {
        List<MaintenanceWindow> governing = governing(clusterName);
        if (governing.isEmpty()) {
            return true;
        }
        for (MaintenanceWindow w : governing) {
            LocalDate day = at.atZone(w.zone()).toLocalDate();
            // an opening that began the day before may still be open (a window crossing midnight, or 24 hours)
            for (LocalDate d = day.minusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
                Optional<Opening> opening = opening(w, d);
                if (opening.isPresent() && opening.get().contains(at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The next opening for the cluster at or after {@code after}: when {@code after} is inside a window, that window
     * from {@code after} to its end; otherwise the earliest opening to come (the longest when two open together),
     * looking {@value #DAYS_AHEAD} days ahead. Empty when no window governs the cluster, or none opens in that time.
     */
    public Optional<Opening> next(String clusterName, Instant after) {
        List<Opening> candidates = new ArrayList<>();
        for (MaintenanceWindow w : governing(clusterName)) {
            LocalDate day = after.atZone(w.zone()).toLocalDate();
            for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(DAYS_AHEAD)); d = d.plusDays(1)) {
                opening(w, d).filter(o -> o.to().isAfter(after))
                        .ifPresent(o -> candidates.add(o.from().isBefore(after) ? new Opening(after, o.to(), o.zone()) : o));
            }
        }
        Instant horizon = after.plus(Duration.ofDays(DAYS_AHEAD));
        return candidates.stream().filter(o -> !o.from().isAfter(horizon))
                .min(Comparator.comparing(Opening::from).thenComparing(Opening::to, Comparator.reverseOrder()));
    }

    /** The whole opening (from its start to its end) of a window governing the cluster that contains {@code at}; empty when none does. */
    public Optional<Opening> containing(String clusterName, Instant at) {
        for (MaintenanceWindow w : governing(clusterName)) {
            LocalDate day = at.atZone(w.zone()).toLocalDate();
            for (LocalDate d = day.minusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
                Optional<Opening> o = opening(w, d).filter(x -> x.contains(at));
                if (o.isPresent()) {
                    return o;
                }
            }
        }
        return Optional.empty();
    }

    /** The window's opening on {@code day}, if it opens that day (and is not swallowed by a clock change). */
    static Optional<Opening> opening(MaintenanceWindow w, LocalDate day) {
        if (!w.days().contains(day.getDayOfWeek())) {
            return Optional.empty();
        }
        Instant from = instant(day.atTime(w.from()), w, true);
        LocalDate closing = w.crossesMidnight() ? day.plusDays(1) : day;
        Instant to = instant(closing.atTime(w.to()), w, false);
        return to.isAfter(from) ? Optional.of(new Opening(from, to, w.zone())) : Optional.empty();
    }

    /**
     * The instant the zone's clocks show {@code local}: in a gap, the instant of the jump; in an overlap, the first
     * showing when {@code first}, else the last.
     */
    private static Instant instant(LocalDateTime local, MaintenanceWindow w, boolean first) {
        ZoneRules rules = w.zone().getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap == null ? local.atZone(w.zone()).toInstant() : gap.getInstant();
        }
        ZoneOffset offset = offsets.size() == 1 || first ? offsets.get(0) : offsets.get(offsets.size() - 1);
        return local.toInstant(offset);
    }
}
