package io.ncprollout.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading single environment values, recording a problem instead of throwing so that all are reported at once. */
final class EnvValues {
    private EnvValues() {
    }

    static Optional<String> nonBlank(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static int port(Map<String, String> env, String name, int fallback, List<String> problems) {
        Optional<String> text = nonBlank(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + "='" + text.get() + "' is not a port number (1-65535)");
        return fallback;
    }

    static Duration duration(Map<String, String> env, String name, Duration fallback, List<String> problems) {
        Optional<String> text = nonBlank(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return DurationText.parse(text.get());
        } catch (IllegalArgumentException e) {
            problems.add(name + ": " + e.getMessage());
            return fallback;
        }
    }
}
