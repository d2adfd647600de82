package io.ncprollout.config;

import java.util.List;

/** Configuration that cannot be used; lists every problem at once so an operator fixes them in one go. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence naming the variable and what is accepted. */
    public List<String> problems() {
        return problems;
    }
}
