package io.ncprollout.shell;

import io.ncprollout.config.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The shell's command line: {@code [--script FILE] [--step 3s] [--poll 1s] [--timeout 5m]}.
 *
 * @param script  the file of lines to run instead of reading the terminal
 * @param step    how long the simulator takes per node; short enough to watch a roll in a terminal
 * @param poll    how often the bot polls a running operation
 * @param timeout how long {@code wait} (and the end of a script) waits for operations to finish
 */
record ShellOptions(Optional<Path> script, Duration step, Duration poll, Duration timeout) {
    static final Duration DEFAULT_STEP = Duration.ofSeconds(3);
    static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    static final String USAGE = """
            usage: java -jar target/ncp-rollout-bot.jar [shell] [--script FILE] [--step 3s] [--poll 1s] [--timeout 5m]
              the bot in this terminal against the NCP simulator, without Slack (the default when no SLACK_* variable is set)
              --script FILE  read the lines from FILE instead of the terminal; at its end, wait until no operation runs,
                             then exit 0 if every operation completed, 1 otherwise
              --step D       time the simulator takes per node (default 3s)
              --poll D       how often the bot polls a running operation (default 1s)
              --timeout D    how long 'wait' and the end of a script wait for operations to finish (default 5m)
            """;

    /**
     * @throws IllegalArgumentException naming the bad argument
     */
    static ShellOptions parse(List<String> args) {
        Optional<Path> script = Optional.empty();
        Duration step = DEFAULT_STEP;
        Duration poll = DEFAULT_POLL;
        Duration timeout = DEFAULT_TIMEOUT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("unknown argument or missing value: '" + arg + "'");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--script" -> script = Optional.of(Path.of(value));
                case "--step" -> step = duration(arg, value);
                case "--poll" -> poll = duration(arg, value);
                case "--timeout" -> timeout = duration(arg, value);
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new ShellOptions(script, step, poll, timeout);
    }

    private static Duration duration(String name, String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }
}
