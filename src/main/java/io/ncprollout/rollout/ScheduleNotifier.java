package io.ncprollout.rollout;

import io.ncprollout.rollout.schedule.ScheduleSteps;
import io.ncprollout.rollout.schedule.ScheduledRun;
import java.util.Optional;

/**
 * Port: what the channel of a scheduled run hears, and the reminder's Cancel button. Implemented by the Slack side,
 * worded there in the requester's language. No method throws: a message that cannot be posted is reported as such,
 * and the runner decides what that means (see {@link ScheduleSteps} for the order of writes and messages).
 */
public interface ScheduleNotifier {

    /** Posts the reminder (mentioning the requester, with a Cancel button); its message ts, or empty when it was not posted. */
    Optional<String> remind(ScheduledRun run);

    /** Deletes reminder {@code ts} posted for {@code run} (another writer came first: it is not the run's reminder). */
    void withdraw(ScheduledRun run, String ts);

    /**
     * Tells the channel that {@code run} ended without its rollout ({@link ScheduledRun.State#REFUSED},
     * {@link ScheduledRun.State#MISSED} or {@link ScheduledRun.State#CANCELLED}), mentioning the requester, with
     * {@code why} in the requester's words when the start refused it; and turns its reminder's Cancel button into the
     * ending. A started run only has its reminder edited (its rollout's own thread speaks).
     *
     * @param why what the start answered, worded by the Slack side; empty for a missed or cancelled run
     * @return false when the channel could not be posted to (the caller tries again later, or gives up)
     */
    boolean ended(ScheduledRun run, Optional<StartOutcome> why);
}
