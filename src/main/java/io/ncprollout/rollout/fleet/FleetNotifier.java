package io.ncprollout.rollout.fleet;

import io.ncprollout.rollout.tracking.ThreadRef;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the chat that shows fleets: one message in the channel with the table of its clusters (edited as it
 * changes, with Pause, Resume and Stop), and one line in its thread per event. None of these throws.
 */
public interface FleetNotifier {

    /**
     * Posts the fleet's message.
     *
     * @return where it is, or empty when it could not be posted now (tried again at the next cycle)
     */
    Optional<ThreadRef> announce(Fleet fleet);

    /**
     * Edits the fleet's message to show {@code fleet}; {@code threads} links each started cluster's own thread.
     *
     * @return false when the chat did not take it now (tried again)
     */
    boolean showTable(Fleet fleet, Map<String, ThreadRef> threads);

    /**
     * Says {@code event} in the fleet's thread.
     *
     * @return false when the chat did not take it now (tried again, in order)
     */
    boolean say(Fleet fleet, FleetEvent event, Map<String, ThreadRef> threads);
}
