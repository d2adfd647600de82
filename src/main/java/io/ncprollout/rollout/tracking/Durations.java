package io.ncprollout.rollout.tracking;

import java.time.Duration;

/** Pure formatting of durations for people: {@code 45s}, {@code 3m 05s}, {@code 1h 02m}. */
public final class Durations {
    private Durations() {
    }

    public static String describe(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
