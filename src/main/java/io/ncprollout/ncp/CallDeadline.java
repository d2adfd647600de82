package io.ncprollout.ncp;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A deadline for the NCP calls a thread makes inside {@link #within}: {@link NcpHttp} starts no retry that would
 * end after it and cuts each attempt at it, so a poll of a rollout cannot turn into a minutes-long retry chain
 * (timeouts × attempts × Retry-After) that outlives the lease it runs under.
 */
final class CallDeadline {
    private static final ThreadLocal<@Nullable Instant> DEADLINE = new ThreadLocal<>();

    private CallDeadline() {
    }

    /** Runs {@code work} with {@code deadline} in force on this thread (an outer, earlier deadline wins). */
    static <T> T within(Instant deadline, Supplier<T> work) {
        Instant outer = DEADLINE.get();
        DEADLINE.set(outer != null && outer.isBefore(deadline) ? outer : deadline);
        try {
            return work.get();
        } finally {
            DEADLINE.set(outer);
        }
    }

    /** The deadline in force on this thread, if any. */
    static Optional<Instant> current() {
        return Optional.ofNullable(DEADLINE.get());
    }
}
