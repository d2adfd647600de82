package io.ncprollout.shell;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The shell's transcript is the output, so the bot's INFO lines (audit, start-up) are held back to WARN while it
 * runs, unless {@code LOG_LEVEL} is set. Closing restores the previous level.
 */
final class QuietLogs implements AutoCloseable {
    private final @Nullable Logger root;
    private final @Nullable Level previous;

    private QuietLogs(@Nullable Logger root, @Nullable Level previous) {
        this.root = root;
        this.previous = previous;
    }

    static QuietLogs unlessSet(Map<String, String> env) {
        if (env.containsKey("LOG_LEVEL") || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new QuietLogs(null, null);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        if (previous != null && previous.isGreaterOrEqual(Level.WARN)) {
            return new QuietLogs(null, null);
        }
        root.setLevel(Level.WARN);
        return new QuietLogs(root, previous);
    }

    @Override
    public void close() {
        if (root != null) {
            root.setLevel(previous);
        }
    }
}
