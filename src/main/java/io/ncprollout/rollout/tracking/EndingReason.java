package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.cluster.NodeRole;
import java.time.Duration;
import java.util.Objects;

/**
 * Why an operation ended, as data: the Slack side words it in the reader's language, and the store keeps it as a
 * code with its parameters. {@link Text} is a reason stored as a sentence by a version before the codes: it is shown
 * as it was written.
 */
public sealed interface EndingReason {
    /** The operation completed. */
    record Completed() implements EndingReason {
    }

    /**
     * A node reported a failed status (CDSS red).
     *
     * @param node   the node's name
     * @param role   its role
     * @param status the raw status NCP reported
     */
    record NodeFailed(String node, NodeRole role, String status) implements EndingReason {
        public NodeFailed {
            Objects.requireNonNull(node, "node == null");
            Objects.requireNonNull(role, "role == null");
            Objects.requireNonNull(status, "status == null");
        }
    }

    /** @param status the cluster's raw status, whose phase is an error */
    record ClusterFailed(String status) implements EndingReason {
        public ClusterFailed {
            Objects.requireNonNull(status, "status == null");
        }
    }

    /** @param quiet how long nothing changed, after a change was seen: the bot stopped watching */
    record Stalled(Duration quiet) implements EndingReason {
        public Stalled {
            Objects.requireNonNull(quiet, "quiet == null");
        }
    }

    /** @param quiet how long the cluster showed no change after NCP accepted the start: success is not confirmed */
    record NeverChanged(Duration quiet) implements EndingReason {
        public NeverChanged {
            Objects.requireNonNull(quiet, "quiet == null");
        }
    }

    /** @param sinceStart how long the cluster showed no sign of a start whose answer was lost (never sent again) */
    record AnswerLost(Duration sinceStart) implements EndingReason {
        public AnswerLost {
            Objects.requireNonNull(sinceStart, "sinceStart == null");
        }
    }

    /** @param phase how far the start got when the bot restarted: nothing was sent to NCP */
    record NotStarted(StartPhase phase) implements EndingReason {
        public NotStarted {
            Objects.requireNonNull(phase, "phase == null");
        }
    }

    /**
     * An admin told the bot to stop tracking the operation; NCP may still run it.
     *
     * @param admin  the admin's user id
     * @param reason the reason the admin typed
     */
    record Abandoned(String admin, String reason) implements EndingReason {
        public Abandoned {
            Objects.requireNonNull(admin, "admin == null");
            Objects.requireNonNull(reason, "reason == null");
        }
    }

    /** @param message what NCP said when it refused the start */
    record StartRefused(String message) implements EndingReason {
        public StartRefused {
            Objects.requireNonNull(message, "message == null");
        }
    }

    /** @param error why the start could not be sent (nothing was started) */
    record StartNotSent(String error) implements EndingReason {
        public StartNotSent {
            Objects.requireNonNull(error, "error == null");
        }
    }

    /** @param text a reason stored as a sentence by an older version, shown verbatim */
    record Text(String text) implements EndingReason {
        public Text {
            Objects.requireNonNull(text, "text == null");
        }
    }
}
