package io.ncprollout.rollout;

/**
 * Port: the words of the audit trail for what the domain returns as data (an ending's reason). The trail is one record
 * for everyone and is also written as log lines, so it is worded in one language, by the Slack side from its message
 * bundle; user mentions and date tokens stay tokens, and text of users or NCP is left as it is (whoever shows the trail
 * escapes it).
 */
public interface AuditWording {
    /** The sentence for {@code reason}, as it ends an outcome's detail. */
    String ending(EndingReason reason);
}
