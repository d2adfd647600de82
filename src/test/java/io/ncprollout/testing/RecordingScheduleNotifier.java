package io.ncprollout.testing;

import io.ncprollout.rollout.ScheduleNotifier;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.schedule.ScheduledRun;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ScheduleNotifier} that records what the channel would hear; it can be told to refuse posts. */
public final class RecordingScheduleNotifier implements ScheduleNotifier {
    /** The reminders posted, by run id. */
    public final List<String> reminded = new CopyOnWriteArrayList<>();
    /** The reminders withdrawn, by message ts. */
    public final List<String> withdrawn = new CopyOnWriteArrayList<>();
    /** Each ended run as told, with what the start answered. */
    public final List<Ended> ended = new CopyOnWriteArrayList<>();
    private final AtomicInteger ts = new AtomicInteger();
    private volatile boolean refusing;

    /**
     * One ending told.
     *
     * @param run the run in its final state
     * @param why what the start answered
     */
    public record Ended(ScheduledRun run, Optional<StartOutcome> why) {
    }

    /** From now on every post fails (the bot was removed from the channel) or succeeds again. */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    @Override
    public Optional<String> remind(ScheduledRun run) {
        if (refusing) {
            return Optional.empty();
        }
        reminded.add(run.id());
        return Optional.of("ts-" + ts.incrementAndGet());
    }

    @Override
    public void withdraw(ScheduledRun run, String messageTs) {
        withdrawn.add(messageTs);
    }

    @Override
    public boolean ended(ScheduledRun run, Optional<StartOutcome> why) {
        if (refusing) {
            return false;
        }
        ended.add(new Ended(run, why));
        return true;
    }
}
