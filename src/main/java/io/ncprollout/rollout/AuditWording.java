package io.ncprollout.rollout;

import io.ncprollout.rollout.access.AccessWording;
import io.ncprollout.rollout.tracking.EndingReason;

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
}
