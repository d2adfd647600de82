package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.outbox.OutboxSender;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

    /** Edits the progress reply to show {@code rollout}, if what it shows changed since the last edit (coalesced). */
    void progress(Rollout rollout, ThreadRef thread, Instant now);

    /**
     * Says {@code notice} now, in the thread, and answers whether it was said. A final notice first edits the parent
     * message and the progress reply to the final state (edits are idempotent), then posts the final reply,
     * broadcast to the channel; a rollout without a thread (it never got one) is told to its requester directly.
     * Called by {@link OutboxSender} for notices stored in the outbox.
     */
    Delivery deliver(Rollout rollout, ThreadRef thread, Notice notice, Instant now);

    /**
     * What became of one delivery.
     *
     * @param outcome    said, to try again later, or never to be said
     * @param retryAfter how long to wait before trying again, for {@link Outcome#RETRY}
     * @param detail     why it was not said (empty when it was)
     */
    record Delivery(Outcome outcome, Duration retryAfter, String detail) {
        public Delivery {
            Objects.requireNonNull(outcome, "outcome == null");
            Objects.requireNonNull(retryAfter, "retryAfter == null");
            Objects.requireNonNull(detail, "detail == null");
        }

        public static Delivery delivered() {
            return new Delivery(Outcome.DELIVERED, Duration.ZERO, "");
        }

        public static Delivery retry(Duration after, String why) {
            return new Delivery(Outcome.RETRY, after, why);
        }

        public static Delivery dropped(String why) {
            return new Delivery(Outcome.DROPPED, Duration.ZERO, why);
        }

        /** What became of a delivery. */
        public enum Outcome {
            /** The chat accepted it. */
            DELIVERED,
            /** It failed for now (rate limit, network): try again. */
            RETRY,
            /** It can never be said (the channel is gone, the bot was removed): give up. */
            DROPPED
        }
    }

    /** The chat refused a post in a channel; {@link Refusal.ChannelUnavailable} tells the user who asked. */
    final class NotifyException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String channel;
        private final String error;

        /**
         * @param channel the channel id
         * @param error   the chat's error code, such as {@code not_in_channel}
         * @param cause   the failed call, if any
         */
        public NotifyException(String channel, String error, @Nullable Throwable cause) {
            super("cannot post in " + channel + ": " + error, cause);
            this.channel = channel;
            this.error = error;
        }

        public String channel() {
            return channel;
        }

        public String error() {
            return error;
        }

        /** What the user who asked is told. */
        public Refusal refusal() {
            return new Refusal.ChannelUnavailable(channel, error);
        }
    }
}
