package io.ncprollout.doctor;

import io.ncprollout.ncp.NcpCallEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * Pure: our clock against the NCP gateway's {@code Date} header. The gateway refuses a signature whose timestamp
 * is 5 minutes or more away from its clock, so that is FAIL; from {@link #WARN_AT} it is WARN. The header has
 * one-second resolution. Without it (no call made, or a gateway that sends none) the skew is "not measured" (WARN).
 */
public final class ClockSkewCheck {
    static final String NAME = "clock skew";
    static final Duration WARN_AT = Duration.ofSeconds(30);
    static final Duration FAIL_AT = Duration.ofMinutes(5);
    private static final String FIX = "synchronise the host clock with NTP (chrony, systemd-timesyncd)";

    private ClockSkewCheck() {
    }

    /** @param attempt the NCP call's last HTTP attempt, if a call was made */
    public static CheckResult evaluate(Optional<NcpCallEvent> attempt) {
        if (attempt.isEmpty() || attempt.get().serverDate().isEmpty()) {
            return CheckResult.warn(NAME, "not measured: " + (attempt.isEmpty() ? "no NCP call was answered"
                    : "the gateway sent no Date header"), "make sure the host clock is NTP-synchronised (NCP allows < 5 min)");
        }
        Duration skew = Duration.between(attempt.get().serverDate().get(), attempt.get().receivedAt());
        String detail = "our clock is " + Math.abs(skew.toSeconds()) + "s " + (skew.isNegative() ? "behind" : "ahead of")
                + " the NCP gateway";
        Duration abs = skew.abs();
        if (abs.compareTo(FAIL_AT) >= 0) {
            return CheckResult.fail(NAME, detail + " (NCP refuses signatures 5 min or more off)", FIX);
        }
        if (abs.compareTo(WARN_AT) >= 0) {
            return CheckResult.warn(NAME, detail, FIX);
        }
        return CheckResult.ok(NAME, detail);
    }
}
