package io.ncprollout.rollout.operation;

import java.util.Objects;

/**
 * A Kafka configuration group that belongs to one Kafka version.
 *
 * @param number      the group number the upgrade takes ({@code upgradeConfigGroupNo})
 * @param name        the group's name
 * @param description its description, possibly empty
 */
public record ConfigGroupChoice(String number, String name, String description) {
    public ConfigGroupChoice {
        Objects.requireNonNull(number, "number == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(description, "description == null");
    }
}
