package io.ncprollout.rollout.fleet;

import io.ncprollout.rollout.operation.OperationKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fleet runs, for whom, and at which pace.
 *
 * @param kind          the operation, the same on every cluster
 * @param targetVersion the version of an upgrade
 * @param region        the region of its clusters
 * @param pattern       what the requester typed to choose the clusters ({@code orders-*}, {@code a,b}, {@code --all})
 * @param requester     who asked (and is mentioned when it stops)
 * @param approver      who approved the plan, when a rule asked for it
 * @param reason        why, as typed
 * @param channel       where its message and the clusters' threads are
 * @param waveSize      how many clusters run at once
 * @param pause         the wait between the end of a wave and the start of the next
 * @param startAt       when its first wave may start ({@code --at}); empty: as soon as it is launched (or approved)
 */
public record FleetSpec(OperationKind kind, Optional<String> targetVersion, String region, String pattern, String requester, Optional<String> approver,
        String reason, String channel, int waveSize, Duration pause, Optional<io.ncprollout.rollout.schedule.ScheduledTime> startAt) {

    /** A fleet that starts as soon as it is launched (or approved). */
    public FleetSpec(OperationKind kind, Optional<String> targetVersion, String region, String pattern, String requester, Optional<String> approver,
            String reason, String channel, int waveSize, Duration pause) {
        this(kind, targetVersion, region, pattern, requester, approver, reason, channel, waveSize, pause, Optional.empty());
    }

    /** This fleet, its first wave held until {@code when}. */
    public FleetSpec startingAt(Optional<io.ncprollout.rollout.schedule.ScheduledTime> when) {
        return new FleetSpec(kind, targetVersion, region, pattern, requester, approver, reason, channel, waveSize, pause, when);
    }
    /** More clusters than this in one fleet are refused: one plan a human can read and confirm. */
    public static final int MAX_CLUSTERS = 50;
    public static final int MAX_WAVE = 10;
    public static final Duration MAX_PAUSE = Duration.ofHours(6);

    public FleetSpec {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(targetVersion, "targetVersion == null");
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(pattern, "pattern == null");
        Objects.requireNonNull(requester, "requester == null");
        Objects.requireNonNull(approver, "approver == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(pause, "pause == null");
        Objects.requireNonNull(startAt, "startAt == null");
        if (waveSize < 1 || waveSize > MAX_WAVE) {
            throw new IllegalArgumentException("waveSize must be 1.." + MAX_WAVE + ": " + waveSize);
        }
        if (pause.isNegative() || pause.compareTo(MAX_PAUSE) > 0) {
            throw new IllegalArgumentException("pause must be 0.." + MAX_PAUSE + ": " + pause);
        }
    }
}
