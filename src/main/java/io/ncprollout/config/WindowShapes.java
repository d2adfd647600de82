package io.ncprollout.config;

import io.ncprollout.rollout.schedule.MaintenanceWindow;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The raw YAML shape of the {@code windows:} section and its checks into {@link MaintenanceWindow}s.
 *
 * <pre>
 * windows:                     # when starts are allowed, per cluster glob
 *   - clusters: ["*-prod"]
 *     days: [mon, tue, wed, thu, fri]   # leave out for every day
 *     from: "01:00"
 *     to: "05:00"                       # "24:00" is the end of the day; before from, the next day
 *     zone: Asia/Seoul                  # or KST, UTC, any region id; leave out for Asia/Seoul
 * </pre>
 *
 * <p>Missing {@code days} means every day; an empty list is a mistake (it would never open). Times are {@code HH:MM}
 * from 00:00 to 23:59; {@code to} may also be {@code 24:00}, the end of the day the window opens on (the same as
 * {@code 00:00}, which as a {@code to} not after {@code from} closes the next midnight). {@code from} equal to
 * {@code to} is refused, except {@code 00:00} to {@code 24:00}: the whole day. A missing zone is Asia/Seoul, the
 * zone of a scheduled start's default ({@code --at … KST}); {@code KST} is Asia/Seoul.
 */
final class WindowShapes {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String END_OF_DAY = "24:00";
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Map<String, ZoneId> ZONE_NAMES = Map.of("KST", SEOUL, "UTC", ZoneId.of("UTC"));

    private WindowShapes() {
    }

    record Window(List<String> clusters, List<String> days, String from, String to, String zone) {
    }

    static List<MaintenanceWindow> windows(List<Window> raw, List<String> problems) {
        List<MaintenanceWindow> windows = new ArrayList<>();
        List<Window> list = ConfigShapes.list(raw);
        for (int i = 0; i < list.size(); i++) {
            Window w = list.get(i);
            if (w != null) {
                windows.add(window(w, "windows[" + i + "]", problems));
            }
        }
        return windows;
    }

    private static MaintenanceWindow window(Window w, String where, List<String> problems) {
        List<String> clusters = w.clusters() == null ? List.of() : w.clusters().stream().filter(c -> c != null && !c.isBlank()).toList();
        if (clusters.isEmpty()) {
            problems.add(where + ".clusters is missing or empty (globs on the cluster name: [\"*-prod\"])");
        }
        Set<DayOfWeek> days = days(w.days(), where + ".days", problems);
        int before = problems.size();
        LocalTime from = time(w.from(), false, where + ".from", problems);
        LocalTime to = time(w.to(), true, where + ".to", problems);
        if (problems.size() == before && w.from() != null && w.to() != null && from.equals(to) && !(from.equals(LocalTime.MIDNIGHT) && END_OF_DAY.equals(w.to().trim()))) {
            problems.add(where + ": from and to are both " + w.from().trim() + "; a window needs a length (00:00 to 24:00 is the whole day)");
        }
        return new MaintenanceWindow(clusters, days, from, to, zone(w.zone(), where + ".zone", problems));
    }

    private static Set<DayOfWeek> days(List<String> raw, String where, List<String> problems) {
        if (raw == null) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        if (raw.isEmpty()) {
            problems.add(where + " is empty, so the window would never open: list its days, or leave days out for every day");
            return Set.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : raw) {
            String name = d == null ? "" : d.trim().toLowerCase(Locale.ROOT);
            int index = DAY_NAMES.indexOf(name.length() > 3 ? fullName(name) : name);
            if (index < 0) {
                problems.add(where + ": '" + d + "' is not a day (" + String.join(", ", DAY_NAMES) + ")");
            } else {
                days.add(DayOfWeek.of(index + 1));
            }
        }
        return days;
    }

    /** {@code monday} → {@code mon}; anything else longer than three letters is not a day. */
    private static String fullName(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(name)) {
                return name.substring(0, 3);
            }
        }
        return name;
    }

    private static LocalTime time(String raw, boolean end, String where, List<String> problems) {
        String range = end ? "00:00-23:59, or 24:00 for the end of the day" : "00:00-23:59";
        if (raw == null || raw.isBlank()) {
            problems.add(where + " is missing (a time HH:MM, " + range + ", in quotes: \"01:00\")");
            return LocalTime.MIDNIGHT;
        }
        String text = raw.trim();
        if (end && text.equals(END_OF_DAY)) {
            return LocalTime.MIDNIGHT;
        }
        if (!TIME.matcher(text).matches()) {
            problems.add(where + ": '" + raw + "' is not a time HH:MM (" + range + ")");
            return LocalTime.MIDNIGHT;
        }
        return LocalTime.parse(text);
    }

    private static ZoneId zone(String raw, String where, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return SEOUL;
        }
        String text = raw.trim();
        ZoneId named = ZONE_NAMES.get(text.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            String hint = DidYouMean.closest(text, ZoneId.getAvailableZoneIds()).map(z -> " — did you mean '" + z + "'?")
                    .orElse(" (KST, UTC, or a region id like Asia/Seoul)");
            problems.add(where + ": '" + raw + "' is not a time zone" + hint);
            return SEOUL;
        }
    }
}
