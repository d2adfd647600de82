package io.ncprollout.testing;

import io.ncprollout.rollout.AuditWording;
import io.ncprollout.rollout.Journal;
import io.ncprollout.rollout.outbox.OutboxSender;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.slack.render.BundleAuditWording;
import io.ncprollout.store.InMemoryRolloutStore;
import java.time.Clock;
import java.time.Duration;

/** Test fixture: the journal of one replica over an in-memory store, its outbox said by {@code notifier}. */
public final class Journals {
    public static final String REPLICA = "replica-1";
    public static final Duration LEASE = Duration.ofSeconds(20);
    /** The audit trail's words, as the bot has them. */
    public static final AuditWording WORDING = new BundleAuditWording();

    private Journals() {
    }

    public static Journal of(InMemoryRolloutStore store, ProgressNotifier notifier, Clock clock) {
        return of(REPLICA, store, notifier, clock);
    }

    public static Journal of(String replica, InMemoryRolloutStore store, ProgressNotifier notifier, Clock clock) {
        return new Journal(store, new OutboxSender(store.outbox(), store, notifier, replica, clock),
                new Replica(replica, LEASE, RolloutStore.TakeOver.ALL), WORDING);
    }
}
