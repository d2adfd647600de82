package io.ncprollout.slack.render;

import io.ncprollout.rollout.tracking.Eta;
import io.ncprollout.rollout.tracking.Rollout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pure: the estimate in words. While an operation runs, one line: when it should end, as a Slack date token with
 * {@code {ago}} (the reader's client shows the time in their zone and how far off it is, so the message itself does not
 * change with the time it is rendered), and what the estimate is based on. Once it ended, how its duration compares
 * with what history expected at its start.
 */
final class EtaLines {
    private EtaLines() {
    }

    /** ":stopwatch: ETA 14:32 (in 12 minutes), from the last 3 runs on this cluster: 11m 02s, 12m 10s, 12m 01s"; empty without an estimate. */
    static Optional<String> running(Texts t, Rollout r, List<Duration> past) {
        if (r.state().isTerminal()) {
            return Optional.empty();
        }
        return Eta.of(r, past, r.startedAt()).map(eta -> ":stopwatch: " + switch (eta.basis()) {
            case HISTORY -> eta.isRange()
                    ? t.t("eta.history.range", when(eta.endsLow()), when(eta.endsHigh()), eta.past().size(), durations(t, eta.past()), Eta.SPREAD_PERCENT)
                    : t.t("eta.history", when(eta.endsLow()), eta.past().size(), durations(t, eta.past()));
            case THIS_RUN -> t.t("eta.thisRun", when(eta.endsLow()), eta.nodesDone());
        });
    }

    /** "Took 12m 40s; the last 3 runs took 11m 02s, 12m 10s, 12m 01s (expected 12m 01s)"; empty when it did not complete or had no history. */
    static Optional<String> ended(Texts t, Rollout r, List<Duration> past) {
        if (r.tracking().ending().isEmpty() || past.isEmpty()) {
            return Optional.empty();
        }
        Duration took = r.elapsed(r.tracking().ending().get().at());
        return Eta.expectedAtStart(r, past).map(eta -> t.t("eta.ended", Outcomes.duration(t, took), eta.past().size(), durations(t, eta.past()),
                eta.isRange() ? Outcomes.duration(t, eta.totalLow()) + "–" + Outcomes.duration(t, eta.totalHigh()) : Outcomes.duration(t, eta.totalLow())));
    }

    private static String when(Instant at) {
        return SlackText.timeAgo(at);
    }

    private static String durations(Texts t, List<Duration> past) {
        return past.stream().map(d -> Outcomes.duration(t, d)).collect(Collectors.joining(", "));
    }
}
