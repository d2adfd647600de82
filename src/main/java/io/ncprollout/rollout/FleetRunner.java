package io.ncprollout.rollout;

import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetEvent;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.FleetNotifier;
import io.ncprollout.rollout.fleet.FleetSteps;
import io.ncprollout.rollout.fleet.FleetStore;
import io.ncprollout.rollout.fleet.MemberStatus;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Receipt;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Moves the fleets this replica holds, once per poll cycle, right after the rollouts were polled (so a cluster's
 * ending is seen in the same cycle). For each fleet, in order, each step stored before the next:
 *
 * <ol>
 *   <li>post its message if it has none yet (nothing starts before the fleet can be followed);</li>
 *   <li>take in its clusters' endings from the rollout store ({@link FleetSteps#refresh});</li>
 *   <li>start the clusters marked STARTING: each has its rollout id stored before the start, and is started only when
 *   no rollout with that id exists, through {@link RolloutService#start} (permission, freeze, NCP's precheck again,
 *   the cluster's claim, its own thread, one start);</li>
 *   <li>mark the next wave when one is due, and start it the same way;</li>
 *   <li>edit its message, then say its new lines in order, each marked said after the chat took it.</li>
 * </ol>
 *
 * <p>What the next process finds after a crash between two steps: a STARTING cluster whose rollout exists is running
 * (its start was claimed: the rollout journal recovers it); one whose rollout does not exist never reached NCP and is
 * started again under the same id (the claim is atomic: two replicas racing get one start); one whose rollout ended
 * NOT_STARTED is tried again, up to {@link FleetSteps#MAX_ATTEMPTS}; lines not marked said are said (a crash between
 * a line and its mark repeats that line).
 */
public final class FleetRunner implements PollCompanion {
    /** The MDC key of the fleet being moved. */
    public static final String MDC_FLEET_ID = "fleetId";
    private static final Logger log = LoggerFactory.getLogger(FleetRunner.class);
    /** One move of the fleets at a time in this process: the poll cycle, an announce, a button's wake-up. */
    private final java.util.concurrent.locks.ReentrantLock moving = new java.util.concurrent.locks.ReentrantLock();

    private final FleetStore fleets;
    private final FleetWrites writes;
    private final RolloutStore rollouts;
    private final RolloutService service;
    private final FleetNotifier notifier;
    private final Replica replica;
    private final Clock clock;
    private final Supplier<String> ids;
    private final CompanionLeases leases;

    public FleetRunner(FleetStore fleets, RolloutStore rollouts, RolloutService service, FleetNotifier notifier, Replica replica, Clock clock,
            Supplier<String> ids) {
        this.fleets = fleets;
        this.writes = new FleetWrites(fleets);
        this.rollouts = rollouts;
        this.service = service;
        this.notifier = notifier;
        this.replica = replica;
        this.clock = clock;
        this.ids = ids;
        this.leases = new CompanionLeases("fleets", new CompanionLeases.Rows(fleets::takeOver, fleets::renewLeases, fleets::releaseLeases), replica,
                clock);
    }

    /** At startup: takes back the fleets of this instance's earlier process (on the embedded store, every fleet). */
    @Override
    public void takeOver() {
        leases.takeOver();
    }

    /** One cycle over the fleets this replica holds. Never throws. */
    @Override
    public void tick(Runnable alive) {
        moving.lock();
        try {
            move(alive);
        } finally {
            moving.unlock();
        }
    }

    /** A tick now unless one is under way (a button's wake-up): a Slack handler never waits for a wave being started. */
    public void tickIfIdle() {
        if (moving.tryLock()) {
            try {
                move(NO_HEARTBEAT);
            } finally {
                moving.unlock();
            }
        }
    }

    @Override
    public void renewLeases() {
        leases.renew();
    }

    private void move(Runnable alive) {
        List<Fleet> mine;
        try {
            mine = fleets.claimLeases(replica.id(), clock.instant(), replica.leaseFor());
        } catch (RuntimeException e) {
            log.error("cannot read the fleets; they move again when the store answers: {}", e.toString());
            return;
        }
        for (Fleet fleet : mine) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_FLEET_ID, fleet.id())) {
                alive.run();
                drive(fleet);
            } catch (RuntimeException e) {
                log.error("fleet {}: step failed; tried again next cycle", fleet.id(), e);
            }
        }
    }

    /** Gives this replica's fleets up (on shutdown). */
    @Override
    public void releaseLeases() {
        leases.release();
    }

    /**
     * Posts the message of a fleet just launched, and stores where it is before anything of the fleet starts. From its
     * launch ({@link FleetService#launch} marks it with {@link Replica#startBegins} before storing it) to the end of
     * this call, the fleet is this process's: a cycle leaves it alone. A fleet found without
     * its message and not being posted here was cut short by a crash (or the chat refused it): whether Slack has the
     * message is unknown, so it is not posted again; nothing of the fleet started, so it ends and the requester is told
     * ({@link FleetSteps#notAnnounced}). A start is never sent for a fleet nobody can follow.
     */
    public FleetAnnounced announce(String fleetId) {
        moving.lock();
        try {
            return announceNow(fleetId);
        } catch (RuntimeException e) {
            log.error("fleet {}: its message could not be posted or stored ({}); a later cycle ends it unstarted", fleetId, e.toString());
            return FleetAnnounced.NOT_POSTED;
        } finally {
            replica.startEnds(fleetId); // the mark FleetService.launch set before storing the fleet
            moving.unlock();
        }
    }

    private FleetAnnounced announceNow(String fleetId) {
        Optional<Fleet> found = fleets.find(fleetId).filter(f -> f.thread().isPending() && !f.state().isFinal());
        if (found.isEmpty()) {
            return FleetAnnounced.GONE;
        }
        Optional<ThreadRef> posted = notifier.announce(found.get());
        if (posted.isEmpty()) {
            writes.update(found.get(), f -> f.thread().isPending() && !f.state().isFinal() ? FleetSteps.notAnnounced(f, "", clock.instant()) : f)
                    .ifPresent(this::say);
            return FleetAnnounced.NOT_POSTED;
        }
        Optional<Fleet> stored;
        try {
            stored = writes.update(found.get(), f -> f.thread().isPending() ? f.withThread(posted.get()) : f);
        } catch (RuntimeException e) {
            stored = Optional.empty();
            log.error("fleet {}: posted as {} but the store failed: {}", fleetId, posted.get().parentTs(), e.toString());
        }
        if (stored.filter(f -> !f.thread().isPending()).isEmpty()) {
            // posted, and where is not stored: the message says the fleet ended unstarted, as the next cycle will make it
            Fleet ended = FleetSteps.notAnnounced(found.get().withThread(posted.get()), "", clock.instant());
            notifier.showTable(ended, Map.of());
            return FleetAnnounced.NOT_POSTED;
        }
        log.info("fleet {}: its message is {} in {}", fleetId, posted.get().parentTs(), posted.get().channel());
        return FleetAnnounced.POSTED;
    }

    private void drive(Fleet start) {
        if (start.state().isFinal()) {
            say(start); // it ended, and its message or thread has yet to say so
            return;
        }
        if (start.thread().isPending()) {
            if (replica.isStarting(start.id())) {
                return; // its message is being posted here
            }
            log.warn("fleet {}: found without its message (the bot stopped while posting it); ended, nothing of it started", start.id());
            // conditional: if the write loses to the announce that stored the message meanwhile, the fresh fleet is left as it is
            writes.update(start, f -> f.thread().isPending() && !f.state().isFinal() ? FleetSteps.notAnnounced(f, "restarted", clock.instant()) : f)
                    .filter(f -> f.thread().isPending()).ifPresent(this::say);
            return;
        }
        Optional<Fleet> current = writes.update(start, x -> FleetSteps.refresh(x, this::seen, clock.instant()));
        current = current.flatMap(this::startMarked);
        if (current.isPresent()) {
            Optional<Fleet> wave = FleetSteps.nextWave(current.get(), clock.instant(), ids);
            if (wave.isPresent()) {
                current = writes.commit(wave.get()).flatMap(this::startMarked);
            }
        }
        current.ifPresent(this::say);
    }

    private FleetSteps.Seen seen(String rolloutId) {
        return rollouts.find(rolloutId).<FleetSteps.Seen>map(t -> new FleetSteps.Seen.Row(t.rollout().state()))
                .orElseGet(FleetSteps.Seen.Absent::new);
    }

    /** Starts every member marked STARTING whose rollout does not exist yet, one at a time. */
    private Optional<Fleet> startMarked(Fleet fleet) {
        Optional<Fleet> current = Optional.of(fleet);
        for (int i = 0; i < fleet.members().size() && current.isPresent(); i++) {
            Fleet now = current.get();
            FleetMember m = now.member(i);
            if (m.status() != MemberStatus.STARTING || m.rolloutId().isEmpty()) {
                continue;
            }
            int index = i;
            String rolloutId = m.rolloutId().get();
            // each step below is re-applied to the stored fleet when a write came first, and only while this member is
            // still the one marked with this id (another replica, or a Stop, may have moved it meanwhile)
            java.util.function.Predicate<Fleet> stillMarked = f -> f.member(index).status() == MemberStatus.STARTING
                    && f.member(index).rolloutId().equals(Optional.of(rolloutId));
            // read again right before the start: a Stop or Pause pressed a moment ago wins over the wave
            Fleet latest = fleets.find(now.id()).orElse(now);
            if (latest.state() != io.ncprollout.rollout.fleet.FleetState.RUNNING || !stillMarked.test(latest)) {
                current = writes.update(latest, f -> stillMarked.test(f) && f.state() != io.ncprollout.rollout.fleet.FleetState.RUNNING
                        && rollouts.find(rolloutId).isEmpty() ? FleetSteps.unstarted(f, index, clock.instant()) : f);
                continue;
            }
            Fleet ready = latest;
            FleetSteps.StartResult result;
            if (rollouts.find(rolloutId).isPresent()) {
                result = new FleetSteps.StartResult.Started(); // claimed before a crash: the rollout journal has it
            } else {
                RolloutRequest request = new RolloutRequest(new OperationTarget(ready.spec().kind(), m.cluster(), m.targetVersion(), m.configGroupNo()),
                        ready.spec().requester(), ready.spec().reason(), ready.approval().flatMap(a -> a.approvedBy()).or(() -> ready.spec().approver()));
                result = FleetStartOutcomes.resultOf(service.start(request, ready.spec().channel(), Optional.of(new Receipt(rolloutId))), rolloutId);
            }
            log.info("fleet {}: {} start: {}", ready.id(), m.cluster().name(), result);
            FleetSteps.StartResult decided = result;
            current = writes.update(ready, f -> stillMarked.test(f) ? FleetSteps.started(f, index, decided, clock.instant()) : f);
        }
        return current;
    }

    /** Edits the fleet's message if it is stale, then says its new lines in order. */
    private void say(Fleet fleet) {
        Map<String, ThreadRef> threads = threads(fleet);
        Optional<Fleet> current = Optional.of(fleet);
        if (fleet.tableStale() && !fleet.thread().isPending()) {
            long shows = fleet.changes();
            if (notifier.showTable(fleet, threads)) {
                current = writes.update(fleet, f -> f.shown(shows));
            }
        }
        while (current.isPresent() && !current.get().unsaid().isEmpty()) {
            Fleet now = current.get();
            FleetEvent event = now.unsaid().get(0);
            if (!notifier.say(now, event, threads)) {
                return; // in order: the rest waits for this one
            }
            current = writes.update(now, Fleet::said);
        }
    }

    /** Each started member's own thread, by rollout id. */
    private Map<String, ThreadRef> threads(Fleet fleet) {
        Map<String, ThreadRef> threads = new HashMap<>();
        for (FleetMember m : fleet.members()) {
            m.rolloutId().flatMap(rollouts::find).map(TrackedRollout::thread).filter(t -> !t.isPending())
                    .ifPresent(t -> threads.put(m.rolloutId().get(), t));
        }
        return threads;
    }
}
