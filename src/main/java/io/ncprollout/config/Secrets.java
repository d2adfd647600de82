package io.ncprollout.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The values of the environment variables the configuration file names for secrets (the health gates' SASL and
 * OpenSearch passwords), read once at start. {@link #toString()} shows their names only, so a logged configuration
 * never carries one.
 */
public final class Secrets {
    private final Map<String, String> values;

    private Secrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Secrets of(Map<String, String> values) {
        return new Secrets(values);
    }

    public static Secrets none() {
        return new Secrets(Map.of());
    }

    /** The value of variable {@code name}, if it was set. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public String toString() {
        return "Secrets" + new TreeSet<>(values.keySet());
    }
}
