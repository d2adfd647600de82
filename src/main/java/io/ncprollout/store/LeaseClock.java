package io.ncprollout.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Whose clock lease times are read on. On PostgreSQL several replicas share the rows, so the database's clock
 * decides when a lease ran out and no replica's clock skew can steal a live lease; the embedded store has one
 * process, whose clock (the caller's {@code now}) is as good and lets tests move time.
 */
public enum LeaseClock {
    /** The {@code now} each caller passes. */
    CALLER,
    /** The database's {@code CURRENT_TIMESTAMP} (PostgreSQL). */
    DATABASE;

    /** SQL for "now". */
    String now() {
        return this == CALLER ? "?" : "CURRENT_TIMESTAMP";
    }

    /** SQL for "now + leaseFor". */
    String until() {
        return this == CALLER ? "?" : "CURRENT_TIMESTAMP + ? * INTERVAL '1 millisecond'";
    }

    /** Binds {@link #now()} at {@code index} if it has a parameter; returns the next index. */
    int bindNow(PreparedStatement ps, int index, Instant now) throws SQLException {
        if (this == CALLER) {
            ps.setObject(index, Jdbc.timestamp(now));
            return index + 1;
        }
        return index;
    }

    /** Binds {@link #until()} at {@code index}; returns the next index. */
    int bindUntil(PreparedStatement ps, int index, Instant now, Duration leaseFor) throws SQLException {
        if (this == CALLER) {
            ps.setObject(index, Jdbc.timestamp(now.plus(leaseFor)));
        } else {
            ps.setDouble(index, leaseFor.toMillis());
        }
        return index + 1;
    }
}
