package io.ncprollout.rollout.operation;

import java.util.Objects;

/**
 * An engine version as the platform names it.
 *
 * @param code the version code the API takes (e.g. {@code 3903006}, {@code 2180})
 * @param name the name people read (e.g. "Kafka 3.9.0, CMAK 3.0.0.6", "OpenSearch 2.18.0"), verbatim
 */
public record VersionChoice(String code, String name) {
    public VersionChoice {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(name, "name == null");
    }
}
