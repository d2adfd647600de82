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
import java.util.Objects;

/**
 * The poller's look at the data after a node comes back, on a cluster with a health gate: the gate's count of what is
 * still catching up goes into the rollout's {@link io.ncprollout.rollout.tracking.CatchUp} (stored with the poll's own
 * commit, so a restart finds it), and the one {@link Notice#DATA_LAGGING} warning goes with it to the outbox. Asked
 * only while a node's entry is new or pending; a cluster without a gate costs nothing.
 */
public final class CatchUpFollower {
    private final HealthGate gate;
    private final Duration warnAfter;

    /**
     * @param gate      the data-level gate
     * @param warnAfter how long a node's data may take to catch up before the one warning ({@code ROLLOUT_STALL_AFTER})
     */
    public CatchUpFollower(HealthGate gate, Duration warnAfter) {
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.warnAfter = Objects.requireNonNull(warnAfter, "warnAfter == null");
    }

    /** Follows nothing: for a bot without gates. */
    public static CatchUpFollower none() {
        return new CatchUpFollower(HealthGate.none(), Duration.ofMinutes(10));
    }

    /** {@code step} with the data's catch-up looked at, when a node came back and its data is not known caught up. */
    Step follow(Step step, Instant now) {
        Rollout rollout = step.rollout();
        Tracking t = rollout.tracking();
        if (rollout.request().kind() == OperationKind.CMAK_RESTART || !CatchUps.wanted(t)) {
            return step;
        }
        GateReport report = gate.check(rollout.request().cluster());
        if (report.verdict() == GateReport.Verdict.OFF) {
            return step;
        }
        CatchUps.Next next = CatchUps.next(t, report.lagging(), now, warnAfter);
        List<Notice> notices = new ArrayList<>(step.notices());
        if (next.warn()) {
            notices.add(Notice.DATA_LAGGING);
        }
        return new Step(rollout.with(t.with(next.catchUp())), notices);
    }
}
