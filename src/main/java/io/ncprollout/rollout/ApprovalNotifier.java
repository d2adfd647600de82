package io.ncprollout.rollout;

import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.tracking.ProgressNotifier;

/** Port: the chat message of a request waiting for a second person (implemented over Slack). */
public interface ApprovalNotifier {

    /**
     * Posts the request with Approve and Reject buttons.
     *
     * @return the message's id (timestamp)
     * @throws ProgressNotifier.NotifyException when the channel cannot be posted to
     */
    String ask(PendingApproval approval) throws ProgressNotifier.NotifyException;

    /** Edits the request's message to say it was approved, rejected or expired (the buttons go away). */
    void decided(PendingApproval approval);
}
