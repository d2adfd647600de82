package io.ncprollout.rollout.operation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a cluster can be upgraded to: its current version and the newer ones the platform offers, oldest first.
 *
 * @param current the cluster's version now (its name may be the bare code when the platform does not list it)
 * @param newer   the versions newer than {@code current}, oldest first; empty when it is on the newest
 */
public record UpgradeOptions(VersionChoice current, List<VersionChoice> newer) {
    public UpgradeOptions {
        Objects.requireNonNull(current, "current == null");
        newer = List.copyOf(newer);
    }

    /**
     * The newer version the user named: by code, by exact name, or by a dotted number that the name contains
     * as a word ({@code 3.9.0} matches "Kafka 3.9.0, CMAK 3.0.0.6").
     */
    public Optional<VersionChoice> find(String typed) {
        for (VersionChoice v : newer) {
            if (v.code().equals(typed) || v.name().equalsIgnoreCase(typed)) {
                return Optional.of(v);
            }
        }
        String pattern = "(^|[^0-9.])" + java.util.regex.Pattern.quote(typed) + "($|[^0-9.])";
        return newer.stream().filter(v -> java.util.regex.Pattern.compile(pattern).matcher(v.name()).find()).findFirst();
    }
}
