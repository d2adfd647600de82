package io.ncprollout.slack.command;

import io.ncprollout.rollout.cluster.Product;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A slash command as typed, checked for shape but not yet resolved against NCP.
 *
 * @param service the service of the command ({@code /kafka} or {@code /opensearch})
 * @param action  {@code list}, {@code status}, {@code restart}, {@code upgrade}, {@code restart-cmak} or {@code help}
 * @param cluster the cluster name or number, for actions on one cluster
 * @param version the version name or code given with {@code upgrade}
 * @param region  the {@code --region} option, upper case
 * @param reason  the free text after the cluster, for {@code freeze}
 * @param wave    {@code --wave}, for fleets
 * @param pause   {@code --pause}, for fleets
 * @param configGroup {@code --config-group}, for Kafka upgrades of a fleet
 * @param at      {@code --at}: start at that time rather than now
 * @param scheduleId the run named by {@code schedule cancel <id>}; empty for {@code schedule} alone (the list)
 */
public record CommandLine(Product product, String action, Optional<String> cluster, Optional<String> version, Optional<String> region,
        Optional<String> reason, Optional<Integer> wave, Optional<Duration> pause, Optional<String> configGroup, Optional<AtTime> at,
        Optional<String> scheduleId) {
    public CommandLine(Product product, String action, Optional<String> cluster, Optional<String> version, Optional<String> region,
            Optional<String> reason) {
        this(product, action, cluster, version, region, reason, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** True when {@code --wave} or {@code --pause} was given: the command is about a fleet, even of one cluster. */
    public boolean fleetOptions() {
        return wave.isPresent() || pause.isPresent() || configGroup.isPresent();
    }

    public CommandLine {
        Objects.requireNonNull(wave, "wave == null");
        Objects.requireNonNull(pause, "pause == null");
        Objects.requireNonNull(configGroup, "configGroup == null");
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(product, "product == null");
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(scheduleId, "scheduleId == null");
    }
}
