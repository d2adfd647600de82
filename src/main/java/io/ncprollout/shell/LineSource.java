package io.ncprollout.shell;

import java.io.BufferedReader;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Lines from the terminal or a script, after a prompt. A script's lines are echoed after the prompt (so the
 * output reads as a session) and its {@code #} comments are skipped. No terminal is assumed: plain lines from any
 * stream, {@code null} at its end.
 */
final class LineSource {
    private final BufferedReader reader;
    private final Transcript out;
    private final boolean script;

    LineSource(BufferedReader reader, Transcript out, boolean script) {
        this.reader = reader;
        this.out = out;
        this.script = script;
    }

    /**
     * The next line, trimmed.
     *
     * @param skipBlank skip blank lines (commands); a field's answer may be blank
     * @return null at the end of input
     */
    @Nullable String next(String prompt, boolean skipBlank) throws IOException {
        out.prompt(prompt);
        while (true) {
            String line = reader.readLine();
            if (line == null) {
                out.say("");
                return null;
            }
            String trimmed = line.strip();
            if ((script && trimmed.startsWith("#")) || (skipBlank && trimmed.isEmpty())) {
                if (!script) {
                    out.prompt(prompt);
                }
                continue;
            }
            if (script) {
                out.say(trimmed);
            }
            return trimmed;
        }
    }
}
