package io.ncprollout.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure parser of durations as operators write them: ISO-8601 ({@code PT15S}) or a number and unit ({@code 500ms}, {@code 15s}, {@code 2m}, {@code 1h}). */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private DurationText() {
    }

    /**
     * @throws IllegalArgumentException with a message that shows the accepted forms, when {@code text} is neither form
     *                                  or is not positive
     */
    public static Duration parse(String text) {
        Duration duration = parseNonNegative(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return duration;
    }

    /**
     * Like {@link #parse} but accepts zero (a latency of {@code 0ms}, a snapshot taken {@code 0s} ago).
     *
     * @throws IllegalArgumentException when {@code text} is neither form or is negative
     */
    public static Duration parseNonNegative(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: write e.g. 15s, 500ms, 2m, 1h or PT15S");
            }
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must not be negative");
        }
        return duration;
    }
}
