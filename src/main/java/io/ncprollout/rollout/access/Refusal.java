package io.ncprollout.rollout.access;

import io.ncprollout.rollout.AuditWording;
import io.ncprollout.rollout.operation.OperationKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a request was not done, as data: who may not do what, which freeze is in the way, what became of an approval,
 * why a start stopped before NCP. The Slack side words it in the reader's language; the audit trail keeps its English
 * words ({@link AuditWording}).
 */
public sealed interface Refusal {
    /** No permissions are configured for real NCP clusters: the bot only reads. */
    record ReadOnly() implements Refusal {
    }

    /**
     * No permission rule lets the user start {@code kind} on the cluster from this channel.
     *
     * @param kind    the operation asked for
     * @param cluster the cluster's name
     */
    record NotGranted(OperationKind kind, String cluster) implements Refusal {
        public NotGranted {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(cluster, "cluster == null");
        }
    }

    /** The read rule does not name the user. */
    record NotAReader() implements Refusal {
    }

    /** The read rule does not cover the channel. */
    record ChannelNotRead() implements Refusal {
    }

    /** Only the admins may freeze, unfreeze and abandon. */
    record NotAnAdmin() implements Refusal {
    }

    /**
     * A freeze is in the way of every start.
     *
     * @param cluster  the cluster's name when the freeze is on that cluster; empty when all clusters are frozen
     * @param frozenBy the admin's user id
     * @param since    when it was frozen
     * @param reason   the admin's reason
     */
    record Frozen(Optional<String> cluster, String frozenBy, Instant since, String reason) implements Refusal {
        public Frozen {
            Objects.requireNonNull(cluster, "cluster == null");
            Objects.requireNonNull(frozenBy, "frozenBy == null");
            Objects.requireNonNull(since, "since == null");
            Objects.requireNonNull(reason, "reason == null");
        }
    }

    /** No approval request has that id. */
    record UnknownRequest() implements Refusal {
    }

    /** @param status what the request already became */
    record AlreadyDecided(PendingApproval.Status status) implements Refusal {
        public AlreadyDecided {
            Objects.requireNonNull(status, "status == null");
        }
    }

    /** The approval request expired. */
    record RequestExpired() implements Refusal {
    }

    /** A requester may not approve their own request. */
    record OwnRequest() implements Refusal {
    }

    /** Only the approvers of the cluster may approve. */
    record NotAnApprover() implements Refusal {
    }

    /** Only the requester or the approvers may reject. */
    record NotRequesterNorApprover() implements Refusal {
    }

    /** Someone else decided the request a moment before. */
    record DecidedMeanwhile() implements Refusal {
    }

    /** The same form was submitted before: nothing new starts. */
    record FormAlreadySubmitted() implements Refusal {
    }

    /** The same approval already started its operation once. */
    record AlreadyApproved() implements Refusal {
    }

    /** The bot's store cannot be reached, so nothing started. */
    record StoreUnavailable() implements Refusal {
    }

    /** @param cluster the cluster's name, whose claim was abandoned or taken over while it was being started */
    record ClaimLost(String cluster) implements Refusal {
        public ClaimLost {
            Objects.requireNonNull(cluster, "cluster == null");
        }
    }

    /** @param message what NCP's precheck says now (the cluster changed since the form opened) */
    record PrecheckFailed(String message) implements Refusal {
        public PrecheckFailed {
            Objects.requireNonNull(message, "message == null");
        }
    }

    /**
     * The data-level health gate does not pass (or could not look), and no admin asked to start anyway.
     *
     * @param cluster the cluster's name
     * @param report  what the gate said
     */
    record GateFailed(String cluster, io.ncprollout.rollout.health.GateReport report) implements Refusal {
        public GateFailed {
            Objects.requireNonNull(cluster, "cluster == null");
            Objects.requireNonNull(report, "report == null");
        }
    }

    /** @param error why the precheck could not be run again */
    record PrecheckNotRun(String error) implements Refusal {
        public PrecheckNotRun {
            Objects.requireNonNull(error, "error == null");
        }
    }

    /**
     * The chat refused to post in the channel, so nothing started.
     *
     * @param channel the channel id
     * @param error   the chat's error code, such as {@code not_in_channel}
     */
    record ChannelUnavailable(String channel, String error) implements Refusal {
        public ChannelUnavailable {
            Objects.requireNonNull(channel, "channel == null");
            Objects.requireNonNull(error, "error == null");
        }
    }

    /**
     * A time asked with {@code --at} that cannot be scheduled: in the past, or further ahead than
     * {@link io.ncprollout.rollout.schedule.ScheduledTime#MAX_AHEAD}.
     *
     * @param when   the time asked
     * @param timing why not
     */
    record BadTime(io.ncprollout.rollout.schedule.ScheduledTime when, io.ncprollout.rollout.schedule.ScheduledTime.Timing timing)
            implements Refusal {
        public BadTime {
            Objects.requireNonNull(when, "when == null");
            Objects.requireNonNull(timing, "timing == null");
        }
    }

    /**
     * A time asked with {@code --at} outside the maintenance windows that govern the cluster.
     *
     * @param cluster the cluster's name
     * @param when    the time asked
     * @param next    the next opening of a window after now, when there is one within a week
     */
    record OutsideWindow(String cluster, io.ncprollout.rollout.schedule.ScheduledTime when, Optional<io.ncprollout.rollout.schedule.Opening> next)
            implements Refusal {
        public OutsideWindow {
            Objects.requireNonNull(cluster, "cluster == null");
            Objects.requireNonNull(when, "when == null");
            Objects.requireNonNull(next, "next == null");
        }
    }

    /** No scheduled run has this id (a mistyped id, or one purged long after it ended). */
    record UnknownSchedule() implements Refusal {
    }

    /** Only the requester of a scheduled run, or an admin, may cancel it. */
    record NotYourSchedule() implements Refusal {
    }

    /**
     * The scheduled run can no longer be cancelled: it is starting or ended.
     *
     * @param state where it is
     */
    record ScheduleNotWaiting(io.ncprollout.rollout.schedule.ScheduledRun.State state) implements Refusal {
        public ScheduleNotWaiting {
            Objects.requireNonNull(state, "state == null");
        }
    }
}
