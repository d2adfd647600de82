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

    /** Runs every queued task at the same moment, one thread each, and waits for all (bounded by a minute). */
    public void runAllConcurrently() throws InterruptedException {
        java.util.List<Runnable> batch;
        synchronized (this) {
            batch = new java.util.ArrayList<>(tasks);
            tasks.clear();
        }
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(batch.size());
        try {
            for (Runnable task : batch) {
                pool.execute(() -> {
                    try {
                        go.await();
                        task.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("tasks still running after a minute");
            }
        }
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
