package io.ncprollout.rollout.schedule;

import io.ncprollout.rollout.operation.RolloutRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * An operation asked for a later time, as stored. Only {@link ScheduleSteps} moves it; the store compares
 * {@code version} on every write, so of two writers (two replicas, or the runner and a Cancel button) one wins and
 * the other reads again. The request, channel, time and zone never change after it was created.
 *
 * @param id          its id
 * @param request     what starts at {@code at}: the operation and its cluster, the requester, the reason, the approver
 *                    (when the two-person rule was satisfied beforehand) and the admin's "start anyway"
 * @param channel     where it was asked, and where the reminder and the rollout are said
 * @param at          when it starts
 * @param zone        the zone the requester wrote the time in: for display only, {@code at} is the instant
 * @param createdAt   when it was asked
 * @param state       where it is
 * @param remindedAt  when the reminder was posted
 * @param reminderTs  the Slack ts of the reminder message, whose Cancel button is updated when it ends
 * @param rolloutId   the id the rollout starts under, stored with {@link State#STARTING} before the start is called
 * @param decidedBy   who cancelled it
 * @param endedAt     when it reached a final state
 * @param outcome     free text: why it did not start, or the id of the rollout it started
 * @param version     the store's compare-and-set counter
 */
public record ScheduledRun(String id, RolloutRequest request, String channel, Instant at, ZoneId zone, Instant createdAt, State state,
        Optional<Instant> remindedAt, Optional<String> reminderTs, Optional<String> rolloutId, Optional<String> decidedBy, Optional<Instant> endedAt,
        Optional<String> outcome, long version) {

    /** Where a scheduled run is. */
    public enum State {
        /** Waiting for its time; no reminder yet. */
        PENDING,
        /** Waiting for its time; the reminder was posted. */
        REMINDED,
        /**
         * Its start is under way under {@link ScheduledRun#rolloutId()}: never fired again. Whoever finds it (this
         * process or the next) settles it from the rollout store.
         */
        STARTING,
        /** Its rollout started ({@link ScheduledRun#outcome()} is the rollout id). */
        STARTED,
        /** Its start was refused (freeze, permission, precheck, a busy cluster, …): {@link ScheduledRun#outcome()} says why. */
        REFUSED,
        /** Its time passed by more than the grace while nothing could start it: not started late. */
        MISSED,
        /** Cancelled by its requester or an admin ({@link ScheduledRun#decidedBy()}). */
        CANCELLED;

        /** True once nothing more happens to it. */
        public boolean isFinal() {
            return this == STARTED || this == REFUSED || this == MISSED || this == CANCELLED;
        }

        /** True while it waits for its time (it may be cancelled, reminded of or fired). */
        public boolean isWaiting() {
            return this == PENDING || this == REMINDED;
        }
    }

    public ScheduledRun {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(zone, "zone == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(remindedAt, "remindedAt == null");
        Objects.requireNonNull(reminderTs, "reminderTs == null");
        Objects.requireNonNull(rolloutId, "rolloutId == null");
        Objects.requireNonNull(decidedBy, "decidedBy == null");
        Objects.requireNonNull(endedAt, "endedAt == null");
        Objects.requireNonNull(outcome, "outcome == null");
        if (state.isFinal() != endedAt.isPresent()) {
            throw new IllegalArgumentException("a " + state + " run " + (state.isFinal() ? "needs" : "has no") + " end time");
        }
        if ((state == State.STARTING || state == State.STARTED) && rolloutId.isEmpty()) {
            throw new IllegalArgumentException("a " + state + " run needs its rollout id");
        }
    }

    /** A run just asked for, at version 0. */
    public static ScheduledRun pending(String id, RolloutRequest request, String channel, Instant at, ZoneId zone, Instant createdAt) {
        return new ScheduledRun(id, request, channel, at, zone, createdAt, State.PENDING, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /** As stored at {@code next}. */
    public ScheduledRun atVersion(long next) {
        return new ScheduledRun(id, request, channel, at, zone, createdAt, state, remindedAt, reminderTs, rolloutId, decidedBy, endedAt, outcome, next);
    }

    /** Who asked for it. */
    public String requester() {
        return request.requester();
    }

    ScheduledRun moved(State next, Optional<Instant> nextRemindedAt, Optional<String> nextReminderTs, Optional<String> nextRolloutId,
            Optional<String> nextDecidedBy, Optional<Instant> nextEndedAt, Optional<String> nextOutcome) {
        return new ScheduledRun(id, request, channel, at, zone, createdAt, next, nextRemindedAt, nextReminderTs, nextRolloutId, nextDecidedBy,
                nextEndedAt, nextOutcome, version);
    }
}
