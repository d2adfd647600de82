package io.ncprollout.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Pure: where a one-node-at-a-time roll stands at a given instant. No clock reads, no state.
 *
 * <p>Timeline for {@code n} nodes with step {@code s}, started at {@code t0}:
 * <pre>
 *   elapsed:   [0,s)     [s,2s)    ...   [(n-1)s,ns)   &gt;= ns
 *   node 0:    CHANGING  DONE            DONE          DONE
 *   node 1:    WAITING   CHANGING        DONE          DONE
 *   node n-1:  WAITING   WAITING         CHANGING      DONE      -&gt; outcome DONE
 * </pre>
 * Faults, read for the node whose turn it is: {@link NodeFault#STUCK_ORANGE} keeps that node
 * CHANGING forever (later nodes keep WAITING, outcome RUNNING); {@link NodeFault#GOES_RED} makes it
 * FAILED at its turn (later nodes keep WAITING, outcome FAILED). Because the function is evaluated on
 * every read with the faults of that moment, clearing a stuck fault lets the roll catch up with the
 * clock as if it had never stuck.
 */
final class RollTimeline {
    /** One node's phase in the roll. */
    enum Phase { WAITING, CHANGING, DONE, FAILED }

    /** Overall outcome of the roll at the instant asked about. */
    enum Outcome {
        RUNNING, DONE, FAILED;

        boolean isTerminal() {
            return this != RUNNING;
        }
    }

    /**
     * The roll at one instant, every list in node order.
     *
     * @param turnStarted when the node's turn began; the roll start for a node still WAITING
     * @param turnEnded when a DONE node finished; otherwise the same as {@code turnStarted}
     */
    record State(List<Phase> phases, Outcome outcome, List<Instant> turnStarted, List<Instant> turnEnded) {
        State {
            phases = List.copyOf(phases);
            turnStarted = List.copyOf(turnStarted);
            turnEnded = List.copyOf(turnEnded);
        }
    }

    private RollTimeline() {
    }

    /**
     * Returns the roll over {@code hosts} at {@code now}.
     *
     * @param faultOf the fault of each host at {@code now}
     * @throws IllegalArgumentException if {@code step} is not positive or {@code hosts} is empty
     */
    static State at(Instant start, Instant now, Duration step, List<String> hosts, Function<String, NodeFault> faultOf) {
        Objects.requireNonNull(faultOf, "faultOf == null");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a roll needs at least one node");
        }
        long elapsedNanos = Math.max(0, Duration.between(start, now).toNanos());
        long turn = elapsedNanos / step.toNanos();
        List<Phase> phases = new ArrayList<>();
        List<Instant> started = new ArrayList<>();
        List<Instant> ended = new ArrayList<>();
        Outcome outcome = Outcome.DONE;
        boolean blocked = false;
        for (int i = 0; i < hosts.size(); i++) {
            Instant turnStart = start.plus(step.multipliedBy(i));
            if (blocked || turn < i) {
                phases.add(Phase.WAITING);
                started.add(start);
                ended.add(start);
                if (!blocked) {
                    outcome = Outcome.RUNNING;
                }
                continue;
            }
            started.add(turnStart);
            NodeFault fault = faultOf.apply(hosts.get(i));
            if (fault == NodeFault.GOES_RED) {
                phases.add(Phase.FAILED);
                ended.add(turnStart);
                outcome = Outcome.FAILED;
                blocked = true;
            } else if (fault == NodeFault.STUCK_ORANGE || turn == i) {
                phases.add(Phase.CHANGING);
                ended.add(turnStart);
                outcome = Outcome.RUNNING;
                blocked = true;
            } else {
                phases.add(Phase.DONE);
                ended.add(turnStart.plus(step));
            }
        }
        return new State(phases, outcome, started, ended);
    }
}
