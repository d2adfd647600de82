package io.ncprollout.slack.render;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the upgrade modal shows at one moment: the cluster, the choices NCP offers, what the user picked so far
 * and, once the pick is complete, NCP's precheck of it.
 *
 * @param cluster         the cluster to upgrade
 * @param current         its nodes and status as last read
 * @param options         its current version and the newer ones NCP offers
 * @param selectedVersion the version picked (from the command or the select), if any
 * @param groups          the config groups of {@code selectedVersion}; always empty for OpenSearch
 * @param selectedGroup   the config group picked, if any (Kafka only)
 * @param precheck        NCP's precheck of the picked version (and group); ignored while the pick is incomplete
 * @param privateMetadata echoed by Slack on every action and on submit; at most
 *                        {@value ConfirmationViews#PRIVATE_METADATA_MAX} characters
 * @param gate            the data-level health gate's report (off when none covers the cluster, or before a precheck passed)
 * @param mayStartAnyway  the reader is an admin: a gate that does not pass offers "start anyway"
 * @param schedule        the time asked with {@code --at}, when the upgrade is to start later
 */
public record UpgradeForm(
        ClusterRef cluster,
        Observation current,
        UpgradeOptions options,
        Optional<VersionChoice> selectedVersion,
        List<ConfigGroupChoice> groups,
        Optional<ConfigGroupChoice> selectedGroup,
        Optional<Precheck> precheck,
        String privateMetadata,
        GateReport gate,
        boolean mayStartAnyway,
        Optional<ScheduleNote> schedule) {

    /** A form of an upgrade to start once confirmed. */
    public UpgradeForm(ClusterRef cluster, Observation current, UpgradeOptions options, Optional<VersionChoice> selectedVersion,
            List<ConfigGroupChoice> groups, Optional<ConfigGroupChoice> selectedGroup, Optional<Precheck> precheck, String privateMetadata,
            GateReport gate, boolean mayStartAnyway) {
        this(cluster, current, options, selectedVersion, groups, selectedGroup, precheck, privateMetadata, gate, mayStartAnyway, Optional.empty());
    }

    /** A form whose gate is off (before a precheck passed, or no gate configured). */
    public UpgradeForm(ClusterRef cluster, Observation current, UpgradeOptions options, Optional<VersionChoice> selectedVersion,
            List<ConfigGroupChoice> groups, Optional<ConfigGroupChoice> selectedGroup, Optional<Precheck> precheck, String privateMetadata) {
        this(cluster, current, options, selectedVersion, groups, selectedGroup, precheck, privateMetadata, GateReport.off(), false);
    }

    /** @throws IllegalArgumentException if {@code privateMetadata} is longer than Slack allows */
    public UpgradeForm {
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(options, "options == null");
        Objects.requireNonNull(selectedVersion, "selectedVersion == null");
        groups = List.copyOf(groups);
        Objects.requireNonNull(selectedGroup, "selectedGroup == null");
        Objects.requireNonNull(precheck, "precheck == null");
        Objects.requireNonNull(privateMetadata, "privateMetadata == null");
        Objects.requireNonNull(gate, "gate == null");
        Objects.requireNonNull(schedule, "schedule == null");
        if (privateMetadata.length() > ConfirmationViews.PRIVATE_METADATA_MAX) {
            throw new IllegalArgumentException("privateMetadata has " + privateMetadata.length() + " characters; Slack allows "
                    + ConfirmationViews.PRIVATE_METADATA_MAX);
        }
    }
}
