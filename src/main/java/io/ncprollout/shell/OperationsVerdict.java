package io.ncprollout.shell;

import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetState;
import io.ncprollout.rollout.fleet.MemberStatus;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.slack.render.BundleAuditWording;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: what a script's run comes to. Exit 0 when every operation (and every fleet) started in the session completed
 * (or none was started), 1 otherwise, with one line per operation and fleet that says why.
 *
 * @param exitCode 0 or 1
 * @param lines    the summary, one line per operation
 */
record OperationsVerdict(int exitCode, List<String> lines) {
    /** The lines are plain English, as the audit trail words an ending. */
    private static final BundleAuditWording WORDS = new BundleAuditWording();

    OperationsVerdict {
        lines = List.copyOf(lines);
    }

    static OperationsVerdict of(List<Rollout> rollouts) {
        return of(rollouts, List.of());
    }

    /** Also one line per fleet; a fleet that did not complete makes the exit 1 too. */
    static OperationsVerdict of(List<Rollout> rollouts, List<Fleet> fleets) {
        OperationsVerdict operations = ofRollouts(rollouts);
        if (fleets.isEmpty()) {
            return operations;
        }
        List<String> lines = new ArrayList<>(operations.lines());
        boolean allCompleted = operations.exitCode() == 0;
        for (Fleet f : fleets) {
            String counts = java.util.Arrays.stream(MemberStatus.values()).filter(s -> f.count(s) > 0)
                    .map(s -> f.count(s) + " " + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).collect(java.util.stream.Collectors.joining(", "));
            lines.add("Fleet " + WORDS.kind(f.spec().kind()) + " of " + f.spec().pattern() + ": " + f.state().name().toLowerCase(java.util.Locale.ROOT)
                    + f.stop().map(c -> " (" + c.why().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (c.detail().isBlank() ? "" : " " + c.detail())
                            + (c.by().isBlank() ? "" : " " + c.by()) + ")").orElse("") + ": " + counts);
            allCompleted &= f.state() == FleetState.COMPLETED;
        }
        return new OperationsVerdict(allCompleted ? 0 : 1, lines);
    }

    private static OperationsVerdict ofRollouts(List<Rollout> rollouts) {
        if (rollouts.isEmpty()) {
            return new OperationsVerdict(0, List.of("no operation was started"));
        }
        List<String> lines = new ArrayList<>();
        boolean allCompleted = true;
        for (Rollout r : rollouts) {
            String what = WORDS.kind(r.request().kind()) + " of " + r.request().cluster().name();
            if (r.state() == RolloutState.COMPLETED) {
                lines.add(what + ": completed");
                continue;
            }
            allCompleted = false;
            lines.add(r.state() == RolloutState.RUNNING ? what + ": still running when the wait ended"
                    : what + ": " + r.state().name().toLowerCase(java.util.Locale.ROOT) + r.endingReason().map(x -> " (" + WORDS.ending(x) + ")").orElse(""));
        }
        return new OperationsVerdict(allCompleted ? 0 : 1, lines);
    }
}
