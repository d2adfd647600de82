package io.ncprollout.rollout.tracking;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the tracker has already said and the state of the reads, so that each warning is said once.
 *
 * @param raised        warnings said and still standing ({@link Notice#STALL_WARNING}, {@link Notice#NO_CHANGE_YET},
 *                      {@link Notice#API_UNREACHABLE})
 * @param readFailures  failed reads in a row
 * @param lastReadError the reason of the latest failed read
 */
public record Alerts(Set<Notice> raised, int readFailures, Optional<String> lastReadError) {
    public Alerts {
        raised = raised.isEmpty() ? Set.of() : Set.copyOf(raised);
        Objects.requireNonNull(lastReadError, "lastReadError == null");
    }

    static Alerts none() {
        return new Alerts(Set.of(), 0, Optional.empty());
    }

    public boolean has(Notice notice) {
        return raised.contains(notice);
    }

    Alerts raise(Notice notice) {
        Set<Notice> next = raised.isEmpty() ? EnumSet.noneOf(Notice.class) : EnumSet.copyOf(raised);
        next.add(notice);
        return new Alerts(next, readFailures, lastReadError);
    }

    Alerts clear(Notice notice) {
        if (!raised.contains(notice)) {
            return this;
        }
        Set<Notice> next = EnumSet.copyOf(raised);
        next.remove(notice);
        return new Alerts(next, readFailures, lastReadError);
    }

    Alerts readFailed(String reason) {
        return new Alerts(raised, readFailures + 1, Optional.of(reason));
    }

    Alerts readSucceeded() {
        return new Alerts(raised, 0, Optional.empty());
    }
}
