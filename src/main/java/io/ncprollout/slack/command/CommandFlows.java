package io.ncprollout.slack.command;

import java.util.Objects;

/**
 * The follow-up work of each slash command, run on our executor after the ack.
 *
 * @param restart the restart modal: precheck and confirmation
 * @param upgrade the upgrade modal: versions, config groups, precheck and confirmation
 * @param status  the ephemeral status table
 * @param list    the ephemeral cluster list
 * @param cmak    the CMAK restart offer (a button with a confirm dialog)
 * @param admin   history, freeze and unfreeze
 * @param fleet   fleets: the plan of many clusters, and {@code fleets}
 * @param schedule the scheduled runs: {@code schedule} and {@code schedule cancel <id>}
 */
public record CommandFlows(RestartFlow restart, UpgradeFlow upgrade, StatusFlow status, ListFlow list, CmakFlow cmak, AdminFlow admin, FleetFlow fleet,
        ScheduleFlow schedule) {
    public CommandFlows {
        Objects.requireNonNull(restart, "restart == null");
        Objects.requireNonNull(upgrade, "upgrade == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(list, "list == null");
        Objects.requireNonNull(cmak, "cmak == null");
        Objects.requireNonNull(admin, "admin == null");
        Objects.requireNonNull(fleet, "fleet == null");
        Objects.requireNonNull(schedule, "schedule == null");
    }
}
