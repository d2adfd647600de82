package io.ncprollout.rollout.fleet;

import io.ncprollout.rollout.tracking.RolloutState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pure steps of a fleet. Each returns the next fleet (with the events its thread must say) or nothing when the
 * step does not apply; the runner stores the result before it acts on it.
 *
 * <ul>
 *   <li>A wave starts when the fleet runs, no cluster of it is starting or running (the previous wave ended), and the
 *   pause since the end of the last wave elapsed: the next {@code waveSize} waiting clusters are marked STARTING with
 *   their rollout ids in one write, then started one by one.</li>
 *   <li>A cluster whose operation ends in any state but COMPLETED stops the fleet: nothing new starts, the running
 *   ones are followed to their end, then it is STOPPED. A freeze met at a start stops it too.</li>
 *   <li>A start that never reached NCP (the bot died while starting) is tried again, up to {@link #MAX_ATTEMPTS}.</li>
 * </ul>
 */
public final class FleetSteps {
    /** Starts of one cluster that may die before reaching NCP before the fleet gives it up. */
    public static final int MAX_ATTEMPTS = 3;

    private FleetSteps() {
    }

    /** What the store knows of a member's operation. */
    public sealed interface Seen {
        /** No row: its start was never claimed, or was released before it reached NCP. */
        record Absent() implements Seen {
        }

        /** A row in {@code state}. */
        record Row(RolloutState state) implements Seen {
        }
    }

    /** What a member's start came to. */
    public sealed interface StartResult {
        /** NCP has it (or may have it: the outcome is then followed from the cluster). */
        record Started() implements StartResult {
        }

        /** It is not run, and the fleet goes on. */
        record Skipped(Skip skip) implements StartResult {
        }

        /** A freeze covers it: the fleet stops. */
        record Frozen(String detail) implements StartResult {
        }

        /** It could not be started now (the store, a lost claim): tried again later. */
        record NotSent() implements StartResult {
        }
    }

    /**
     * Takes in what the store says of the fleet's operations: those that ended, those a crashed start left STARTING
     * (found: running; absent: still to start, or not started when the fleet no longer runs).
     */
    public static Fleet refresh(Fleet fleet, Function<String, Seen> seen, Instant now) {
        Optional<Fleet> expired = expire(fleet, now);
        if (expired.isPresent()) {
            return expired.get();
        }
        List<FleetMember> members = new ArrayList<>(fleet.members());
        List<FleetEvent> events = new ArrayList<>();
        boolean runningBefore = fleet.hasRunning();
        Optional<StopCause> stop = fleet.stop();
        FleetState state = fleet.state();
        boolean changed = false;
        for (int i = 0; i < members.size(); i++) {
            FleetMember m = members.get(i);
            if ((m.status() != MemberStatus.RUNNING && m.status() != MemberStatus.STARTING) || m.rolloutId().isEmpty()) {
                continue;
            }
            Seen s = seen.apply(m.rolloutId().get());
            if (s instanceof Seen.Row row) {
                if (m.status() == MemberStatus.STARTING && row.state() != RolloutState.NOT_STARTED) { // not said for a start that never was
                    m = m.running();
                    members.set(i, m);
                    events.add(new FleetEvent(FleetEvent.Type.STARTED, i, now, ""));
                    changed = true;
                }
                if (row.state().isTerminal()) {
                    if (row.state() == RolloutState.NOT_STARTED) {
                        members.set(i, m.attempts() + 1 >= MAX_ATTEMPTS ? m.skippedNow(new Skip(Skip.Why.NOT_STARTED, "")) : m.retry());
                        if (m.attempts() + 1 >= MAX_ATTEMPTS) {
                            events.add(new FleetEvent(FleetEvent.Type.SKIPPED, i, now, ""));
                        }
                    } else {
                        members.set(i, m.ended(row.state()));
                        events.add(new FleetEvent(FleetEvent.Type.ENDED, i, now, ""));
                        if (row.state() != RolloutState.COMPLETED && stop.isEmpty()) {
                            stop = Optional.of(new StopCause(StopCause.Why.CLUSTER_ENDED, m.cluster().name(), row.state().name()));
                            state = FleetState.STOPPING;
                            events.add(new FleetEvent(FleetEvent.Type.STOPPING, i, now, ""));
                        }
                    }
                    changed = true;
                }
            } else if (m.status() == MemberStatus.STARTING && fleet.state() != FleetState.RUNNING) {
                // marked for a wave, never started, and the fleet was paused (it waits again) or stopped meanwhile
                members.set(i, fleet.state() == FleetState.PAUSED ? m.unmarked() : m.notStarted());
                changed = true;
            }
        }
        if (!changed) {
            return settle(fleet, now).orElse(fleet);
        }
        boolean runningAfter = members.stream().anyMatch(m -> m.status() == MemberStatus.STARTING || m.status() == MemberStatus.RUNNING);
        Optional<Instant> waveEnd = runningBefore && !runningAfter ? Optional.of(now) : fleet.waveEndedAt();
        Fleet next = fleet.change(members, state, stop, waveEnd, events);
        return settle(next, now).orElse(next);
    }

    /**
     * The next wave, marked STARTING with the ids its operations get, when one is due. A fleet asked for later
     * ({@link FleetSpec#startAt}) starts its first wave at that time, and ends unstarted ({@link StopCause.Why#MISSED})
     * when the time passed by more than the grace before that wave could start.
     */
    public static Optional<Fleet> nextWave(Fleet fleet, Instant now, Supplier<String> ids) {
        if (fleet.state() != FleetState.RUNNING || fleet.hasRunning()) {
            return Optional.empty();
        }
        Optional<Instant> startAt = fleet.spec().startAt().map(io.ncprollout.rollout.schedule.ScheduledTime::at);
        boolean firstWave = fleet.members().stream().noneMatch(m -> m.rolloutId().isPresent());
        if (firstWave && startAt.isPresent()) {
            if (now.isBefore(startAt.get())) {
                return Optional.empty(); // a fleet asked for later: its first wave waits for its time
            }
            if (now.isAfter(startAt.get().plus(io.ncprollout.rollout.schedule.ScheduleSteps.GRACE))) {
                return Optional.of(unstartedEnd(fleet, new StopCause(StopCause.Why.MISSED, startAt.get().toString(), ""), now));
            }
        }
        if (fleet.waveEndedAt().isPresent() && now.isBefore(fleet.waveEndedAt().get().plus(fleet.spec().pause()))) {
            return Optional.empty();
        }
        List<FleetMember> members = new ArrayList<>(fleet.members());
        int marked = 0;
        for (int i = 0; i < members.size() && marked < fleet.spec().waveSize(); i++) {
            if (members.get(i).status() == MemberStatus.WAITING) {
                members.set(i, members.get(i).starting(ids.get()));
                marked++;
            }
        }
        if (marked == 0) {
            return Optional.empty();
        }
        return Optional.of(fleet.change(members, fleet.state(), fleet.stop(), fleet.waveEndedAt(), List.of()));
    }

    /** What became of the start of member {@code index}. */
    public static Fleet started(Fleet fleet, int index, StartResult result, Instant now) {
        List<FleetMember> members = new ArrayList<>(fleet.members());
        FleetMember m = members.get(index);
        List<FleetEvent> events = new ArrayList<>();
        FleetState state = fleet.state();
        Optional<StopCause> stop = fleet.stop();
        if (result instanceof StartResult.Started) {
            members.set(index, m.running());
            events.add(new FleetEvent(FleetEvent.Type.STARTED, index, now, ""));
        } else if (result instanceof StartResult.Skipped s) {
            members.set(index, m.skippedNow(s.skip()));
            events.add(new FleetEvent(FleetEvent.Type.SKIPPED, index, now, ""));
        } else if (result instanceof StartResult.Frozen f) {
            members.set(index, m.notStarted());
            if (stop.isEmpty()) {
                stop = Optional.of(new StopCause(StopCause.Why.FROZEN, f.detail(), m.cluster().name()));
                state = FleetState.STOPPING;
                events.add(new FleetEvent(FleetEvent.Type.STOPPING, index, now, ""));
            }
        } else {
            members.set(index, m.attempts() + 1 >= MAX_ATTEMPTS ? m.skippedNow(new Skip(Skip.Why.NOT_STARTED, "")) : m.retry());
            if (m.attempts() + 1 >= MAX_ATTEMPTS) {
                events.add(new FleetEvent(FleetEvent.Type.SKIPPED, index, now, ""));
            }
        }
        boolean runningAfter = members.stream().anyMatch(x -> x.status() == MemberStatus.STARTING || x.status() == MemberStatus.RUNNING);
        Optional<Instant> waveEnd = runningAfter ? fleet.waveEndedAt() : Optional.of(now);
        Fleet next = fleet.change(members, state, stop, waveEnd, events);
        return settle(next, now).orElse(next);
    }

    /**
     * A member marked for the wave that is not started now: the fleet was paused (it waits for the wave after Resume)
     * or stopped (it is not started) before its turn came.
     */
    public static Fleet unstarted(Fleet fleet, int index, Instant now) {
        List<FleetMember> members = new ArrayList<>(fleet.members());
        members.set(index, fleet.state() == FleetState.PAUSED ? members.get(index).unmarked() : members.get(index).notStarted());
        Fleet next = fleet.change(members, fleet.state(), fleet.stop(), fleet.waveEndedAt(), List.of());
        return settle(next, now).orElse(next);
    }

    /** Approved by {@code user} (checked by the caller): it runs, and its starts carry the approver. */
    public static Optional<Fleet> approve(Fleet fleet, String user, Instant now) {
        if (fleet.state() != FleetState.AWAITING_APPROVAL || fleet.approval().isEmpty() || !now.isBefore(fleet.approval().get().deadline())) {
            return Optional.empty();
        }
        FleetApproval a = fleet.approval().get();
        Fleet approved = fleet.withApproval(new FleetApproval(a.approvers(), a.deadline(), Optional.of(user)));
        return Optional.of(approved.change(approved.members(), FleetState.RUNNING, approved.stop(), approved.waveEndedAt(),
                List.of(new FleetEvent(FleetEvent.Type.APPROVED, -1, now, user))));
    }

    /** Rejected by {@code user} (an approver, or the requester withdrawing it): nothing of it started, and it ends. */
    public static Optional<Fleet> reject(Fleet fleet, String user, Instant now) {
        if (fleet.state() != FleetState.AWAITING_APPROVAL) {
            return Optional.empty();
        }
        return Optional.of(unstartedEnd(fleet, new StopCause(StopCause.Why.REJECTED, "", user), now));
    }

    /** Nobody approved it in time: it ends, nothing started. Empty while it may still be approved. */
    public static Optional<Fleet> expire(Fleet fleet, Instant now) {
        if (fleet.state() != FleetState.AWAITING_APPROVAL || fleet.approval().isEmpty() || now.isBefore(fleet.approval().get().deadline())) {
            return Optional.empty();
        }
        return Optional.of(unstartedEnd(fleet, new StopCause(StopCause.Why.APPROVAL_EXPIRED, "", ""), now));
    }

    private static Fleet unstartedEnd(Fleet fleet, StopCause cause, Instant now) {
        List<FleetMember> members = fleet.members().stream().map(m -> m.status() == MemberStatus.SKIPPED ? m : m.notStarted()).toList();
        return fleet.change(members, FleetState.STOPPED, Optional.of(cause), fleet.waveEndedAt(), List.of(new FleetEvent(FleetEvent.Type.FINISHED, -1, now, "")));
    }

    /** Pause: the running wave finishes, nothing new starts. Only a running fleet pauses. */
    public static Optional<Fleet> pause(Fleet fleet, String user, Instant now) {
        if (fleet.state() != FleetState.RUNNING) {
            return Optional.empty();
        }
        return Optional.of(fleet.change(fleet.members(), FleetState.PAUSED, fleet.stop(), fleet.waveEndedAt(),
                List.of(new FleetEvent(FleetEvent.Type.PAUSED, -1, now, user))));
    }

    /** Resume a paused fleet: the next wave starts when the last one ended and the pause elapsed. */
    public static Optional<Fleet> resume(Fleet fleet, String user, Instant now) {
        if (fleet.state() != FleetState.PAUSED) {
            return Optional.empty();
        }
        return Optional.of(fleet.change(fleet.members(), FleetState.RUNNING, fleet.stop(), fleet.waveEndedAt(),
                List.of(new FleetEvent(FleetEvent.Type.RESUMED, -1, now, user))));
    }

    /** Stop for good: like a pause, final. The running clusters are followed to their end (NCP has no cancel). */
    public static Optional<Fleet> stop(Fleet fleet, String user, Instant now) {
        if (fleet.state() != FleetState.RUNNING && fleet.state() != FleetState.PAUSED) {
            return Optional.empty();
        }
        Fleet next = fleet.change(fleet.members(), FleetState.STOPPING, Optional.of(new StopCause(StopCause.Why.STOPPED_BY, "", user)),
                fleet.waveEndedAt(), List.of(new FleetEvent(FleetEvent.Type.STOPPING, -1, now, user)));
        return Optional.of(settle(next, now).orElse(next));
    }

    /**
     * A fleet whose message was never posted, or whose posting was cut short by a crash: nothing of it started (no
     * wave starts before the message exists), so it ends here, every cluster not started, and its ending is said to
     * the requester directly.
     */
    public static Fleet notAnnounced(Fleet fleet, String detail, Instant now) {
        return unstartedEnd(fleet, new StopCause(StopCause.Why.NOT_ANNOUNCED, detail, ""), now);
    }

    /** Ends a fleet that has nothing left to do: stopped with nothing running, or every cluster ended. */
    static Optional<Fleet> settle(Fleet fleet, Instant now) {
        if (fleet.state().isFinal() || fleet.hasRunning()) {
            return Optional.empty();
        }
        boolean waiting = fleet.count(MemberStatus.WAITING) > 0;
        if (fleet.state() == FleetState.STOPPING) {
            List<FleetMember> members = fleet.members().stream()
                    .map(m -> m.status() == MemberStatus.WAITING ? m.notStarted() : m).toList();
            return Optional.of(fleet.change(members, FleetState.STOPPED, fleet.stop(), fleet.waveEndedAt(),
                    List.of(new FleetEvent(FleetEvent.Type.FINISHED, -1, now, ""))));
        }
        if (!waiting) {
            return Optional.of(fleet.change(fleet.members(), FleetState.COMPLETED, fleet.stop(), fleet.waveEndedAt(),
                    List.of(new FleetEvent(FleetEvent.Type.FINISHED, -1, now, ""))));
        }
        return Optional.empty();
    }
}
