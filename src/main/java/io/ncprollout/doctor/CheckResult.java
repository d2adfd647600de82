package io.ncprollout.doctor;

import java.util.Objects;

/**
 * One row of the doctor's table.
 *
 * @param check  what was checked, e.g. {@code slack token}
 * @param status OK, WARN (works, but look at it) or FAIL (the bot will not work)
 * @param detail what was found; never a secret
 * @param fix    what to do about a WARN or FAIL; empty for OK
 */
public record CheckResult(String check, Status status, String detail, String fix) {
    /** How a check went. Only {@link #FAIL} makes {@code doctor} exit 1. */
    public enum Status {
        OK, WARN, FAIL
    }

    public CheckResult {
        Objects.requireNonNull(check, "check == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(detail, "detail == null");
        Objects.requireNonNull(fix, "fix == null");
    }

    public static CheckResult ok(String check, String detail) {
        return new CheckResult(check, Status.OK, detail, "");
    }

    public static CheckResult warn(String check, String detail, String fix) {
        return new CheckResult(check, Status.WARN, detail, fix);
    }

    public static CheckResult fail(String check, String detail, String fix) {
        return new CheckResult(check, Status.FAIL, detail, fix);
    }
}
