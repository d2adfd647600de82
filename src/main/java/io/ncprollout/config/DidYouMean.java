package io.ncprollout.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The known word a mistyped one most likely meant ({@code alias} → {@code aliases}, {@code restat} →
 * {@code restart}): the nearest by edit distance, when it is near enough to be a typo rather than another word.
 * Pure; used for configuration keys and for commands.
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The closest of {@code known} to {@code typed}, if one is within a typo's distance (or starts with it). */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.length() >= 3) {
            // a word cut short ("hist") means the word it starts, even when another is fewer edits away ("list")
            Optional<String> started = known.stream().filter(k -> k.toLowerCase(Locale.ROOT).startsWith(t) && !k.equalsIgnoreCase(typed))
                    .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
            if (started.isPresent()) {
                return started;
            }
        }
        return known.stream()
                .filter(k -> !k.equalsIgnoreCase(typed))
                .map(k -> new Candidate(k, distance(t, k.toLowerCase(Locale.ROOT))))
                .filter(c -> c.distance <= allowed(t, c.word))
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::word))
                .map(Candidate::word);
    }

    private record Candidate(String word, int distance) {
    }

    /** One edit for short words, two from five letters, a third of the length beyond. */
    private static int allowed(String typed, String word) {
        int length = Math.max(typed.length(), word.length());
        return length <= 4 ? 1 : Math.max(2, length / 3);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
