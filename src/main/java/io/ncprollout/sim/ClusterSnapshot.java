package io.ncprollout.sim;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An immutable view of one cluster at {@code now}, from which every response is rendered.
 *
 * @param operation the running or failed operation; null when the cluster is at rest
 * @param roll where {@code operation} stands at {@code now}; null exactly when {@code operation} is
 * @param lastUpgrade OpenSearch: the last finished upgrade, shown by the progress call afterwards
 * @param lastSnapshot OpenSearch: when the last snapshot was taken; null if never
 */
record ClusterSnapshot(ClusterSpec spec, String versionCode, int configGroupNo, @Nullable Operation operation,
                       RollTimeline.@Nullable State roll, @Nullable Operation lastUpgrade,
                       @Nullable Instant lastSnapshot, Instant createdAt, Instant now) {

    boolean busy() {
        return roll != null && roll.outcome() == RollTimeline.Outcome.RUNNING;
    }

    boolean failed() {
        return roll != null && roll.outcome() == RollTimeline.Outcome.FAILED;
    }

    /**
     * Cluster status for both services: {@code changing} while an operation runs, {@code error} after a
     * node went red (INFERRED for SES, whose documented values do not include error), else {@code running}.
     */
    String status() {
        return failed() ? "error" : busy() ? "changing" : "running";
    }

    /** Phase of broker / data node {@code index}; nodes outside the current roll are DONE (healthy). */
    RollTimeline.Phase workerPhase(int index) {
        if (operation == null || roll == null || !operation.kind().rollsWorkers()) {
            return RollTimeline.Phase.DONE;
        }
        return roll.phases().get(index);
    }

    /** Phase of the CMAK service (Kafka): changing only during a CMAK restart. */
    RollTimeline.Phase cmakPhase() {
        if (operation == null || roll == null || operation.kind().rollsWorkers()) {
            return RollTimeline.Phase.DONE;
        }
        return roll.phases().get(0);
    }
}
