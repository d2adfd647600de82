package io.ncprollout.config;

import java.util.List;

/**
 * A configuration file that cannot be used: every problem found in it, each as {@code file:line: what is wrong}
 * (with a hint where one helps), so all of them are fixed in one go.
 */
public final class ConfigFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one line: {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }
}
