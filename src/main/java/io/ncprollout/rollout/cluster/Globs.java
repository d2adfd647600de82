package io.ncprollout.rollout.cluster;

import java.util.List;
import java.util.Locale;

/** Pure glob matching for cluster names: {@code *} any run of characters, {@code ?} one character, case-insensitive. */
public final class Globs {
    private Globs() {
    }

    public static boolean matchesAny(List<String> globs, String name) {
        return globs.stream().anyMatch(g -> matches(g, name));
    }

    public static boolean matches(String glob, String name) {
        return match(glob.toLowerCase(Locale.ROOT), 0, name.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean match(String g, int gi, String s, int si) {
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (gi < g.length() && (g.charAt(gi) == '?' || g.charAt(gi) == s.charAt(si))) {
                gi++;
                si++;
            } else if (gi < g.length() && g.charAt(gi) == '*') {
                star = gi++;
                mark = si;
            } else if (star >= 0) {
                gi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (gi < g.length() && g.charAt(gi) == '*') {
            gi++;
        }
        return gi == g.length();
    }
}
