package io.ncprollout.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A golden transcript of a shell run, written for people to read: the lines a run must print, in order (other lines
 * may come between them, such as progress that depends on timing), with {@code *} standing for any text (times,
 * durations); {@code ! line} for a line that must appear nowhere; {@code exit N} for the exit status; {@code #} starts
 * a comment.
 */
final class Transcripts {
    private Transcripts() {
    }

    /** What is wrong with {@code output} against {@code golden}; empty when it matches. */
    static List<String> mismatches(String golden, String output, int exitCode) {
        List<String> lines = output.lines().map(String::stripTrailing).toList();
        List<String> problems = new ArrayList<>();
        int at = 0;
        for (String raw : golden.lines().toList()) {
            String line = raw.stripTrailing();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("exit ")) {
                int expected = Integer.parseInt(line.substring(5).strip());
                if (expected != exitCode) {
                    problems.add("exit status " + exitCode + ", expected " + expected);
                }
            } else if (line.startsWith("! ")) {
                Pattern forbidden = glob("*" + line.substring(2) + "*");
                lines.stream().filter(l -> forbidden.matcher(l).matches()).findFirst()
                        .ifPresent(l -> problems.add("printed what it must not: " + l));
            } else {
                OptionalInt found = find(lines, glob(line), at);
                if (found.isEmpty()) {
                    problems.add("missing (after output line " + at + "): " + line);
                } else {
                    at = found.getAsInt() + 1;
                }
            }
        }
        return problems;
    }

    private static OptionalInt find(List<String> lines, Pattern pattern, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static Pattern glob(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }
}
