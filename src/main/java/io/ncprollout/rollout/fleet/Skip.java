package io.ncprollout.rollout.fleet;

import java.util.Objects;

/**
 * Why a cluster of a fleet is not run: data, worded by the chat adapter.
 *
 * @param why    the kind of reason
 * @param detail what NCP or the rule said (a precheck message, a freeze's reason, the holder of the cluster), verbatim;
 *               may be empty
 */
public record Skip(Why why, String detail) {
    public enum Why {
        /** NCP's precheck refused the operation. */
        PRECHECK_FAILED,
        /** The data-level health gate did not pass (or could not look); the detail names the worst partitions or shards. */
        GATE_FAILED,
        /** NCP's precheck could not be run (the API failed). */
        PRECHECK_NOT_RUN,
        /** A freeze covers the cluster. */
        FROZEN,
        /** Another operation runs on the cluster. */
        BUSY,
        /** The requester may not run this operation on the cluster. */
        NOT_ALLOWED,
        /** The cluster's messages could not be posted in the fleet's channel. */
        CHANNEL_UNAVAILABLE,
        /** Its start was tried {@link FleetSteps#MAX_ATTEMPTS} times and never reached NCP (the bot kept dying). */
        NOT_STARTED,
        /** The cluster is no longer in the region's list. */
        GONE,
        /** The version asked for is not offered to this cluster (already there or newer, or no upgrade path); the detail is its version. */
        VERSION_NOT_OFFERED,
        /**
         * The version has several Kafka config groups and none was named ({@code --config-group}), or the one named is not
         * among them; the detail lists the groups.
         */
        CONFIG_GROUP
    }

    public Skip {
        Objects.requireNonNull(why, "why == null");
        Objects.requireNonNull(detail, "detail == null");
    }
}
