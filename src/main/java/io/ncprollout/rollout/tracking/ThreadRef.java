package io.ncprollout.rollout.tracking;

import java.util.Objects;

/**
 * Where an operation's messages live in chat: the channel, the parent message and the progress reply.
 *
 * @param channel    the channel id
 * @param parentTs   the parent message's timestamp (its id)
 * @param progressTs the threaded progress reply's timestamp, edited in place
 */
public record ThreadRef(String channel, String parentTs, String progressTs) {
    public ThreadRef {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(parentTs, "parentTs == null");
        Objects.requireNonNull(progressTs, "progressTs == null");
    }

    /** A thread not yet posted: the cluster is claimed but the messages are still being sent. */
    public static ThreadRef pending(String channel) {
        return new ThreadRef(channel, "", "");
    }

    public boolean isPending() {
        return parentTs.isEmpty();
    }
}
