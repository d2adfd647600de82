package io.ncprollout.rollout.fleet;

import io.ncprollout.rollout.tracking.ThreadRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fleet as stored: its plan and where each cluster is, what its thread still has to say, and two counters. The
 * store compares {@code version} on every write (a replica that lost the fleet writes nothing); {@code changes} counts
 * what the fleet message shows, and {@code tableShows} is the change the message was last edited to, so that saying
 * a line does not make the table stale.
 *
 * @param id          its id
 * @param spec        what it runs
 * @param members     its clusters, in the order they run
 * @param state       where it is
 * @param stop        why it stopped
 * @param thread      its message in the channel ({@link ThreadRef#pending} until posted)
 * @param createdAt   when it was confirmed
 * @param waveEndedAt when the last wave ended (the pause counts from there); empty before the first wave ends
 * @param events      what its thread says, in order
 * @param eventsSaid  how many of {@code events} were said
 * @param changes     how many changes the fleet message has to show
 * @param tableShows  the change the fleet message shows
 * @param version     the store's compare-and-set counter
 * @param approval    the two-person rule's request, when a rule covers one of its clusters
 */
public record Fleet(String id, FleetSpec spec, List<FleetMember> members, FleetState state, Optional<StopCause> stop, ThreadRef thread,
        Instant createdAt, Optional<Instant> waveEndedAt, List<FleetEvent> events, int eventsSaid, long changes, long tableShows, long version,
        Optional<FleetApproval> approval) {
    public Fleet {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(spec, "spec == null");
        members = List.copyOf(members);
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(stop, "stop == null");
        Objects.requireNonNull(thread, "thread == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(waveEndedAt, "waveEndedAt == null");
        events = List.copyOf(events);
        Objects.requireNonNull(approval, "approval == null");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a fleet has at least one cluster");
        }
    }

    /** A fleet just confirmed: nothing started, its message not yet posted. */
    public static Fleet planned(String id, FleetSpec spec, List<FleetMember> members, Instant now) {
        return new Fleet(id, spec, members, FleetState.RUNNING, Optional.empty(), ThreadRef.pending(spec.channel()), now, Optional.empty(), List.of(), 0,
                1, 0, 0, Optional.empty());
    }

    /** A fleet just confirmed that waits for an approval before anything of it starts. */
    public static Fleet awaitingApproval(String id, FleetSpec spec, List<FleetMember> members, FleetApproval approval, Instant now) {
        return new Fleet(id, spec, members, FleetState.AWAITING_APPROVAL, Optional.empty(), ThreadRef.pending(spec.channel()), now, Optional.empty(),
                List.of(new FleetEvent(FleetEvent.Type.APPROVAL_ASKED, -1, now, "")), 0, 1, 0, 0, Optional.of(approval));
    }

    public FleetMember member(int index) {
        return members.get(index);
    }

    /** How many of its clusters are (or were) run: those not skipped by the plan. */
    public long toRun() {
        return members.stream().filter(m -> m.status() != MemberStatus.SKIPPED || m.rolloutId().isPresent()).count();
    }

    public long count(MemberStatus status) {
        return members.stream().filter(m -> m.status() == status).count();
    }

    /** True while one of its clusters is starting or running. */
    public boolean hasRunning() {
        return members.stream().anyMatch(m -> m.status() == MemberStatus.STARTING || m.status() == MemberStatus.RUNNING);
    }

    /** True when its message must be edited to show the latest change. */
    public boolean tableStale() {
        return tableShows < changes;
    }

    /**
     * True once nothing more is to be done or said: it ended, its thread said every event, and its message shows the
     * end (a fleet whose message was never posted has none to edit). The runner keeps a fleet until it is settled.
     */
    public boolean settled() {
        return state.isFinal() && unsaid().isEmpty() && (thread.isPending() || !tableStale());
    }

    /** The events not yet said. */
    public List<FleetEvent> unsaid() {
        return events.subList(eventsSaid, events.size());
    }

    public Fleet withThread(ThreadRef next) {
        return new Fleet(id, spec, members, state, stop, next, createdAt, waveEndedAt, events, eventsSaid, changes, tableShows, version, approval);
    }

    /** The event at {@code eventsSaid} was said. */
    public Fleet said() {
        return new Fleet(id, spec, members, state, stop, thread, createdAt, waveEndedAt, events, eventsSaid + 1, changes, tableShows, version, approval);
    }

    /** The message now shows change {@code shown}. */
    public Fleet shown(long shown) {
        return new Fleet(id, spec, members, state, stop, thread, createdAt, waveEndedAt, events, eventsSaid, changes, Math.max(tableShows, shown), version, approval);
    }

    /** As stored at {@code next}. */
    public Fleet atVersion(long next) {
        return new Fleet(id, spec, members, state, stop, thread, createdAt, waveEndedAt, events, eventsSaid, changes, tableShows, next, approval);
    }

    Fleet withApproval(FleetApproval next) {
        return new Fleet(id, spec, members, state, stop, thread, createdAt, waveEndedAt, events, eventsSaid, changes, tableShows, version, Optional.of(next));
    }

    Fleet change(List<FleetMember> nextMembers, FleetState nextState, Optional<StopCause> nextStop, Optional<Instant> nextWaveEnd,
            List<FleetEvent> newEvents) {
        List<FleetEvent> all = new ArrayList<>(events);
        all.addAll(newEvents);
        return new Fleet(id, spec, nextMembers, nextState, nextStop, thread, createdAt, nextWaveEnd, all, eventsSaid, changes + 1, tableShows, version, approval);
    }
}
