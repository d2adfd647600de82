package io.ncprollout.rollout.audit;

import io.ncprollout.rollout.tracking.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the bot keeps what it records ({@code AUDIT_RETENTION}, default 400 days), and the daily purge of what is
 * older: audit events, finished operations, decided approvals, used request keys and ended scheduled runs. Unfinished operations and
 * pending approvals are never purged, whatever their age.
 *
 * <pre>
 * runIfDue() at now:   never ran, or now - lastRun &gt;= every  → purge everything that ended before now - keep
 *                      otherwise                            → nothing
 * </pre>
 *
 * The scheduler calls {@link #runIfDue} every few seconds; the decision of whether to purge is {@link #due}, pure.
 * With several replicas each purges once a day; deleting what is already gone is harmless.
 */
public final class Retention {
    /** How often the purge runs. */
    public static final Duration EVERY = Duration.ofDays(1);

    /** Port: deletes what ended before a moment. Implemented in {@code store}. */
    public interface Purger {
        /**
         * Deletes audit events that occurred, operations that ended, approvals that were decided and request keys
         * that were used before {@code cutoff}.
         *
         * @throws StoreUnavailableException when the store cannot be reached
         */
        Purged purgeBefore(Instant cutoff);
    }

    /**
     * What one purge deleted.
     *
     * @param auditEvents audit events
     * @param rollouts    finished operations
     * @param approvals   decided (approved, rejected, expired) approvals
     * @param requestKeys request keys
     * @param scheduledRuns scheduled runs that ended (started, refused, missed or cancelled)
     */
    public record Purged(int auditEvents, int rollouts, int approvals, int requestKeys, int scheduledRuns) {
        public Purged(int auditEvents, int rollouts, int approvals, int requestKeys) {
            this(auditEvents, rollouts, approvals, requestKeys, 0);
        }

        public int total() {
            return auditEvents + rollouts + approvals + requestKeys + scheduledRuns;
        }
    }

    private final Duration keep;
    private final Purger purger;
    private final Clock clock;
    private Optional<Instant> lastRun = Optional.empty();

    /** @throws IllegalArgumentException when {@code keep} is not positive */
    public Retention(Duration keep, Purger purger, Clock clock) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("keep must be positive: " + keep);
        }
        this.keep = keep;
        this.purger = Objects.requireNonNull(purger, "purger == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Pure: is a purge due at {@code now}, given when the last one ran? */
    static boolean due(Optional<Instant> lastRun, Instant now) {
        return lastRun.map(last -> !now.isBefore(last.plus(EVERY))).orElse(true);
    }

    /**
     * Purges what ended more than {@code keep} ago, if a purge is due.
     *
     * @return what was deleted, or empty when no purge was due
     * @throws StoreUnavailableException when the store cannot be reached (the next call tries again)
     */
    public synchronized Optional<Purged> runIfDue() {
        Instant now = clock.instant();
        if (!due(lastRun, now)) {
            return Optional.empty();
        }
        Purged purged = purger.purgeBefore(now.minus(keep));
        lastRun = Optional.of(now);
        return Optional.of(purged);
    }

    public Duration keep() {
        return keep;
    }
}
