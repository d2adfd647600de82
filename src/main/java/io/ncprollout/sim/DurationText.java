package io.ncprollout.sim;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as ISO-8601 ({@code PT15S}) or as a number with a unit ({@code 500ms}, {@code 15s}, {@code 2m}, {@code 1h}). */
final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationText() {
    }

    /**
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is neither form or is negative
     */
    static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative: '" + text + "'");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "invalid duration '" + text + "' (expected e.g. 500ms, 15s, 2m, 1h or ISO-8601 PT15S)", e);
        }
    }
}
