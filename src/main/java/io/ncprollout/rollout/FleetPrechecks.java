package io.ncprollout.rollout;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.Skip;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.HealthGate;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsApi;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fleet plan's check of one cluster against NCP, for {@link FleetService#plan}: what an upgrade takes it to (its own
 * version code and config group), NCP's precheck and the data-level health gate. Read-only; an NCP failure, a failed
 * precheck or a gate that does not pass skips the cluster, saying why (the gate is asked again at its wave's start).
 */
final class FleetPrechecks {
    private final OperationsApi api;
    private final HealthGate gate;

    FleetPrechecks(OperationsApi api, HealthGate gate) {
        this.api = api;
        this.gate = gate;
    }

    /** The cluster's own offer of {@code version} and, for Kafka, the config group: each cluster has its own codes. */
    FleetMember upgrade(OperationKind kind, ClusterRef cluster, int nodes, String version, Optional<String> groupName,
            Map<String, String> targets) {
        try {
            UpgradeOptions options = api.upgradeOptions(cluster);
            Optional<VersionChoice> choice = options.find(version);
            if (choice.isEmpty()) {
                return FleetMember.skipped(cluster, nodes, new Skip(Skip.Why.VERSION_NOT_OFFERED, options.current().name()));
            }
            Optional<String> groupNo = Optional.empty();
            String shown = choice.get().name();
            if (kind.needsConfigGroup()) {
                List<ConfigGroupChoice> groups = api.configGroups(cluster, choice.get().code());
                Optional<ConfigGroupChoice> group = groupName.isPresent()
                        ? groups.stream().filter(g -> g.name().equals(groupName.get())).findFirst()
                        : groups.size() == 1 ? Optional.of(groups.get(0)) : Optional.empty();
                if (group.isEmpty()) {
                    return FleetMember.skipped(cluster, nodes, new Skip(Skip.Why.CONFIG_GROUP,
                            String.join(", ", groups.stream().map(ConfigGroupChoice::name).toList())));
                }
                groupNo = Optional.of(group.get().number());
                shown = shown + " · " + group.get().name();
            }
            targets.put(cluster.number(), shown);
            FleetMember member = FleetMember.waiting(cluster, nodes).toVersion(choice.get().code(), groupNo);
            return prechecked(new OperationTarget(kind, cluster, member.targetVersion(), groupNo), member);
        } catch (OperationsException e) {
            return FleetMember.skipped(cluster, nodes, new Skip(Skip.Why.PRECHECK_NOT_RUN, Objects.toString(e.getMessage(), "")));
        }
    }

    /** {@code member} when NCP's precheck of {@code target} and the health gate pass; else skipped, with what they said. */
    FleetMember prechecked(OperationTarget target, FleetMember member) {
        try {
            Precheck precheck = api.precheck(target);
            if (!precheck.passed()) {
                return FleetMember.skipped(member.cluster(), member.nodeCount(), new Skip(Skip.Why.PRECHECK_FAILED, precheck.message()));
            }
            GateReport report = gate.check(target.cluster());
            return report.blocks() ? FleetMember.skipped(member.cluster(), member.nodeCount(), new Skip(Skip.Why.GATE_FAILED, report.subjects())) : member;
        } catch (OperationsException e) {
            return FleetMember.skipped(member.cluster(), member.nodeCount(), new Skip(Skip.Why.PRECHECK_NOT_RUN, Objects.toString(e.getMessage(), "")));
        }
    }
}
