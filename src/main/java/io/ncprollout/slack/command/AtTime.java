package io.ncprollout.slack.command;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The time typed after {@code --at}: a local date and time, and the zone when one was given ({@code KST} or
 * {@code UTC}); without one, the requester's Slack time zone applies (resolved later, off the ack).
 *
 * <p>Accepted, quoted or not (Slack may turn straight quotes into curly ones): {@code "2026-12-05 02:00"},
 * {@code "2026-12-05 02:00" KST}, {@code "2026-12-05 02:00 UTC"}, {@code 2026-12-05 02:00}, {@code 2026-12-05T02:00}.
 *
 * @param local the date and time as written
 * @param zone  the zone written after it, if any
 */
public record AtTime(LocalDateTime local, Optional<ZoneId> zone) {
    public AtTime {
        Objects.requireNonNull(local, "local == null");
        Objects.requireNonNull(zone, "zone == null");
    }

    /**
     * Reads the time from {@code tokens} starting at {@code start} (the words after {@code --at}).
     *
     * @return the time and how many tokens it took
     * @throws UsageException naming what was typed and the shape to type
     */
    static Read read(String[] tokens, int start) {
        int i = start;
        if (i >= tokens.length || tokens[i].startsWith("--")) {
            throw new UsageException(UsageException.part("usage.atMissing"));
        }
        String first = unquote(tokens[i++]);
        LocalDateTime local;
        try {
            if (first.contains("T")) {
                local = LocalDateTime.parse(first);
            } else {
                if (i >= tokens.length) {
                    throw new UsageException(UsageException.part("usage.notATime", clip(first)));
                }
                String second = unquote(tokens[i++]);
                local = LocalDateTime.of(LocalDate.parse(first), LocalTime.parse(second));
            }
        } catch (DateTimeParseException e) {
            throw new UsageException(UsageException.part("usage.notATime", clip(String.join(" ", java.util.Arrays.copyOfRange(tokens, start, i)))));
        }
        Optional<ZoneId> zone = Optional.empty();
        if (i < tokens.length && looksLikeAZone(unquote(tokens[i]))) {
            zone = Optional.of(zone(unquote(tokens[i++])));
        }
        return new Read(new AtTime(local, zone), i - start);
    }

    /** KST, UTC, or an IANA region such as Asia/Seoul; an abbreviation other than those two is refused, not guessed. */
    private static ZoneId zone(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.equals("KST")) {
            return ZoneId.of("Asia/Seoul");
        }
        if (upper.equals("UTC")) {
            return ZoneId.of("UTC");
        }
        if (word.contains("/")) {
            try {
                return ZoneId.of(word);
            } catch (java.time.DateTimeException e) {
                // said below
            }
        }
        throw new UsageException(UsageException.part("usage.notAZone", clip(word)));
    }

    /** A word typed where a zone goes: all letters written in capitals (PST), utc/kst, or a region with a slash. */
    private static boolean looksLikeAZone(String word) {
        return word.matches("[A-Z]{2,5}") || word.equalsIgnoreCase("kst") || word.equalsIgnoreCase("utc") || word.matches("[A-Za-z_]+/[A-Za-z_/+-]+");
    }

    /**
     * A time read and the number of tokens it took.
     *
     * @param at   the time
     * @param used tokens consumed after {@code --at}
     */
    record Read(AtTime at, int used) {
    }

    private static String unquote(String token) {
        return token.replaceAll("[\"“”'‘’]", "");
    }

    private static String clip(String text) {
        String safe = text.replace("`", "'");
        return safe.length() <= 40 ? safe : safe.substring(0, 40) + "…";
    }
}
