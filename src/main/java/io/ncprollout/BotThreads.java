package io.ncprollout;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's threads: how they are named, how a scheduled task survives its own failure, how they are drained. */
final class BotThreads {
    /** The bot's own logger: these lines are part of its start and stop. */
    private static final Logger log = LoggerFactory.getLogger(Bot.class);

    private BotThreads() {
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}… */
    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code task} for a fixed-delay schedule: what it throws is logged, since it would cancel the schedule for good. */
    static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("{} failed; it runs again at its next turn", what, e);
            }
        };
    }

    /** Lets the starts and prechecks in hand finish (bounded), so no start is cut between being sent and being stored. */
    static void drain(Executor executor, Duration within) {
        if (!(executor instanceof ExecutorService work)) {
            return;
        }
        work.shutdown();
        try {
            if (!work.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("work still running after {} s; interrupting it (an unfinished start is recovered at the next startup)", within.toSeconds());
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            work.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a poll cycle in flight finish its commits before the store closes; interrupts it after {@code within}. */
    static void awaitPoller(ScheduledExecutorService scheduler, Duration within) {
        try {
            if (!scheduler.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
                if (!scheduler.awaitTermination(2, TimeUnit.SECONDS)) {
                    log.warn("the poller did not stop; closing the store under it");
                }
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
