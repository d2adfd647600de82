package io.ncprollout.slack.render;

import io.ncprollout.rollout.schedule.Opening;
import io.ncprollout.rollout.schedule.ScheduledTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Pure: the times of scheduled runs as text. A scheduled time is shown in the zone it was written in and in UTC
 * ("Sat 2026-12-05 02:00 KST (Fri 2026-12-04 17:00 UTC)"), fixed text rather than a Slack date token, so that the
 * requester, the approver and the channel read the same words the requester confirmed; messages add a date token for
 * each reader's own zone where it helps.
 */
public final class ScheduleTimes {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter SHOWN_SECONDS = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

    private ScheduleTimes() {
    }

    /** "Sat 2026-12-05 02:00 KST (Fri 2026-12-04 17:00 UTC)"; only the UTC part for a time written in UTC. */
    public static String both(ScheduledTime when) {
        return both(when.at(), when.zone());
    }

    /** {@link #both(ScheduledTime)} of {@code at} written in {@code zone}. */
    public static String both(Instant at, ZoneId zone) {
        String utc = in(at, UTC);
        return zone.normalized().equals(ZoneOffset.UTC) ? utc : in(at, zone) + " (" + utc + ")";
    }

    /** "Sat 2026-12-05 02:00 KST": {@code at} in {@code zone} (with its seconds, when it was asked to the second). */
    public static String in(Instant at, ZoneId zone) {
        return (at.getEpochSecond() % 60 == 0 ? SHOWN : SHOWN_SECONDS).format(at.atZone(zone));
    }

    /** "Mon 2026-12-07 01:00 KST – 05:00": an opening of a maintenance window, in the window's zone. */
    public static String opening(Opening o) {
        String from = in(o.from(), o.zone());
        String to = o.from().atZone(o.zone()).toLocalDate().equals(o.to().atZone(o.zone()).toLocalDate())
                ? DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(o.to().atZone(o.zone()))
                : in(o.to(), o.zone());
        return from + " – " + to;
    }
}
