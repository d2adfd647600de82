package io.ncprollout.doctor;

import java.util.List;

/**
 * Pure: renders check results as a plain-text table (CHECK, STATUS, DETAIL, FIX), columns padded to their widest
 * cell, one row per result, line breaks in a cell flattened to "; ".
 */
public final class DoctorTable {
    private static final String[] HEADER = {"CHECK", "STATUS", "DETAIL", "FIX"};

    private DoctorTable() {
    }

    public static String render(List<CheckResult> results) {
        String[][] rows = new String[results.size() + 1][];
        rows[0] = HEADER;
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            rows[i + 1] = new String[] {flat(r.check()), r.status().name(), flat(r.detail()), flat(r.fix())};
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? row[c] : pad(row[c], widths[c] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** True when no result is FAIL: {@code doctor} then exits 0. */
    public static boolean healthy(List<CheckResult> results) {
        return results.stream().noneMatch(r -> r.status() == CheckResult.Status.FAIL);
    }

    private static String flat(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
