package io.ncprollout.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that only queues: the test decides when the work runs ({@link #runAll()}), so "before the ack" is exact. */
public final class QueueExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs queued tasks, and the tasks they queue, until none is left. */
    public void runAll() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
