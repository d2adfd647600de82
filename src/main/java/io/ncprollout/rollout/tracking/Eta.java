package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.cluster.NodeRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure: when will a running operation end? From history (the durations of the last completed runs of the same
 * operation on the same cluster) when there is any; else from this run's pace, once its first node is done; else
 * nothing. Never more precise than its basis: past runs that differ by more than {@value #SPREAD_PERCENT} % give a
 * range, not a point.
 *
 * @param basis     where the estimate comes from
 * @param totalLow  the shortest total duration expected
 * @param totalHigh the longest (equal to {@code totalLow} when a point)
 * @param endsLow   the earliest expected end
 * @param endsHigh  the latest expected end (equal to {@code endsLow} when a point)
 * @param past      the past durations it is based on (empty for {@link Basis#THIS_RUN})
 * @param nodesDone the nodes done in this run when it was made ({@link Basis#THIS_RUN})
 */
public record Eta(Basis basis, Duration totalLow, Duration totalHigh, Instant endsLow, Instant endsHigh, List<Duration> past, int nodesDone) {
    /** Past runs farther apart than this (the longest over the shortest) make a range. */
    public static final int SPREAD_PERCENT = 25;
    /** How many past runs an estimate is based on. */
    public static final int PAST_RUNS = 3;

    public Eta {
        Objects.requireNonNull(basis, "basis == null");
        past = List.copyOf(past);
    }

    /** What an estimate is based on. */
    public enum Basis {
        /** The last completed runs of this operation on this cluster. */
        HISTORY,
        /** This run's pace so far: the time its done nodes took, per node, times the nodes left. */
        THIS_RUN
    }

    /** True when the estimate is a range (past runs differ, or this run's pace is not one number). */
    public boolean isRange() {
        return !totalLow.equals(totalHigh);
    }

    /** How long is left at {@code now}, at least and at most (zero once past the expected end). */
    public Duration leftLow(Instant now) {
        return positive(Duration.between(now, endsLow));
    }

    public Duration leftHigh(Instant now) {
        return positive(Duration.between(now, endsHigh));
    }

    /** The estimate for {@code r} at {@code now}, from {@code past} (newest first; only completed runs), if any can be made. */
    public static Optional<Eta> of(Rollout r, List<Duration> past, Instant now) {
        List<Duration> used = past.stream().filter(d -> !d.isNegative() && !d.isZero()).limit(PAST_RUNS).toList();
        if (!used.isEmpty()) {
            Duration low = used.stream().min(Comparator.naturalOrder()).orElseThrow();
            Duration high = used.stream().max(Comparator.naturalOrder()).orElseThrow();
            if (!spread(low, high)) {
                Duration median = median(used);
                low = median;
                high = median;
            }
            return Optional.of(new Eta(Basis.HISTORY, low, high, r.startedAt().plus(low), r.startedAt().plus(high), used, 0));
        }
        return thisRun(r);
    }

    /** The final word: how the actual duration compares with what was expected at the start. */
    public static Optional<Eta> expectedAtStart(Rollout r, List<Duration> past) {
        List<Duration> used = past.stream().filter(d -> !d.isNegative() && !d.isZero()).limit(PAST_RUNS).toList();
        return used.isEmpty() ? Optional.empty() : of(r, used, r.startedAt());
    }

    private static Optional<Eta> thisRun(Rollout r) {
        NodeRole role = r.request().kind().countedRole();
        List<NodeProgress> nodes = r.tracking().snapshot().nodes().stream().filter(n -> n.role() == role).toList();
        List<NodeProgress> done = nodes.stream().filter(n -> n.phase() == NodePhase.DONE && n.finishedAt().isPresent()).toList();
        if (done.isEmpty() || nodes.isEmpty() || done.size() >= nodes.size()) {
            return Optional.empty();
        }
        Instant firstStart = nodes.stream().flatMap(n -> n.startedAt().stream()).min(Comparator.naturalOrder()).orElse(r.startedAt());
        Instant lastDone = done.stream().map(n -> n.finishedAt().orElseThrow()).max(Comparator.naturalOrder()).orElseThrow();
        Duration perNode = Duration.between(firstStart, lastDone).dividedBy(done.size());
        Duration toGo = perNode.multipliedBy(nodes.size() - done.size());
        Duration sinceStart = Duration.between(r.startedAt(), lastDone);
        Duration total = sinceStart.plus(toGo);
        return Optional.of(new Eta(Basis.THIS_RUN, total, total, lastDone.plus(toGo), lastDone.plus(toGo), List.of(), done.size()));
    }

    private static boolean spread(Duration low, Duration high) {
        return high.minus(low).multipliedBy(100).compareTo(low.multipliedBy(SPREAD_PERCENT)) > 0;
    }

    private static Duration median(List<Duration> values) {
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * The durations of the latest completed runs of {@code r}'s operation on its cluster, newest first, from
     * {@code finished} (the store's latest finished rollouts, newest first).
     */
    public static List<Duration> pastRuns(Rollout r, List<TrackedRollout> finished) {
        List<Duration> past = new ArrayList<>();
        for (TrackedRollout t : finished) {
            Rollout other = t.rollout();
            if (!other.id().equals(r.id()) && other.state() == RolloutState.COMPLETED && other.request().kind() == r.request().kind()
                    && other.request().cluster().isSameCluster(r.request().cluster()) && other.tracking().ending().isPresent()) {
                past.add(other.elapsed(other.tracking().ending().get().at()));
                if (past.size() == PAST_RUNS) {
                    break;
                }
            }
        }
        return past;
    }
}
