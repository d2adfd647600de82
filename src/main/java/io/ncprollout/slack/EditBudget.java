package io.ncprollout.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many message edits ({@code chat.update}) the bot may send per workspace: at most {@code limit} in any
 * {@code window}. Pure bookkeeping on the instants it is given; no clock, no waiting. Not thread-safe: its owner
 * ({@link SlackProgressNotifier}) holds its lock while using it.
 *
 * <pre>
 * sent at:   t1  t2 … t50                  t1 + window
 *            |---|-…-|  budget used up ------>|  one edit allowed again
 * </pre>
 * Slack rates {@code chat.update} as a Tier 3 method (about 50 a minute per workspace), so the default is 50 a minute;
 * staying under it means the bot never meets a 429 for edits and its notices are never held up behind one.
 */
public final class EditBudget {
    /** The default: 50 edits in any minute. */
    public static final int DEFAULT_PER_MINUTE = 50;

    private final int limit;
    private final Duration window;
    private final Deque<Instant> sent = new ArrayDeque<>();

    /**
     * @throws IllegalArgumentException if {@code limit < 1} or {@code window} is not positive
     */
    public EditBudget(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.limit = limit;
        this.window = window;
    }

    /** {@value #DEFAULT_PER_MINUTE} edits per minute. */
    public static EditBudget perMinuteDefault() {
        return new EditBudget(DEFAULT_PER_MINUTE, Duration.ofMinutes(1));
    }

    /** Takes one edit from the budget at {@code now}, if one is left; false means: keep the edit pending. */
    public synchronized boolean tryTake(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
            sent.removeFirst();
        }
        if (sent.size() >= limit) {
            return false;
        }
        sent.addLast(now);
        return true;
    }
}
