package io.ncprollout.rollout.access;

import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduledTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request waiting for a second person (the two-person rule), and what became of it.
 *
 * @param id          the approval's id (also the value of its buttons)
 * @param request     what was requested, by whom and why
 * @param channel     where the request message is
 * @param messageTs   the request message, edited when it is decided or expires
 * @param approvers   who may approve (never the requester)
 * @param requestedAt when it was asked
 * @param expiresAt   when it lapses unless decided
 * @param decision    its state and who decided it when
 * @param schedule    when the approved operation is to start ({@code --at}); empty to start it at the approval
 */
public record PendingApproval(String id, RolloutRequest request, String channel, String messageTs, AccessPolicy.Principals approvers,
        Instant requestedAt, Instant expiresAt, Decision decision, Optional<ScheduledTime> schedule) {

    /** A request to start at its approval. */
    public PendingApproval(String id, RolloutRequest request, String channel, String messageTs, AccessPolicy.Principals approvers,
            Instant requestedAt, Instant expiresAt, Decision decision) {
        this(id, request, channel, messageTs, approvers, requestedAt, expiresAt, decision, Optional.empty());
    }

    /** Where an approval stands. */
    public enum Status {
        PENDING, APPROVED, REJECTED, EXPIRED;

        public boolean isOpen() {
            return this == PENDING;
        }
    }

    /**
     * Where it stands, by whom, since when.
     *
     * @param status the state
     * @param by     who approved or rejected it
     * @param at     when
     */
    public record Decision(Status status, Optional<String> by, Optional<Instant> at) {
        public Decision {
            Objects.requireNonNull(status, "status == null");
            Objects.requireNonNull(by, "by == null");
            Objects.requireNonNull(at, "at == null");
        }

        public static Decision pending() {
            return new Decision(Status.PENDING, Optional.empty(), Optional.empty());
        }
    }

    public PendingApproval {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(messageTs, "messageTs == null");
        Objects.requireNonNull(approvers, "approvers == null");
        Objects.requireNonNull(requestedAt, "requestedAt == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(decision, "decision == null");
        Objects.requireNonNull(schedule, "schedule == null");
    }

    public PendingApproval decided(Status status, String by, Instant at) {
        return new PendingApproval(id, request, channel, messageTs, approvers, requestedAt, expiresAt,
                new Decision(status, Optional.of(by), Optional.of(at)), schedule);
    }

    public PendingApproval withMessage(String ts) {
        return new PendingApproval(id, request, channel, ts, approvers, requestedAt, expiresAt, decision, schedule);
    }

    /** This request, to start at {@code when} once approved. */
    public PendingApproval scheduledAt(ScheduledTime when) {
        return new PendingApproval(id, request, channel, messageTs, approvers, requestedAt, expiresAt, decision, Optional.of(when));
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
