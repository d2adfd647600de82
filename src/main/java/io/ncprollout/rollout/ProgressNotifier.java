package io.ncprollout.rollout;

import java.time.Instant;

/**
 * Port to the chat where an operation's progress is shown (implemented over Slack). Failures to post are
 * the notifier's to log and report; they never fail the rollout itself.
 */
public interface ProgressNotifier {

    /**
     * Posts the parent message (who, what, why, when) and the threaded progress reply.
     *
     * @throws NotifyException when the channel cannot be posted to; its message says why and what to do
     */
    ThreadRef announce(Rollout rollout, String channel, Instant now) throws NotifyException;

    /** Edits the progress reply to show {@code rollout}, if what it shows changed since the last edit. */
    void progress(Rollout rollout, ThreadRef thread, Instant now);

    /** Says {@code notice} in the thread (a final notice also updates the parent message and is broadcast). */
    void notice(Rollout rollout, ThreadRef thread, Notice notice, Instant now);

    /** The chat refused a post; the message is for the user who asked. */
    final class NotifyException extends Exception {
        private static final long serialVersionUID = 1L;

        public NotifyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
