package io.ncprollout.rollout;

import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.HealthGate;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.tracking.CatchUps;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.Step;
import io.ncprollout.rollout.tracking.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's look at the data after a node comes back, on a cluster with a health gate. The gate (seconds, at worst
 * its timeout) never runs on the poll thread, which must renew the leases: each poll asks for a look on
 * {@code looks} and uses the latest one finished, taken at the time it was asked for; only the poll that ends the
 * operation looks on the poll thread, once, so the final summary says where the data stood at the end. The count goes into the rollout's
 * {@link io.ncprollout.rollout.tracking.CatchUp} (stored with the poll's own commit, so a restart finds it; a look
 * lost with the process is simply asked for again), and the one {@link Notice#DATA_LAGGING} warning goes with it to the
 * outbox. Asked only while a node's entry is new or pending; a cluster without a gate costs nothing.
 */
public final class CatchUpFollower {
    private static final Logger log = LoggerFactory.getLogger(CatchUpFollower.class);

    private final HealthGate gate;
    private final Duration warnAfter;
    private final Executor looks;
    private final Map<String, Look> latest = new ConcurrentHashMap<>();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    /** A look at the data: what the gate said, and when it was asked. */
    private record Look(Instant at, GateReport report) {
    }

    /**
     * @param gate      the data-level gate
     * @param warnAfter how long a node's data may take to catch up before the one warning ({@code ROLLOUT_STALL_AFTER})
     * @param looks     where the gate runs (the bot's work pool; a test's runs it when the test says)
     */
    public CatchUpFollower(HealthGate gate, Duration warnAfter, Executor looks) {
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.warnAfter = Objects.requireNonNull(warnAfter, "warnAfter == null");
        this.looks = Objects.requireNonNull(looks, "looks == null");
    }

    /** Follows nothing: for a bot without gates. */
    public static CatchUpFollower none() {
        return new CatchUpFollower(HealthGate.none(), Duration.ofMinutes(10), Runnable::run);
    }

    /** {@code step} with the latest look at the data, when a node came back and its data is not known caught up. */
    Step follow(Step step, Instant now) {
        Rollout rollout = step.rollout();
        Tracking t = rollout.tracking();
        if (rollout.request().kind() == OperationKind.CMAK_RESTART || !CatchUps.wanted(t, rollout.request().kind().countedRole())) {
            forget(rollout.id(), t);
            return step;
        }
        Look look;
        if (t.state().isTerminal()) {
            // the last look, in the poll that ends the operation: the final summary says where the data stood at the end
            look = lookNow(rollout, now);
        } else {
            ask(rollout, now);
            look = latest.get(rollout.id());
        }
        forget(rollout.id(), t);
        if (look == null || look.report().verdict() == GateReport.Verdict.OFF) {
            return step;
        }
        CatchUps.Next next = CatchUps.next(t, rollout.request().kind().countedRole(), look.report().lagging(), look.at(), now, warnAfter);
        List<Notice> notices = new ArrayList<>(step.notices());
        if (next.warn()) {
            notices.add(Notice.DATA_LAGGING);
        }
        return new Step(rollout.with(t.with(next.catchUp())), notices);
    }

    /** A look on this thread, once per operation (the gate ends it within its timeout + 3 s). */
    private @org.jspecify.annotations.Nullable Look lookNow(Rollout rollout, Instant now) {
        try {
            return new Look(now, gate.check(rollout.request().cluster()));
        } catch (RuntimeException e) {
            log.warn("rollout {}: the health gate failed: {}", rollout.id(), e.getClass().getSimpleName());
            return null;
        }
    }

    /** Asks for a look unless one is under way; a gate that fails is a look that could not see, never an escape. */
    private void ask(Rollout rollout, Instant now) {
        String id = rollout.id();
        if (!asked.add(id)) {
            return;
        }
        try {
            looks.execute(() -> {
                try {
                    latest.put(id, new Look(now, gate.check(rollout.request().cluster())));
                } catch (RuntimeException e) {
                    log.warn("rollout {}: the health gate failed: {}", id, e.getClass().getSimpleName());
                } finally {
                    asked.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            asked.remove(id); // shutting down
        }
    }

    private void forget(String id, Tracking t) {
        if (t.state().isTerminal()) {
            latest.remove(id);
        }
    }
}
