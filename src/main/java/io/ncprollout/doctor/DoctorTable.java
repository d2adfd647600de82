package io.ncprollout.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure: renders check results as a plain-text table (CHECK, STATUS, DETAIL, FIX) that fits {@value #WIDTH} columns:
 * CHECK and STATUS are as wide as their widest cell, DETAIL and FIX share the rest and wrap at spaces (a word longer
 * than its column is cut), and a line break in a cell starts a new line in it.
 */
public final class DoctorTable {
    /** A terminal of 100 columns shows every line whole. */
    static final int WIDTH = 100;
    private static final String[] HEADER = {"CHECK", "STATUS", "DETAIL", "FIX"};
    private static final int GAP = 2;

    private DoctorTable() {
    }

    public static String render(List<CheckResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CheckResult r : results) {
            rows.add(new String[] {r.check().strip(), r.status().name(), r.detail().strip(), r.fix().strip()});
        }
        int check = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + GAP;
        int status = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0) + GAP;
        int rest = WIDTH - check - status;
        int fixNeeded = rows.stream().mapToInt(r -> longestLine(r[3])).max().orElse(0);
        // DETAIL takes 60% of the rest unless FIX needs less; FIX never gets fewer than 20 columns
        int fix = Math.max(Math.min(fixNeeded, rest * 2 / 5), Math.min(20, fixNeeded));
        int detail = rest - fix - GAP;
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            List<String> details = wrap(row[2], detail);
            List<String> fixes = wrap(row[3], fix);
            int height = Math.max(1, Math.max(details.size(), fixes.size()));
            for (int i = 0; i < height; i++) {
                String line = pad(i == 0 ? row[0] : "", check) + pad(i == 0 ? row[1] : "", status)
                        + pad(i < details.size() ? details.get(i) : "", detail + GAP) + (i < fixes.size() ? fixes.get(i) : "");
                out.append(line.stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }

    /** True when no result is FAIL: {@code doctor} then exits 0. */
    public static boolean healthy(List<CheckResult> results) {
        return results.stream().noneMatch(r -> r.status() == CheckResult.Status.FAIL);
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces and at its own line breaks. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                while (word.length() > width) {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lines.add(word.substring(0, width));
                    word = word.substring(width);
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static int longestLine(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
