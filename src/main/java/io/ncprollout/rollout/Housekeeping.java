package io.ncprollout.rollout;

import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.audit.Retention;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's periodic chores, one run a call: approval requests past their time expire, and once a day the audit
 * trail and finished records older than the retention period are purged, the purge itself audited. The scheduler
 * of {@code Bot} runs it every few seconds; tests call {@link #run()} directly.
 */
public final class Housekeeping implements Runnable {
    private final ApprovalService approvals;
    private final Retention retention;
    private final Gatekeeper gatekeeper;
    private final AuditWording wording;

    /** @param wording the audit trail's words, for the purge's record */
    public Housekeeping(ApprovalService approvals, Retention retention, Gatekeeper gatekeeper, AuditWording wording) {
        this.approvals = Objects.requireNonNull(approvals, "approvals == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
        this.gatekeeper = Objects.requireNonNull(gatekeeper, "gatekeeper == null");
        this.wording = Objects.requireNonNull(wording, "wording == null");
    }

    @Override
    public void run() {
        approvals.expire();
        retention.runIfDue().filter(purged -> purged.total() > 0).ifPresent(purged -> gatekeeper.record("bot", "purge",
                Optional.empty(), "purged", wording.purged(retention.keep(), purged)));
    }
}
