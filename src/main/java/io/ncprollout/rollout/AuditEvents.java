package io.ncprollout.rollout;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.tracking.Rollout;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Pure: the audit records the bot writes of its own decisions. */
final class AuditEvents {
    private AuditEvents() {
    }

    /** How {@code rollout} ended, recorded under its requester, with its duration and reason. */
    static AuditEvent outcome(Rollout rollout, Instant now, AuditWording wording) {
        return new AuditEvent(now, rollout.request().requester(), "outcome", Optional.of(rollout.request().cluster()),
                rollout.state().name().toLowerCase(Locale.ROOT),
                wording.ended(rollout, rollout.elapsed(now)));
    }
}
