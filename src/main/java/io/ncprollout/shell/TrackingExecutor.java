package io.ncprollout.shell;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's work executor in the shell: real threads, plus a count of tasks not yet finished, so that the shell
 * can wait until what a command set off (a precheck and its modal, a start) is done before it reads the next line.
 * A task that queues another is counted until both ended.
 */
final class TrackingExecutor implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrackingExecutor.class);

    private final ExecutorService threads;
    private int unfinished;

    TrackingExecutor(ExecutorService threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            unfinished++;
        }
        try {
            threads.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("work failed", e);
                } finally {
                    done();
                }
            });
        } catch (RuntimeException e) {
            done();
            throw e;
        }
    }

    private synchronized void done() {
        unfinished--;
        notifyAll();
    }

    /**
     * Waits until every task queued so far, and every task they queued, has ended.
     *
     * @return false when {@code timeout} passed first
     */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unfinished > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
