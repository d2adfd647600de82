package io.ncprollout.rollout.outbox;

import io.ncprollout.rollout.tracking.RolloutStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port to the notices waiting to be said: written by {@link RolloutStore#commit} in the transaction of the change
 * that decided them, read and marked here by {@link OutboxSender}. A notice is marked sent right after the chat
 * accepted it, so after a crash the unsent ones go out once (a crash in the instant between the two repeats one).
 *
 * <p>Several replicas may send: {@link #takeDue} hands each entry to one sender at a time, for {@code holdFor}.
 */
public interface Outbox {

    /**
     * Takes up to {@code limit} entries due at {@code now} (never sent, next attempt reached, not held by another
     * sender), oldest first, and holds them for {@code sender} until {@code now + holdFor}.
     */
    List<OutboxEntry> takeDue(String sender, Instant now, Duration holdFor, int limit);

    /** The entry was said (or can never be said, with {@code failure} logged): it is done. */
    void done(long seq, Instant at, String failure);

    /** Sending failed for now: try again at {@code at}, counting one more attempt. */
    void retryAt(long seq, Instant at, String failure);

    /** Entries not yet sent. */
    int pending();
}
