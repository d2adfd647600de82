package io.ncprollout.rollout.outbox;

import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says the notices of the {@link Outbox}, in order, and marks each one said right after the chat accepted it. After
 * a crash the next process finds the unsent ones and says them once. A notice the chat cannot take now (rate limit,
 * network) waits, with the rollout's later notices behind it; one it can never take (channel archived) is dropped
 * and logged; after {@link #MAX_ATTEMPTS} failed tries it is dropped too.
 *
 * <p>One sender per process at a time ({@link #sendDue()} is synchronised); between processes the outbox holds each
 * entry for one sender.
 */
public final class OutboxSender {
    /** About two hours of retries at the longest back-off. */
    static final int MAX_ATTEMPTS = 120;
    /** Long enough for a batch at Slack's pace (each entry is up to three calls); a dead sender's entries wait it out. */
    static final Duration HOLD = Duration.ofMinutes(2);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final RolloutStore store;
    private final ProgressNotifier notifier;
    private final String sender;
    private final Clock clock;

    public OutboxSender(Outbox outbox, RolloutStore store, ProgressNotifier notifier, String sender, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox == null");
        this.store = Objects.requireNonNull(store, "store == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.sender = Objects.requireNonNull(sender, "sender == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Says every notice due now, oldest first. Never throws: a store that cannot be reached is logged and the
     * notices wait for the next call.
     *
     * @return how many were said
     */
    public synchronized int sendDue() {
        Instant now = clock.instant();
        List<OutboxEntry> due;
        try {
            due = outbox.takeDue(sender, now, HOLD, BATCH);
        } catch (RuntimeException e) {
            log.error("cannot read the outbox; its notices wait: {}", e.toString());
            return 0;
        }
        Set<String> waiting = new HashSet<>();
        int said = 0;
        for (OutboxEntry entry : due) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the rest stays in the outbox for the next process
            }
            if (waiting.contains(entry.rolloutId())) {
                continue; // an earlier notice of this rollout waits: keep the thread's order
            }
            try {
                if (send(entry, now)) {
                    said++;
                } else {
                    waiting.add(entry.rolloutId());
                }
            } catch (RuntimeException e) {
                log.error("rollout {}: outbox entry {} ({}) failed; it is tried again", entry.rolloutId(), entry.seq(), entry.notice(), e);
                waiting.add(entry.rolloutId());
            }
        }
        return said;
    }

    /** True when the entry is done (said or dropped); false when it waits. */
    private boolean send(OutboxEntry entry, Instant now) {
        Optional<TrackedRollout> tracked = store.find(entry.rolloutId());
        if (tracked.isEmpty()) {
            outbox.done(entry.seq(), now, "the rollout no longer exists");
            return true;
        }
        ProgressNotifier.Delivery delivery = notifier.deliver(tracked.get().rollout(), tracked.get().thread(), entry.notice(), now);
        switch (delivery.outcome()) {
            case DELIVERED -> {
                outbox.done(entry.seq(), clock.instant(), "");
                return true;
            }
            case DROPPED -> {
                log.error("rollout {}: {} cannot be said: {}", entry.rolloutId(), entry.notice(), delivery.detail());
                outbox.done(entry.seq(), clock.instant(), delivery.detail());
                return true;
            }
            default -> {
                if (entry.attempts() + 1 >= MAX_ATTEMPTS) {
                    log.error("rollout {}: {} not said after {} attempts, given up: {}", entry.rolloutId(), entry.notice(),
                            MAX_ATTEMPTS, delivery.detail());
                    outbox.done(entry.seq(), clock.instant(), "gave up: " + delivery.detail());
                    return true;
                }
                outbox.retryAt(entry.seq(), now.plus(backOff(entry.attempts(), delivery.retryAfter())), delivery.detail());
                return false;
            }
        }
    }

    /** The wait before the next try: what the chat asked for, else 1 s doubling up to a minute. */
    static Duration backOff(int attempts, Duration asked) {
        if (asked.compareTo(Duration.ZERO) > 0) {
            return asked;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 6));
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
    }
}
