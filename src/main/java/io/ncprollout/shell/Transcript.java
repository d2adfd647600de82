package io.ncprollout.shell;

import java.io.PrintStream;
import java.util.List;

/**
 * Where the shell writes: one line per call, each prefixed with the place it concerns ({@code [channel]},
 * {@code [thread demo-kafka]}, {@code [modal]}…). Lines from the poller's thread and the session's thread never
 * interleave within a call.
 */
final class Transcript {
    private final PrintStream out;

    Transcript(PrintStream out) {
        this.out = out;
    }

    /** A transcript that prints nothing: the fake Slack of tests keeps its workspace without showing it. */
    static Transcript silent() {
        return new Transcript(new PrintStream(java.io.OutputStream.nullOutputStream(), false, java.nio.charset.StandardCharsets.UTF_8));
    }

    void lines(String place, List<String> lines) {
        synchronized (out) {
            for (String line : lines) {
                out.println("[" + place + "] " + line);
            }
            out.flush();
        }
    }

    void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** A prompt: no line break, flushed. */
    void prompt(String prompt) {
        synchronized (out) {
            out.print(prompt);
            out.flush();
        }
    }
}
