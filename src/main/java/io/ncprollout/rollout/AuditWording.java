package io.ncprollout.rollout;

import io.ncprollout.rollout.access.AccessWording;
import io.ncprollout.rollout.audit.Retention;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.Rollout;
import java.time.Duration;

/**
 * Port: the words of the audit trail for what the domain returns as data (a refusal, what became of a start, an
 * ending's reason, the requester of a request). The trail is one record
 * for everyone and is also written as log lines, so it is worded in one language, by the Slack side from its message
 * bundle; user mentions and date tokens stay tokens, and text of users or NCP is left as it is (whoever shows the trail
 * escapes it).
 */
public interface AuditWording extends AccessWording {
    /** The sentence for {@code reason}, as it ends an outcome's detail. */
    String ending(EndingReason reason);

    /** What became of a start, as the requester was told it. */
    String outcome(StartOutcome outcome);

    /** What a start did, the detail of its record: the operation, its target, the reason, the approver and the outcome. */
    String started(RolloutRequest request, StartOutcome outcome);

    /** The detail of an admin's start past a health gate that did not pass: what the gate said, and the reason. */
    String gateOverridden(RolloutRequest request, io.ncprollout.rollout.health.GateReport report);

    /** The detail of an admin's abandon: the operation, who had started it, and the admin's reason. */
    String abandoned(RolloutRequest request, String reason);

    /** How an operation ended, the detail of its outcome record: the operation, how long it took and why it ended. */
    String ended(Rollout rollout, Duration took);

    /** The detail of a daily purge: what was older than {@code keep} and went. */
    String purged(Duration keep, Retention.Purged purged);
}
